import shutil

import pytest
from django.conf import settings
from django.core.management import call_command

from dukcapil.choices import Role

from .factories import staff


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def catalogue(db):
    call_command("loaddata", "katalog_minimal", verbosity=0)


@pytest.fixture
def team(catalogue):
    """One officer per role in Pendaftaran, the Kadis (all bidang), and a Kasi of Pencatatan Sipil."""
    return {
        "loket": staff(Role.PETUGAS_LOKET),
        "operator": staff(Role.OPERATOR_SIAK),
        "kasi": staff(Role.KASI),
        "kabid": staff(Role.KABID),
        "kadis": staff(Role.KADIS, bidang=None),
        "pengambilan": staff(Role.PETUGAS_PENGAMBILAN),
        "admin": staff(Role.ADMIN, bidang=None, is_staff=True),
        "kasi_capil": staff(Role.KASI, bidang="pencatatan_sipil"),
    }


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


def pytest_report_header(config):
    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE']} {db.get('HOST')}:{db.get('PORT')}; broker: {settings.CELERY_BROKER_URL}"
