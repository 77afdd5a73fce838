"""Celery tasks take ids and call services. The berkas state is the outbox (see the sweep)."""

import functools
import logging
from datetime import timedelta

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.db import transaction
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from . import services

logger = logging.getLogger(__name__)


class OutboxTask(DjangoTask):
    """delay_on_commit that never breaks the committed request when the broker is down.

    The state change is already committed; the periodic sweep re-enqueues what was not
    published, so a failed publish is logged (without personal data) and swallowed.
    """

    def delay_on_commit(self, *args, **kwargs) -> None:
        transaction.on_commit(functools.partial(self.publish, *args, **kwargs))

    def publish(self, *args, **kwargs) -> bool:
        """delay() that logs instead of raising when the broker is unreachable."""
        try:
            self.delay(*args, **kwargs)
        except (OperationalError, RedisError, OSError) as exc:  # broker unreachable: the sweep picks it up
            # ids only: task arguments never carry personal data or the passphrase
            logger.warning("could not enqueue %s%r: %s; the sweep will retry", self.name, args, type(exc).__name__)
            return False
        return True


RETRY = {
    "bind": True,
    "base": OutboxTask,
    "autoretry_for": (Exception,),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "max_retries": 8,
    "acks_late": True,
}


@shared_task(name="dukcapil.tasks.sign_chunk", **RETRY)
def sign_chunk(self, batch_id: int, item_ids: list[int]) -> None:
    from .tte.services import tte_sign_chunk

    tte_sign_chunk(batch_id=batch_id, item_ids=item_ids)


@shared_task(name="dukcapil.tasks.produce_resi", **RETRY)
def produce_resi(self, berkas_id: int) -> int | None:
    dokumen = services.berkas_produce_resi(berkas_id=berkas_id)
    return dokumen.pk if dokumen else None


@shared_task(name="dukcapil.tasks.sweep_pending_documents")
def sweep_pending_documents() -> int:
    return len(services.berkas_sweep_pending_documents())


@shared_task(name="dukcapil.tasks.kirim_pesan", **RETRY)
def kirim_pesan(self, pesan_id: int) -> bool:
    """Send one outbox row; after a temporary failure the task comes back when the row's backoff
    ends (``coba_lagi_pada``). Eager (no broker) and past max_retries, the sweep takes over."""
    from django.utils import timezone

    from .notifikasi.services import Hasil, kirim, retry_countdown

    # a retry comes when the row's backoff ends (to the second); a first run sends whatever is queued
    due_by = timezone.now() + timedelta(seconds=1) if self.request.retries else None
    hasil = kirim(pesan_id, due_by=due_by)
    if hasil == Hasil.DITUNDA and not self.request.is_eager and self.request.retries < self.max_retries:
        countdown = retry_countdown(pesan_id)
        if countdown is not None:
            raise self.retry(countdown=countdown)
    return hasil == Hasil.TERKIRIM


@shared_task(name="dukcapil.tasks.sweep_outbox")
def sweep_outbox() -> int:
    from .notifikasi.services import sweep_outbox as sweep

    return sweep()


@shared_task(name="dukcapil.tasks.buat_cetakan", **RETRY)
def buat_cetakan(self, cetakan_id: int) -> bool:
    from .cetakan.services import cetakan_buat

    return cetakan_buat(cetakan_id=cetakan_id)


@shared_task(name="dukcapil.tasks.sweep_cetakan")
def sweep_cetakan() -> int:
    from .cetakan.services import cetakan_sweep

    return len(cetakan_sweep())


@shared_task(name="dukcapil.tasks.bersihkan_cetakan")
def bersihkan_cetakan() -> int:
    from .cetakan.services import cetakan_bersihkan

    return cetakan_bersihkan()
