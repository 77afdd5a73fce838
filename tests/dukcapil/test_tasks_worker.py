"""The document task once through a real Celery worker process consuming from Redis."""

import time
from pathlib import Path

import pytest
from django.conf import settings

from dukcapil.celery import app
from dukcapil.choices import Role, Status
from dukcapil.models import Berkas, Dokumen
from tests.conftest import give_certificate
from tests.factories import berkas_in, sign, staff


def worker_team(kadis_p12):
    team = {
        "loket": staff(Role.PETUGAS_LOKET),
        "operator": staff(Role.OPERATOR_SIAK),
        "kasi": staff(Role.KASI),
        "kabid": staff(Role.KABID),
        "kadis": staff(Role.KADIS, bidang=None),
    }
    give_certificate(team["kadis"], kadis_p12)
    return team


def wait_for(predicate, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_kk_pdf_is_made_by_a_real_worker_after_tte(catalogue, start_worker, kadis_p12):
    team = worker_team(kadis_p12)
    app.conf.task_always_eager = True  # build the berkas in-process (resi), then hand the TTE to the worker
    berkas = berkas_in(Status.TTE, team)
    app.conf.task_always_eager = False

    sign([berkas], team["kadis"])  # no worker runs yet: the task waits in Redis
    berkas.refresh_from_db()
    assert berkas.status == Status.CETAK  # the Kadis's request returned without making the PDF
    assert not Dokumen.objects.filter(berkas=berkas, jenis="kk").exists()

    log_path = start_worker()
    done = wait_for(lambda: Berkas.objects.filter(pk=berkas.pk, status=Status.SIAP_DIAMBIL).exists())
    assert done, log_path.read_text()[-3000:]
    dokumen = Dokumen.objects.get(berkas=berkas, jenis="kk")
    assert dokumen.berkas_pdf.read().startswith(b"%PDF")
    assert "dukcapil.tasks.sign_chunk" in log_path.read_text()
    assert dokumen.ditandatangani_oleh == "Kepala Dinas Uji"
    # the worker wrote history as the system user
    assert berkas.history.filter(status=Status.SIAP_DIAMBIL).get().history_user.username == "sistem"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_retries_a_failed_document_and_makes_it_once(catalogue, start_worker, kadis_p12):
    team = worker_team(kadis_p12)
    app.conf.task_always_eager = True
    berkas = berkas_in(Status.TTE, team)
    app.conf.task_always_eager = False
    # given the document store cannot be written (a file squats where the folder must go)
    blocker = Path(settings.MEDIA_ROOT) / "dokumen"
    aside = blocker.with_name("dokumen-aside")
    blocker.rename(aside)  # the resi made at intake lives there
    blocker.write_text("")

    log_path = start_worker()
    sign([berkas], team["kadis"])
    assert wait_for(lambda: "Retry in" in log_path.read_text()), log_path.read_text()[-3000:]
    assert Berkas.objects.get(pk=berkas.pk).status == Status.CETAK

    # when the store is back, the retry completes the berkas with exactly one document
    blocker.unlink()
    aside.rename(blocker)
    assert wait_for(lambda: Berkas.objects.filter(pk=berkas.pk, status=Status.SIAP_DIAMBIL).exists()), (
        log_path.read_text()[-3000:]
    )
    assert Dokumen.objects.filter(berkas=berkas, jenis="kk").count() == 1
