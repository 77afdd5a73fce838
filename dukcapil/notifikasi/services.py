"""Write notices and messages in the caller's transaction; send each message once, after commit."""

import logging
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .kanal import GagalKirim, GagalPermanen, Kanal, kanal_for
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


def _antrekan(
    kanal: str, kepada: list[str], *, subjek: str, isi: str, isi_singkat: str = "", lampiran=(), **tentang
) -> PesanKeluar:
    """One outbox row in the caller's transaction; its task is published after commit (a broker
    outage is logged and swallowed: the sweep sends the row later)."""
    from ..tasks import kirim_pesan

    pesan = PesanKeluar.objects.create(
        kanal=kanal, kepada=kepada, subjek=subjek[:200], isi=isi, isi_singkat=isi_singkat[:320], **tentang
    )
    if lampiran:
        pesan.lampiran.set(lampiran)
    kirim_pesan.delay_on_commit(pesan.pk)
    return pesan


def kirim_email(to: Iterable[str], *, subjek: str, isi: str, lampiran=(), record=None) -> PesanKeluar:
    """Queue one email (attachments: Dokumen rows, read at send time); sent after commit."""
    return _antrekan(
        PesanKeluar.Kanal.EMAIL, sorted(set(to)), subjek=subjek, isi=isi, lampiran=lampiran, **_tentang(record)
    )


_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")


def kanal_telepon() -> list[Kanal]:
    """The phone channels switched on, in the order NOTIFIKASI_KANAL_TELEPON prefers them."""
    found = (kanal_for(kode) for kode in settings.NOTIFIKASI_KANAL_TELEPON)
    return [kanal for kanal in found if kanal.aktif()]


def kabari_warga(
    *, email: str = "", telepon: str = "", subjek: str, isi: str, record=None, isi_singkat: str = ""
) -> list[PesanKeluar]:
    """Tell a citizen (a pemohon, a pelapor, a ticket holder) something, through the outbox.

    One email row when an address is given, and one row for the first phone channel that is
    switched on (WhatsApp, else SMS; a permanent WhatsApp failure falls back to SMS). A channel
    whose gateway is not configured gets no row. Rows are written in the caller's transaction.
    The text must carry no NIK (refused: ValueError) and no document: a citizen follows the
    public status link for those. ``isi_singkat``: the text an SMS carries instead of ``isi``.
    """
    if any(_NIK.search(text) for text in (subjek, isi, isi_singkat)):
        raise ValueError("Pesan untuk warga tidak boleh memuat NIK.")
    rows = []
    if email.strip():
        rows.append(kirim_email([email.strip()], subjek=subjek, isi=isi, record=record))
    kanal = next(iter(kanal_telepon()), None)
    if telepon.strip() and kanal is not None:
        nomor = kanal.alamat(telepon)
        if nomor is None:  # not a mobile number: no phone channel reaches it (the number is not logged)
            logger.info("no %s message for %s: not a mobile number", kanal.kode, _tentang_log(record))
        else:
            rows.append(
                _antrekan(kanal.kode, [nomor], subjek=subjek, isi=isi, isi_singkat=isi_singkat, **_tentang(record))
            )
    return rows


def _tentang_log(record) -> str:
    return "-" if record is None else f"{record._meta.label_lower}#{record.pk}"


def jeda_coba_lagi(percobaan: int) -> timedelta:
    """Exponential backoff: NOTIFIKASI_BACKOFF after the first failure, doubling, at most NOTIFIKASI_BACKOFF_MAX."""
    base = settings.NOTIFIKASI_BACKOFF.total_seconds()
    return timedelta(seconds=min(base * 2 ** max(percobaan - 1, 0), settings.NOTIFIKASI_BACKOFF_MAX.total_seconds()))


class Hasil(StrEnum):
    TERKIRIM = "terkirim"
    DILEWATI = "dilewati"  # sent already, given up, or another worker holds it right now
    DITUNDA = "ditunda"  # failed, tried again at coba_lagi_pada
    GAGAL = "gagal"  # failed for good


def deliver(pesan_id: int) -> bool:
    """Send one queued message; True when it went out now. Safe to call twice or concurrently."""
    return kirim(pesan_id) == Hasil.TERKIRIM


