"""The embedded demo's settings (bin/start): its own SECRET_KEY in a file, DEBUG off unless asked."""

import os
import stat
import subprocess
import sys

from django.conf import settings

from dukcapil.settings.base import PUBLIC_DEFAULT_SECRET_KEY, secret_key_file

PRINT = "from django.conf import settings; print(settings.SECRET_KEY); print(settings.DEBUG)"


def local_settings(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env.update(DJANGO_SETTINGS_MODULE="dukcapil.settings.local", SECRET_KEY_FILE=str(tmp_path / "secret_key"), **extra)
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + PRINT],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key, debug = done.stdout.split()
    return key, debug


def test_secret_key_file_is_made_once_owner_only_and_reused(tmp_path):
    path = tmp_path / "var" / "secret_key"
    first = secret_key_file(path)
    assert len(first) >= 50 and first != PUBLIC_DEFAULT_SECRET_KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_key_file(path) == first
    assert secret_key_file(tmp_path / "other") != first  # every install its own


def test_local_settings_without_secret_key_generate_then_read_the_file(tmp_path):
    key, debug = local_settings(tmp_path)
    assert key != PUBLIC_DEFAULT_SECRET_KEY and (tmp_path / "secret_key").read_text().strip() == key
    assert debug == "False"
    again, _ = local_settings(tmp_path)
    assert again == key


def test_local_settings_debug_only_when_asked(tmp_path):
    _, debug = local_settings(tmp_path, DEBUG="1")
    assert debug == "True"
