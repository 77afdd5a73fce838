"""The signing session of a batch lives in the database, encrypted, expiring; not in Redis."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.models import BatchTTE, Berkas, SesiTTE
from dukcapil.tte import session_store
from dukcapil.tte.services import record_ref
from tests.factories import TTE_PASSPHRASE, berkas_in, committed, sign


def test_the_passphrase_is_kept_encrypted_per_batch_and_expires(team, settings):
    batch = BatchTTE.objects.create(penandatangan=team["kadis"])
    session_store.put(batch.pk, TTE_PASSPHRASE)
    row = SesiTTE.objects.get(batch=batch)
    assert TTE_PASSPHRASE.encode() not in bytes(row.rahasia)
    assert session_store.get(batch.pk) == TTE_PASSPHRASE
    ttl = timedelta(seconds=settings.TTE_SESSION_TTL)
    assert timezone.now() + ttl - timedelta(seconds=5) < row.berlaku_sampai <= timezone.now() + ttl
    # another key (another install) cannot read it
    settings.TTE_SESSION_KEY = "kunci-lain"
    assert session_store.get(batch.pk) is None
    settings.TTE_SESSION_KEY = ""
    # past its expiry the session is gone for the workers
    SesiTTE.objects.filter(batch=batch).update(berlaku_sampai=timezone.now() - timedelta(seconds=1))
    assert session_store.get(batch.pk) is None
    assert session_store.drop_expired() == 1
    assert not SesiTTE.objects.exists()


def test_the_session_is_deleted_when_the_batch_ends(team):
    berkas = berkas_in(Status.TTE, team)
    batch = sign([berkas], team["kadis"])  # tasks run in-process: the batch ends at once
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    batch.refresh_from_db()
    assert batch.selesai_pada is not None
    assert not SesiTTE.objects.filter(batch=batch).exists()


def test_kadis_signs_while_redis_is_down(client, team, settings, broker_down_for_tte, caplog):
    """Cache and broker both unreachable (one Redis in production): the request still succeeds."""
    berkas = [berkas_in(Status.TTE, team, seq=n) for n in (1, 2)]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    settings.TTE_CHUNK_SIZE = 1  # two chunks
    client.force_login(team["kadis"])
    caplog.clear()
    with committed():
        response = client.post(
            reverse("tte-batch-start"), {"record": [record_ref(b) for b in berkas], "passphrase": TTE_PASSPHRASE}
        )
    assert response.status_code == 302
    batch = BatchTTE.objects.get()
    assert response["Location"] == reverse("tte-batch", args=[batch.pk])
    assert {b.status for b in Berkas.objects.filter(pk__in=[b.pk for b in berkas])} == {Status.CETAK}
    assert session_store.get(batch.pk) == TTE_PASSPHRASE  # waiting in the database for the workers
    # the failed publish is logged with ids only: no passphrase, no names
    published = [r.getMessage() for r in caplog.records if "could not enqueue" in r.getMessage()]
    # one refused publish is enough: the other chunk is left to the sweep instead of retried
    assert len(published) == 1 and "dukcapil.tasks.sign_chunk" in published[0]
    assert not any(TTE_PASSPHRASE in r.getMessage() or berkas[0].pemohon_nama in r.getMessage() for r in caplog.records)
