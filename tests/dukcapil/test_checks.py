"""System checks: the public SECRET_KEY of this repository is refused (dukcapil.E010)."""

import os
import subprocess
import sys

from django.conf import settings

from dukcapil.checks import secret_key_not_public
from dukcapil.settings.base import PUBLIC_DEFAULT_SECRET_KEY


def test_public_secret_key_is_an_error(settings):
    settings.SECRET_KEY = PUBLIC_DEFAULT_SECRET_KEY
    assert [e.id for e in secret_key_not_public()] == ["dukcapil.E010"]
    settings.SECRET_KEY = "kunci-acak-milik-kantor-ini-" + "x" * 40
    assert secret_key_not_public() == []


def test_production_settings_refuse_to_start_with_the_public_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dukcapil.settings.production",
        "SECRET_KEY": PUBLIC_DEFAULT_SECRET_KEY,
        "ALLOWED_HOSTS": "dukcapil.example",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "dukcapil.E010" in done.stderr and "kunci bawaan yang dipublikasikan" in done.stderr
