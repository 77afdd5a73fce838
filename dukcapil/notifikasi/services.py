"""Write notices and emails in the caller's transaction; send each email once, after commit."""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import Notifikasi, PesanKeluar

logger = logging.getLogger(__name__)


def _tentang(record) -> dict:
    if record is None:
        return {}
    return {"content_type": ContentType.objects.get_for_model(record), "object_id": record.pk}


def notify(recipients, *, judul: str, pesan: str, url: str, record=None, email: bool = True) -> list[Notifikasi]:
    """An in-app notice for each recipient and, for those with an address, one email (outbox)."""
    users = {user.pk: user for user in recipients if user is not None and user.is_active}.values()
    tentang = _tentang(record)
    rows = Notifikasi.objects.bulk_create(
        [Notifikasi(penerima=user, judul=judul[:200], pesan=pesan, url=url, **tentang) for user in users]
    )
    addresses = sorted({user.email for user in users if user.email})
    if email and addresses:
        link = f"{settings.PUBLIC_BASE_URL.rstrip('/')}{url}" if url.startswith("/") else url
        kirim_email(addresses, subjek=judul, isi=f"{pesan}\n\n{link}".strip(), record=record)
    return rows


def kirim_email(to: Iterable[str], *, subjek: str, isi: str, lampiran=(), record=None) -> PesanKeluar:
    """Queue one email (attachments: Dokumen rows, read at send time); sent after commit."""
    from ..tasks import kirim_pesan

    pesan = PesanKeluar.objects.create(kepada=sorted(set(to)), subjek=subjek[:200], isi=isi, **_tentang(record))
    if lampiran:
        pesan.lampiran.set(lampiran)
    kirim_pesan.delay_on_commit(pesan.pk)
    return pesan


def kabari_warga(*, email: str = "", telepon: str = "", subjek: str, isi: str, record=None) -> list[PesanKeluar]:
    """Tell a citizen (a pemohon, a pelapor, a ticket holder) something, through the outbox.

    One row per channel the citizen gave, written in the caller's transaction. The text must carry
    no NIK and no document: a citizen follows a link into their own account for those."""
    rows = []
    if email:
        rows.append(kirim_email([email], subjek=subjek, isi=isi, record=record))
    return rows


def deliver(pesan_id: int) -> bool:
    """Send one queued email; True when it went out now. Safe to call twice or concurrently."""
    with transaction.atomic():
        pesan = PesanKeluar.objects.select_for_update(skip_locked=True).filter(pk=pesan_id).first()
        if pesan is None or pesan.status != PesanKeluar.Status.ANTRE:
            return False  # sent already, given up, or another worker is sending it right now
        pesan.percobaan += 1
        pesan.dicoba_pada = timezone.now()
        message = EmailMessage(pesan.subjek, pesan.isi, settings.DEFAULT_FROM_EMAIL, pesan.kepada)
        for dokumen in pesan.lampiran.all():
            with dokumen.berkas_pdf.open("rb") as pdf:
                message.attach(f"{dokumen.jenis}-{dokumen.nomor or dokumen.pk}.pdf", pdf.read(), "application/pdf")
        try:
            message.send()
        except OSError as exc:  # mail server down or refusing: stays queued for the sweep
            pesan.galat_terakhir = str(exc)[:300]
            if pesan.percobaan >= settings.EMAIL_MAX_ATTEMPTS:
                pesan.status = PesanKeluar.Status.GAGAL
            pesan.save(update_fields=["percobaan", "dicoba_pada", "galat_terakhir", "status"])
            logger.warning("email %s not sent (attempt %d): %s", pesan.pk, pesan.percobaan, exc.__class__.__name__)
            return False
        pesan.status = PesanKeluar.Status.TERKIRIM
        pesan.terkirim_pada = timezone.now()
        pesan.galat_terakhir = ""
        pesan.save(update_fields=["percobaan", "dicoba_pada", "galat_terakhir", "status", "terkirim_pada"])
        return True


def sweep_outbox(*, now: datetime | None = None) -> int:
    """Send again what is still queued after EMAIL_RETRY_AFTER (lost task, mail server was down)."""
    cutoff = (now or timezone.now()) - settings.EMAIL_RETRY_AFTER
    pending = PesanKeluar.objects.filter(status=PesanKeluar.Status.ANTRE, dibuat__lt=cutoff)
    return sum(deliver(pk) for pk in pending.values_list("pk", flat=True)[:500])


def unread_count(user) -> int:
    return Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).count()


def mark_read(user, notifikasi_id: int | None = None) -> int:
    """Mark one notice (or all) of this user read; another user's notice is never touched."""
    rows = Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True)
    if notifikasi_id is not None:
        rows = rows.filter(pk=notifikasi_id)
    return rows.update(dibaca_pada=timezone.now())
