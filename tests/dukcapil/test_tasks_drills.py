"""Fault drills with real processes: a redis-server of the test's own (stopped, flushed, restarted)
as the broker, real Celery worker processes (one SIGKILLed), the Kadis signing through the view.
Every document is produced exactly once: one Dokumen row and one file per berkas, its hash right."""

import hashlib
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from dukcapil import services
from dukcapil.celery import app
from dukcapil.choices import Status
from dukcapil.models import BatchTTE, Berkas, Dokumen, KartuKendali, SesiTTE
from dukcapil.tte.services import record_ref
from tests.conftest import BrokerAt
from tests.factories import TTE_PASSPHRASE, berkas_in

from .test_tasks_worker import wait_for, worker_team

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def drill(catalogue, kadis_p12, private_redis, settings):
    """A team, the Celery app of this process publishing to the private Redis, one record per chunk."""
    settings.TTE_CHUNK_SIZE = 1
    team = worker_team(kadis_p12)
    switch = BrokerAt(private_redis.url)
    yield team
    switch.restore()


def tte_berkas(team, seqs) -> list[Berkas]:
    """KK berkas waiting for the Kadis (built in-process: the intake's resi is made at once)."""
    app.conf.task_always_eager = True
    try:
        return [berkas_in(Status.TTE, team, seq=n) for n in seqs]
    finally:
        app.conf.task_always_eager = False


def kadis_signs(client, berkas) -> tuple[int, float]:
    """The Kadis's POST from the kotak masuk; returns the status code and how long it took."""
    started = time.monotonic()
    response = client.post(
        reverse("tte-batch-start"), {"record": [record_ref(b) for b in berkas], "passphrase": TTE_PASSPHRASE}
    )
    return response.status_code, time.monotonic() - started


def count_in(berkas, status) -> int:
    return Berkas.objects.filter(pk__in=[b.pk for b in berkas], status=status).count()


def produced(berkas) -> int:
    return Dokumen.objects.filter(berkas__in=berkas, jenis="kk").count()


def sweep() -> None:
    """The beat's sweep as it runs once DOCUMENT_SWEEP_AFTER has passed."""
    services.berkas_sweep_pending_documents(now=timezone.now() + settings.DOCUMENT_SWEEP_AFTER + timedelta(minutes=1))


def assert_each_document_once(berkas) -> None:
    rows = list(Dokumen.objects.filter(berkas__in=berkas, jenis="kk").values_list("object_id", "berkas_pdf", "sha256"))
    assert sorted(pk for pk, _, _ in rows) == sorted(b.pk for b in berkas)  # one per berkas
    for _, name, sha256 in rows:
        assert hashlib.sha256((Path(settings.MEDIA_ROOT) / name).read_bytes()).hexdigest() == sha256
    files = [p for p in Path(settings.MEDIA_ROOT, "dokumen").rglob("*-kk*.pdf")]
    assert len(files) == len(berkas)  # no second file of any berkas on disk
    # one «cetak → siap diambil» per berkas on its kartu kendali; nothing went back to «tte»
    done = KartuKendali.objects.filter(object_id__in=[b.pk for b in berkas], ke_status=Status.SIAP_DIAMBIL)
    assert done.count() == len(berkas)
    assert not KartuKendali.objects.filter(
        object_id__in=[b.pk for b in berkas], dari_status=Status.CETAK, ke_status=Status.TTE
    ).exists()


