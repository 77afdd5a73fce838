import shutil

import pytest
from django.conf import settings

from dukcapil.choices import Role

from .factories import staff


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the Bintan catalogue once into the test database (tests roll back to it)."""
    from dukcapil.catalogue import load_office

    with django_db_blocker.unblock():
        load_office(slug="bintan")


@pytest.fixture
def catalogue(db):
    """The Bintan office catalogue, active: its KK SOP drives the berkas timings.

    Transactional tests (which run last) flush the database; then it is loaded again.
    """
    from dukcapil.catalogue import load_office
    from dukcapil.models import Kantor

    kantor = Kantor.objects.filter(slug="bintan", aktif=True).first()
    return kantor or load_office(slug="bintan").kantor


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
