"""Ask for a document, produce it once, sweep lost ones, delete old files."""

import hashlib
import json
import logging
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from ..exceptions import BerkasError
from .models import Cetakan
from .registry import renderer_for

logger = logging.getLogger(__name__)

GALAT_UMUM = "Dokumen gagal dibuat karena kesalahan sistem. Silakan minta cetak ulang."
GALAT_AKSES = "Data ini tidak lagi dapat Anda lihat, sehingga dokumen tidak dibuat."


def cetakan_kunci(*, jenis: str, params: dict, user) -> str:
    payload = json.dumps([jenis, params, user.pk], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def cetakan_minta(*, user, jenis: str, params: dict) -> Cetakan:
    """The row in the caller's transaction; the task is published when it commits.

    An identical request (same jenis, params, user) within ``CETAKAN_REUSE_SECONDS`` while the
    earlier one still waits (a double click, a reload) gets that row back instead of a second
    rendering. A finished one is never reused: the data may have changed since (a new disposisi)."""
    renderer_for(jenis)  # an unknown jenis is a programming error: fail in the request
    kunci = cetakan_kunci(jenis=jenis, params=params, user=user)
    since = timezone.now() - settings.CETAKAN_REUSE_AFTER
    recent = (
        Cetakan.objects.filter(diminta_oleh=user, kunci=kunci, dibuat__gte=since, status=Cetakan.Status.ANTRE)
        .order_by("-dibuat")
        .first()
    )
    if recent is not None:
        return recent
    from ..tasks import buat_cetakan

    cetakan = Cetakan.objects.create(diminta_oleh=user, jenis=jenis, params=params, kunci=kunci)
    buat_cetakan.delay_on_commit(cetakan.pk)
    return cetakan


def _refusal(exc: Exception) -> str:
    if isinstance(exc, BerkasError):
        return exc.message
    text = str(exc.args[0]) if isinstance(exc, PermissionDenied | Http404) and exc.args else ""
    return text or GALAT_AKSES


def cetakan_buat(*, cetakan_id: int) -> bool:
    """Render one waiting document; True when it was produced now. Safe to call twice or concurrently:
    the row is locked (skip_locked) and only a waiting row is rendered."""
    with transaction.atomic():
        cetakan = (
            Cetakan.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("diminta_oleh")
            .filter(pk=cetakan_id, status=Cetakan.Status.ANTRE)
            .first()
        )
        if cetakan is None:
            return False  # done already, or another worker is rendering it right now
        user = cetakan.diminta_oleh
        try:
            if not user.is_active:
                raise PermissionDenied("Akun yang meminta dokumen ini tidak aktif lagi.")
            filename, data = renderer_for(cetakan.jenis)(dict(cetakan.params), user)
        except (PermissionDenied, Http404, ObjectDoesNotExist, BerkasError) as exc:
            cetakan.status, cetakan.galat = Cetakan.Status.GAGAL, _refusal(exc)[:300]
        except Exception as exc:  # noqa: BLE001 (any renderer fault ends «gagal», told to the user)
            # ids and the exception type only: the message may hold personal data
            logger.error("cetakan %s (%s) failed: %s", cetakan.pk, cetakan.jenis, type(exc).__name__)
            cetakan.status, cetakan.galat = Cetakan.Status.GAGAL, GALAT_UMUM
        else:
            cetakan.file.save(f"{cetakan.token}.pdf", ContentFile(data), save=False)
            cetakan.nama_file = filename[:200]
            cetakan.status = Cetakan.Status.SIAP
        cetakan.selesai = timezone.now()
        cetakan.save(update_fields=["status", "galat", "file", "nama_file", "selesai"])
        return cetakan.status == Cetakan.Status.SIAP


def cetakan_sweep(*, now: datetime | None = None) -> list[int]:
    """Publish again what still waits after ``CETAKAN_SWEEP_AFTER`` (broker down, task lost)."""
    from ..tasks import buat_cetakan

    cutoff = (now or timezone.now()) - settings.CETAKAN_SWEEP_AFTER
    ids = list(Cetakan.objects.filter(status=Cetakan.Status.ANTRE, dibuat__lt=cutoff).values_list("pk", flat=True))
    for pk in ids:
        buat_cetakan.publish(pk)
    return ids


def cetakan_bersihkan(*, now: datetime | None = None) -> int:
    """Delete documents (file and row) older than ``CETAKAN_KEEP_DAYS``; returns how many."""
    cutoff = (now or timezone.now()) - settings.CETAKAN_KEEP
    old = list(Cetakan.objects.filter(dibuat__lt=cutoff).only("pk", "file"))
    for cetakan in old:
        if cetakan.file:
            cetakan.file.delete(save=False)
    Cetakan.objects.filter(pk__in=[c.pk for c in old]).delete()
    return len(old)