def test_redis_stopped_before_and_during_a_tte_batch(drill, client, settings, private_redis, start_worker):
    team = drill
    # 20 in the second batch: with the signer's key kept per worker process a one-document chunk
    # takes tens of milliseconds, and the outage must come while the batch still runs
    before, during = tte_berkas(team, range(1, 3)), tte_berkas(team, range(3, 23))
    # the cache is on the same Redis, as in production
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": f"{private_redis.url[:-1]}1"}
    }
    client.force_login(team["kadis"])

    # given Redis is down when the Kadis signs
    private_redis.stop()
    status, took = kadis_signs(client, before)
    # then the request succeeds and the berkas wait in «cetak» with their session in the database
    assert status == 302, "the Kadis's request failed while Redis was down"
    assert count_in(before, Status.CETAK) == len(before)
    assert SesiTTE.objects.filter(batch=BatchTTE.objects.get()).exists()
    print(f"\nKadis's request with Redis down: {took:.2f} s for {len(before)} berkas")

    # when Redis returns, a worker runs and the sweep re-publishes what could not be published
    private_redis.start()
    log = start_worker(broker=private_redis.url)
    sweep()
    assert wait_for(lambda: count_in(before, Status.SIAP_DIAMBIL) == len(before), 90), log.read_text()[-3000:]

    # given Redis stops while the worker signs the next batch
    status, _ = kadis_signs(client, during)
    assert status == 302
    assert wait_for(lambda: produced(during) >= 1, 90), log.read_text()[-3000:]
    private_redis.stop()
    left = count_in(during, Status.CETAK)
    assert left > 0, "the batch finished before Redis stopped; the drill proved nothing"
    time.sleep(1)
    outage_started = time.monotonic()
    private_redis.start()  # append-only: the queued tasks survived the restart
    sweep()  # the task that was running when the connection broke is not acknowledged
    assert wait_for(lambda: count_in(during, Status.SIAP_DIAMBIL) == len(during), 90), log.read_text()[-3000:]
    back = time.monotonic() - outage_started
    print(f"{left} of {len(during)} berkas in «cetak» when Redis stopped; all done {back:.1f} s after it returned")
    assert_each_document_once(before + during)


def test_redis_losing_its_data_mid_batch(drill, client, private_redis, start_worker):
    team = drill
    berkas = tte_berkas(team, range(1, 21))  # enough that the flush comes while the worker signs
    log = start_worker(broker=private_redis.url)
    client.force_login(team["kadis"])
    status, _ = kadis_signs(client, berkas)
    assert status == 302
    assert wait_for(lambda: produced(berkas) >= 1, 90), log.read_text()[-3000:]

    # when Redis loses every queued task while the worker signs
    assert private_redis.command("FLUSHALL").startswith(b"+OK")
    left = count_in(berkas, Status.CETAK)
    assert left > 0, "the batch finished before the flush; the drill proved nothing"
    # then the signing session is untouched (it is in the database)
    assert SesiTTE.objects.filter(batch=BatchTTE.objects.get()).exists()
    sweep()
    assert wait_for(lambda: count_in(berkas, Status.SIAP_DIAMBIL) == len(berkas), 90), log.read_text()[-3000:]
    print(f"\n{left} of {len(berkas)} berkas waiting when Redis was flushed; all produced after the sweep")
    assert_each_document_once(berkas)
    assert not SesiTTE.objects.exists()  # deleted when the batch ended


def test_worker_killed_mid_batch_and_restarted(drill, client, settings, private_redis, start_worker):
    settings.TTE_CHUNK_SIZE = 2
    team = drill
    berkas = tte_berkas(team, range(1, 13))  # enough that the kill comes while the worker signs
    log = start_worker(broker=private_redis.url)
    client.force_login(team["kadis"])
    status, _ = kadis_signs(client, berkas)
    assert status == 302
    assert wait_for(lambda: produced(berkas) >= 1, 90), log.read_text()[-3000:]

    # when the worker process is SIGKILLed mid-batch
    start_worker.kill()
    left = count_in(berkas, Status.CETAK)
    assert left > 0, "the batch finished before the kill; the drill proved nothing"
    # then a restarted worker takes the queued chunks and the sweep the one that died with it
    start_worker(broker=private_redis.url)
    sweep()
    assert wait_for(lambda: count_in(berkas, Status.SIAP_DIAMBIL) == len(berkas), 90), log.read_text()[-3000:]
    print(f"\n{left} of {len(berkas)} berkas in «cetak» when the worker was killed; all produced once after restart")
    assert_each_document_once(berkas)
