"""State changes of pelayanan informasi dan pengaduan masyarakat (Probolinggo P.6.5).

SOP steps: (1) the citizen asks or complains, in person or through social media — here also the
SMS center and kotak saran of the Bintan/Lumajang standar pelayanan, the telephone and the public
web form; (2) the operator answers what needs no other bidang; (3) otherwise coordinates with the
bidang concerned; (4) confirms the answer to the citizen; (5) the citizen receives it. The
coordination is the triage naming the answering bidang, whose Kasi/Kabid writes the answer; the
Kabid PIAK approves it before it is released (4) and PIAK closes the ticket.

Deadline: the SOP's step times in working days (``sop_minutes``); the P.6.5 catalogue gives no
times, so ``TENGGAT_HARI_KERJA`` applies: 10 working days, the period UU 14/2008 (Keterbukaan
Informasi Publik) Pasal 22 ayat (7) gives a public body to answer a request for information.
"""

import math
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.hari_kerja import add_hari_kerja
from dukcapil.models import SOP, Bidang, User
from dukcapil.workflow.models import WorkItem
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import (
    open_items,
    record_checker,
    record_transition,
)
from sekretariat.services.keuangan import sop_minutes
from sekretariat.services.surat_masuk import _first_card, _note
from sekretariat.uploads import periksa_pindaian

from ..models import (
    ISI_MAX,
    TERJAWAB,
    JawabanTerkunci,
    KategoriPengaduan,
    Pengaduan,
    SaluranPengaduan,
    StatusPengaduan,
)

BIDANG_PIAK = "piak"
SOP_SLUG = "p6-5-pelayanan-informasi-dan-pengaduan-masyarakat"
TENGGAT_HARI_KERJA = 10
# no 0/O, 1/I/L: a code read out over the telephone is typed back without mistakes
ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PANJANG_KODE = 8


# An Indonesian number: mobile 08xx (9–13 digits with the 0) or a landline with its area code,
# written with 0, 62 or +62; spaces, dots, dashes and brackets are ignored.
_TELEPON = re.compile(r"^(?:\+62|62|0)(8[1-9]\d{6,10}|[2-7]\d{6,9})$")


def normalisasi_telepon(value: str) -> str:
    """'0812-3456 7890' → '+6281234567890'; ValidationError for anything else."""
    raw = re.sub(r"[\s.\-()]", "", value or "")
    match = _TELEPON.match(raw)
    if not match:
        raise ValidationError(
            "Nomor telepon tidak valid. Tulis nomor Indonesia, mis. 0812 3456 7890 atau +62 812 3456 7890."
        )
    return "+62" + match.group(1)


def terlalu_panjang(what: str, length: int) -> str:
    """'Isi terlalu panjang: 10.000 karakter, paling banyak 2.000 karakter.' (Indonesian thousands)."""

    def ribuan(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return f"{what} terlalu panjang: {ribuan(length)} karakter, paling banyak {ribuan(ISI_MAX)} karakter."


def _acak(n: int) -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(n))


def tenggat_hari_kerja() -> int:
    """Working days to answer: the SOP's step times if the catalogue has them, else the default."""
    minutes = sop_minutes(SOP_SLUG)
    if not minutes:
        return TENGGAT_HARI_KERJA
    per_day = SOP.objects.filter(slug=SOP_SLUG).values_list("kantor__menit_kerja_per_hari", flat=True).first() or 450
    return max(1, math.ceil(sum(minutes.values()) / per_day))


@dataclass(frozen=True)
class PengaduanData:
    saluran: str
    jenis: str
    kategori: str
    nama: str
    kontak: str
    email: str
    isi: str
    lampiran: object | None = None  # an uploaded file, checked by sekretariat.uploads


@dataclass(frozen=True)
class TiketBaru:
    """What the citizen is given once: the ticket and its secret code (only its hash is kept)."""

    pengaduan: Pengaduan
    kode: str