def kirim(pesan_id: int, *, due_by: datetime | None = None) -> Hasil:
    """Send one queued message through its channel, under the row's lock (skip_locked): a task, its
    retry and the sweep never send one message twice. A temporary failure sets the next attempt
    (backoff); a permanent one, or the last allowed attempt, ends it «gagal». A phone message that
    fails for good is queued on the next phone channel (WhatsApp → SMS), in the same transaction.

    ``due_by`` (the sweep, a task's retry): skip a message whose next attempt is later than that,
    e.g. one that a concurrent sender has just tried again and put back to wait."""
    with transaction.atomic():
        pesan = PesanKeluar.objects.select_for_update(skip_locked=True).filter(pk=pesan_id).first()
        if pesan is None or pesan.status != PesanKeluar.Status.ANTRE:
            return Hasil.DILEWATI
        if due_by is not None and pesan.coba_lagi_pada is not None and pesan.coba_lagi_pada > due_by:
            return Hasil.DILEWATI
        now = timezone.now()
        pesan.percobaan += 1
        pesan.dicoba_pada = now
        fields = ["percobaan", "dicoba_pada", "galat_terakhir", "status", "coba_lagi_pada"]
        try:
            kanal_for(pesan.kanal).send(pesan)
        except GagalKirim as exc:
            pesan.galat_terakhir = str(exc)[:300]
            permanent = isinstance(exc, GagalPermanen) or pesan.percobaan >= settings.NOTIFIKASI_MAX_ATTEMPTS
            if permanent:
                pesan.status = PesanKeluar.Status.GAGAL
                pesan.coba_lagi_pada = None
            else:
                pesan.coba_lagi_pada = now + jeda_coba_lagi(pesan.percobaan)
            pesan.save(update_fields=fields)
            # ids and the error class only: never the address or the text
            logger.warning("%s message %s not sent (attempt %d): %s", pesan.kanal, pesan.pk, pesan.percobaan,
                           type(exc.__cause__ or exc).__name__)  # fmt: skip
            if isinstance(exc, GagalPermanen):
                _cadangan(pesan)
                return Hasil.GAGAL
            return Hasil.GAGAL if permanent else Hasil.DITUNDA
        pesan.status = PesanKeluar.Status.TERKIRIM
        pesan.terkirim_pada = timezone.now()
        pesan.galat_terakhir = ""
        pesan.coba_lagi_pada = None
        pesan.save(update_fields=[*fields, "terkirim_pada"])
        return Hasil.TERKIRIM


def _cadangan(pesan: PesanKeluar) -> PesanKeluar | None:
    """After a permanent failure of a phone channel: the same text on the next phone channel on."""
    aktif = {k.kode for k in kanal_telepon()}
    if pesan.kanal not in settings.NOTIFIKASI_KANAL_TELEPON:
        return None
    position = settings.NOTIFIKASI_KANAL_TELEPON.index(pesan.kanal)
    for kode in settings.NOTIFIKASI_KANAL_TELEPON[position + 1 :]:
        if kode in aktif:
            tentang = {"content_type_id": pesan.content_type_id, "object_id": pesan.object_id}
            return _antrekan(
                kode, pesan.kepada, subjek=pesan.subjek, isi=pesan.isi, isi_singkat=pesan.isi_singkat, **tentang
            )
    return None


def retry_countdown(pesan_id: int) -> float | None:
    """Seconds until a queued message's next attempt, or None when it is not waiting for one."""
    row = PesanKeluar.objects.filter(pk=pesan_id, status=PesanKeluar.Status.ANTRE).values("coba_lagi_pada").first()
    if row is None or row["coba_lagi_pada"] is None:
        return None
    return max((row["coba_lagi_pada"] - timezone.now()).total_seconds(), 0.0)


def sweep_outbox(*, now: datetime | None = None) -> int:
    """Send what is due: a queued message never tried after NOTIFIKASI_RETRY_AFTER (its task was
    lost: broker down at commit, worker died), a failed one once its coba_lagi_pada has come.
    A channel that fails temporarily is not tried again in the same sweep."""
    now = now or timezone.now()
    due = PesanKeluar.objects.filter(status=PesanKeluar.Status.ANTRE).filter(
        Q(coba_lagi_pada__isnull=True, dibuat__lt=now - settings.NOTIFIKASI_RETRY_AFTER) | Q(coba_lagi_pada__lte=now)
    )
    sent, down = 0, set()
    for pk, kanal in due.order_by("dibuat", "pk").values_list("pk", "kanal")[:500]:
        if kanal in down:
            continue
        hasil = kirim(pk, due_by=now)
        sent += hasil == Hasil.TERKIRIM
        if hasil == Hasil.DITUNDA:
            down.add(kanal)
    return sent


def pesan_kirim_ulang(*, pesan_ids: Iterable[int], user) -> int:
    """Queue «gagal» messages again (the admin's «Kirim ulang»): attempts from zero, sent after commit."""
    from ..tasks import kirim_pesan

    with transaction.atomic():
        rows = list(
            PesanKeluar.objects.select_for_update()
            .filter(pk__in=list(pesan_ids), status=PesanKeluar.Status.GAGAL)
            .values_list("pk", flat=True)
        )
        PesanKeluar.objects.filter(pk__in=rows).update(
            status=PesanKeluar.Status.ANTRE, percobaan=0, coba_lagi_pada=None
        )
        for pk in rows:
            kirim_pesan.delay_on_commit(pk)
    logger.info("user %s queued %d failed messages again", getattr(user, "pk", None), len(rows))
    return len(rows)


def unread_count(user) -> int:
    return Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).count()


def mark_read(user, notifikasi_id: int | None = None) -> int:
    """Mark one notice (or all) of this user read; another user's notice is never touched."""
    rows = Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True)
    if notifikasi_id is not None:
        rows = rows.filter(pk=notifikasi_id)
    return rows.update(dibaca_pada=timezone.now())
