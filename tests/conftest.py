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
        _load_catalogues(load_office)


def _load_catalogues(load_office):
    """Bintan is the active office; the others supply the SOPs Bintan lacks (SOP_FALLBACK_OFFICES)."""
    for slug in ("lumajang", "probolinggo", "loket-sederhana", "pekanbaru"):
        load_office(slug=slug, activate=False)
    return load_office(slug="bintan")


@pytest.fixture
def catalogue(db):
    """The Bintan office catalogue, active: its KK SOP drives the berkas timings.

    Transactional tests (which run last) flush the database; then it is loaded again.
    """
    from dukcapil.catalogue import load_office
    from dukcapil.models import Kantor

    kantor = Kantor.objects.filter(slug="bintan", aktif=True).first()
    return kantor or _load_catalogues(load_office).kantor


@pytest.fixture(scope="session")
def kadis_p12():
    """One development CA and one signer PKCS#12 for the whole run (RSA keys are slow to make)."""
    from dukcapil.tte import devca

    from .factories import TTE_PASSPHRASE

    directory = settings.TTE_DIR
    ca = devca.load_ca(directory)
    if ca is None:
        ca = devca.create_ca()
        devca.write_ca(ca, directory)
    path = directory / "kadis-uji.p12"
    path.write_bytes(
        devca.issue_signer_p12(ca, nama="Kepala Dinas Uji", nik="2102011708700001", passphrase=TTE_PASSPHRASE)
    )
    return path


def give_certificate(user, p12_path):
    from dukcapil.models import SertifikatPenandatangan

    return SertifikatPenandatangan.objects.create(
        pengguna=user, nama="Kepala Dinas Uji", nik="2102011708700001", p12_path=str(p12_path)
    )


@pytest.fixture
def warga(db):
    """The population register as migrated from SIAK: families, a child of 4, a foreign resident."""
    from pendaftaran.demo import seed_register

    return seed_register(families=4, ktp_el=5, kia=5)


@pytest.fixture
def team(catalogue, kadis_p12):
    """One officer per role in Pendaftaran, the Kadis (all bidang, with a signing certificate), and a
    Kasi of Pencatatan Sipil."""
    kadis = staff(Role.KADIS, bidang=None)
    give_certificate(kadis, kadis_p12)
    return {
        "loket": staff(Role.PETUGAS_LOKET),
        "operator": staff(Role.OPERATOR_SIAK),
        "kasi": staff(Role.KASI),
        "kabid": staff(Role.KABID),
        "kadis": kadis,
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


class BrokerAt:
    """Points the test process's Celery app at another broker (tasks published, not run eagerly);
    ``restore()`` puts the test broker and eager tasks back."""

    def __init__(self, url: str, retry_policy: dict | None = None):
        from dukcapil.celery import app

        self.app = app
        self.saved = (app.conf.broker_write_url, app.conf.task_always_eager, app.conf.task_publish_retry_policy)
        self._reset_pools()
        app.conf.broker_write_url = url
        app.conf.task_always_eager = False
        if retry_policy is not None:
            app.conf.task_publish_retry_policy = retry_policy

    def _reset_pools(self) -> None:  # connections are pooled per broker URL; forget the cached ones
        self.app._pool = None
        self.app.amqp._producer_pool = None

    def restore(self) -> None:
        self._reset_pools()
        conf = self.app.conf
        conf.broker_write_url, conf.task_always_eager, conf.task_publish_retry_policy = self.saved


@pytest.fixture
def broker_down_for_tte():
    """The Celery app pointed at a port where nothing listens (Redis died); restored afterwards."""
    switch = BrokerAt("redis://127.0.0.1:1/0", retry_policy={"max_retries": 0})
    yield switch
    switch.restore()


@pytest.fixture
def cetak_pdf(django_capture_on_commit_callbacks):
    """GET a «Cetak PDF» URL as the logged-in ``client``: the request answers with a redirect to the
    waiting page; the task published on commit runs (eagerly), then the page offers the file, which
    is returned (a FileResponse: read it with ``b"".join(response.streaming_content)``)."""

    def get(client, url: str, data: dict | None = None):
        with django_capture_on_commit_callbacks(execute=True):
            asked = client.get(url, data or {})
        assert asked.status_code == 302 and asked["Location"].startswith("/cetakan/"), asked
        page = client.get(asked["Location"])
        assert page.status_code == 200 and "Dokumen siap" in page.content.decode()
        response = client.get(asked["Location"] + "unduh/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        response.pdf = b"".join(response.streaming_content)
        return response

    return get