def _periksa(data: PengaduanData, *, publik: bool) -> str:
    """Refuse what the forms would refuse (400 with the field's message); the normalised telephone."""
    if data.saluran not in SaluranPengaduan.values or (publik != (data.saluran == SaluranPengaduan.WEB)):
        raise BerkasInvalid("Saluran tidak dikenal.", fields={"saluran": ["Pilih saluran yang benar."]})
    try:
        kontak = normalisasi_telepon(data.kontak)
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"kontak": exc.messages}) from None
    if len(data.isi) > ISI_MAX:
        message = terlalu_panjang("Isi", len(data.isi))
        raise BerkasInvalid(message, fields={"isi": [message]})
    if data.lampiran is not None:
        try:
            periksa_pindaian(data.lampiran, "Lampiran")
        except ValidationError as exc:
            raise BerkasInvalid(exc.messages[0], fields={"lampiran": exc.messages}) from None
    return kontak


def pengaduan_buat(*, user: User | None, data: PengaduanData) -> TiketBaru:
    """A new ticket: from the public form (``user`` None, saluran web) or recorded by PIAK staff."""
    bidang = Bidang.objects.get(kode=BIDANG_PIAK)
    if user is not None and not can(user, Aksi.PENGADUAN_KELOLA, bidang.pk):
        raise BerkasForbidden("Hanya petugas PIAK yang dapat mencatat pengaduan.")
    kontak = _periksa(data, publik=user is None)
    kode = _acak(PANJANG_KODE)
    now = timezone.now()
    fields = {k: v for k, v in data.__dict__.items() if k != "lampiran"} | {"kontak": kontak}
    for _attempt in range(5):
        try:
            with transaction.atomic():
                p = Pengaduan(
                    bidang=bidang,
                    nomor_tiket=f"ADU-{timezone.localdate(now):%y%m}-{_acak(6)}",
                    kode_hash=make_password(kode),
                    diterima_pada=now,
                    status_sejak=now,
                    dicatat_oleh=user,
                    **fields,
                )
                p.save()
                if data.lampiran is not None:
                    ext = data.lampiran.name.rsplit(".", 1)[-1].lower()[:4]
                    p.lampiran.save(f"{p.nomor_tiket.lower()}.{ext}", data.lampiran, save=False)
                    p.save(update_fields=["lampiran"])
                _first_card(p, "catat", user, f"Saluran: {p.get_saluran_display()}.")
                WorkItem.objects.bulk_create(_items(p))
            return TiketBaru(p, kode)
        except IntegrityError:  # the random ticket number was taken: draw again
            continue
    raise BerkasInvalid("Nomor tiket tidak dapat dibuat; silakan coba lagi.")


def _items(p: Pengaduan) -> list[WorkItem]:
    return open_items(p, p.status_sejak, ContentType.objects.get_for_model(p))


def _ke_bidang_penjawab(p: Pengaduan) -> None:
    """«Ditriase» waits in the answering bidang's kotak masuk, not PIAK's."""
    if p.status == StatusPengaduan.DITRIASE:
        ct = ContentType.objects.get_for_model(p)
        WorkItem.objects.filter(
            content_type=ct, object_id=p.pk, aksi=Aksi.PENGADUAN_JAWAB, selesai_pada__isnull=True
        ).update(bidang_id=p.bidang_penjawab_id)


LABEL = {
    "triase": "Triase",
    "ajukan_jawaban": "Ajukan jawaban",
    "setujui": "Setujui jawaban",
    "kembalikan": "Kembalikan ke bidang",
    "tutup": "Tutup tiket",
}


_acting = record_checker(Pengaduan, labels=LABEL, lock_label="Pengaduan")


def _acting_jawab(user: User, pk: int, expected_status: str | None) -> Pengaduan:
    """The ticket under lock for (re)writing its answer: an answer the citizen has received is
    theirs, nobody rewrites it (409 saying so, before the generic state check)."""
    try:
        return _acting(user, pk, "ajukan_jawaban", expected_status)
    except BerkasConflict:
        nomor = Pengaduan.objects.filter(pk=pk, status__in=TERJAWAB).values_list("nomor_tiket", flat=True).first()
        if nomor:
            raise JawabanTerkunci(f"Jawaban {nomor} sudah disampaikan dan tidak dapat diubah.") from None
        raise


