"""The demo builds in both modes of bin/start: embedded (no broker) and with a broker and worker."""

import pytest
from celery import current_app

from dukcapil.choices import Status
from dukcapil.demo import seed_demo
from dukcapil.models import Berkas, Dokumen

# on_commit fires at each commit, as in bin/start (not at the end of a test transaction)
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker_mode(settings):
    """A broker is configured and tasks go to it (no eager execution), as with DATABASE_URL + broker."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    before = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = False
    yield
    current_app.conf.task_always_eager = before


def test_with_a_broker_the_demo_builds_its_documents_without_waiting_for_a_worker(worker_mode, kadis_p12):
    seed_demo()
    ready = Berkas.objects.filter(status=Status.SIAP_DIAMBIL)
    assert ready.exists()
    assert all(Dokumen.objects.filter(berkas=b).exclude(jenis="resi").exists() for b in ready)
    # one berkas waits in «cetak» for the sweep, as after a broker outage: beat runs in this mode
    assert Berkas.objects.filter(status=Status.CETAK).count() == 1
    assert current_app.conf.task_always_eager is False  # the setting is restored after the seed


def test_embedded_mode_leaves_no_berkas_stuck_in_cetak(settings, kadis_p12):
    settings.CELERY_BROKER_URL = None
    settings.CELERY_TASK_ALWAYS_EAGER = True
    seed_demo()
    assert not Berkas.objects.filter(status=Status.CETAK).exists()
    assert Berkas.objects.filter(status=Status.DISERAHKAN).exists()
    # the late list of the kinerja dashboard has rows on the demo: one past its step, one past its tenggat
    from django.utils import timezone

    from dukcapil.kinerja import selectors as kinerja

    today = timezone.localdate()
    late = kinerja.terlambat(kinerja.Periode(today, today))
    assert {r["status"] for r in late} >= {Status.DITERIMA, Status.VERIFIKASI}
    assert [r["lewat_tenggat"] for r in late if r["status"] == Status.VERIFIKASI] == [True]