def pengaduan_triase(
    *, user: User, pk: int, kategori: str, bidang_penjawab: Bidang, expected_status: str | None = None, catatan=""
) -> Pengaduan:
    """PIAK names the kategori and the bidang that must answer; the deadline runs from today."""
    if kategori not in KategoriPengaduan.values:
        raise BerkasInvalid("Kategori tidak dikenal.", fields={"kategori": ["Pilih kategori."]})
    with transaction.atomic():
        p = _acting(user, pk, "triase", expected_status)
        p.kategori = kategori
        p.bidang_penjawab = bidang_penjawab
        p.tenggat = add_hari_kerja(timezone.localdate(), tenggat_hari_kerja())
        note = _note(catatan) or f"Dijawab oleh bidang {bidang_penjawab.nama}."
        record_transition(p, "triase", user, note, update_fields=["kategori", "bidang_penjawab", "tenggat"])
        _ke_bidang_penjawab(p)
    return p


def pengaduan_jawab(*, user: User, pk: int, jawaban: str, expected_status: str | None = None) -> Pengaduan:
    """The answering bidang's Kasi/Kabid writes the answer and sends it to the Kabid PIAK."""
    jawaban = (jawaban or "").strip()
    if not jawaban:
        raise BerkasInvalid("Tulis jawabannya.", fields={"jawaban": ["Jawaban wajib diisi."]})
    if len(jawaban) > ISI_MAX:
        message = terlalu_panjang("Jawaban", len(jawaban))
        raise BerkasInvalid(message, fields={"jawaban": [message]})
    with transaction.atomic():
        p = _acting_jawab(user, pk, expected_status)
        p.jawaban = jawaban
        p.penjawab = user
        record_transition(p, "ajukan_jawaban", user, "", update_fields=["jawaban", "penjawab"])
    return p


def pengaduan_setujui(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> Pengaduan:
    """The Kabid PIAK releases the answer: the citizen sees it on the status page and, if they gave
    an email address, receives it by email (outbox, same transaction)."""
    from dukcapil.notifikasi.services import kirim_email

    with transaction.atomic():
        p = _acting(user, pk, "setujui", expected_status)
        p.dijawab_pada = timezone.now()
        record_transition(p, "setujui", user, _note(catatan), update_fields=["dijawab_pada"])
        if p.email:
            kirim_email(
                [p.email],
                subjek=f"Jawaban atas {p.get_jenis_display().lower()} {p.nomor_tiket}",
                isi=(
                    f"Yth. {p.nama},\n\n{p.get_jenis_display()} Anda dengan nomor tiket {p.nomor_tiket} "
                    f"telah dijawab:\n\n{p.jawaban}\n\nJawaban ini juga dapat dilihat di halaman cek "
                    "pengaduan dengan nomor tiket dan kode rahasia Anda."
                ),
                record=p,
            )
    return p


def pengaduan_kembalikan(*, user: User, pk: int, catatan: str, expected_status: str | None = None) -> Pengaduan:
    note = _note(catatan)
    if not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():
        p = _acting(user, pk, "kembalikan", expected_status)
        record_transition(p, "kembalikan", user, note)
        _ke_bidang_penjawab(p)
    return p


def pengaduan_tutup(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> Pengaduan:
    with transaction.atomic():
        p = _acting(user, pk, "tutup", expected_status)
        p.ditutup_pada = timezone.now()
        record_transition(p, "tutup", user, _note(catatan), update_fields=["ditutup_pada"])
    return p


# A hash to compare with when the ticket does not exist: the same work, the same answer.
_HASH_KOSONG = make_password("tiket-tidak-ada")


def pengaduan_cek_publik(nomor_tiket: str, kode: str) -> Pengaduan | None:
    """The ticket if the code matches, else None — the same None for an unknown ticket."""
    p = (
        Pengaduan.objects.filter(nomor_tiket=(nomor_tiket or "").strip().upper())
        .only(
            "nomor_tiket",
            "kode_hash",
            "status",
            "status_sejak",
            "jenis",
            "kategori",
            "diterima_pada",
            "dijawab_pada",
            "ditutup_pada",
            "tenggat",
            "jawaban",
        )
        .first()
    )
    ok = check_password((kode or "").strip().upper(), p.kode_hash if p else _HASH_KOSONG)
    return p if p is not None and ok else None
