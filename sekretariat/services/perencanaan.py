"""State changes of the perencanaan dan pelaporan calendar: generating a year's documents from the
rules, naming the holder, the konsep → Kasubag → Sekretaris → Kadis chain with return, the final
file, and the reminders before each due date.

Due dates (``ATURAN``): the rule gives a calendar date; when it falls on a day the office is closed
(weekend, hari libur, cuti bersama: ``dukcapil.hari_kerja``) the document is due the working day
before. Steps and times: Lumajang "SOP Perencanaan" (Penyusunan RKA, DPA, Penetapan Kinerja, IKU,
LAKIP, laporan bulanan/semesteran/tahunan, Monev): the Kasubag Perencanaan (a Tim for RKA, DPA,
LAKIP and Monev) drafts, the Sekretaris checks and the Kadis signs; Probolinggo P2.1–P2.2 likewise.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.hari_kerja import is_hari_kerja, office_closures
from dukcapil.models import Bidang, User
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed, check_expected, record_lock, record_transition

from ..models import DokumenPerencanaan, JenisPerencanaan, PengingatPerencanaan, StatusPerencanaan
from ..uploads import periksa_pindaian
from .surat_masuk import BIDANG_SEKRETARIAT, _first_card, _note, _notify, _open_named, _remind

J = JenisPerencanaan
BULAN = [
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
# Remind the holder this many days before the due date (and on it, and every day it is late).
PENGINGAT_HARI = 7
# Renstra is drawn up in the first year of each five-year RPJMD period.
RENSTRA_TAHUN_AWAL = 2025


def _bulan_depan(tahun: int, bulan: int, hari: int) -> date:
    return date(tahun + bulan // 12, bulan % 12 + 1, hari)


@dataclass(frozen=True)
class Aturan:
    """A document's rule: for a year, its (periode_ke, periode label, due date) list."""

    jenis: str
    periods: Callable[[int], list[tuple[int, str, date]]]
    tim: bool = False  # the SOP forms a Tim for it


def _akhir_februari(tahun: int) -> date:
    return date(tahun, 2, calendar.monthrange(tahun, 2)[1])


ATURAN = [
    Aturan(J.RENSTRA, lambda t: [(0, f"{t}–{t + 4}", date(t, 6, 30))] if (t - RENSTRA_TAHUN_AWAL) % 5 == 0 else []),
    Aturan(J.RENJA, lambda t: [(0, f"tahun {t + 1}", date(t, 5, 31))]),
    Aturan(J.RKA, lambda t: [(0, f"tahun {t + 1}", date(t, 9, 15))], tim=True),
    Aturan(J.DPA, lambda t: [(0, f"tahun {t + 1}", date(t, 12, 31))], tim=True),
    Aturan(J.PK, lambda t: [(0, f"tahun {t}", date(t, 1, 31))]),
    Aturan(J.IKU, lambda t: [(0, f"tahun {t}", date(t, 1, 31))]),
    Aturan(J.LKJIP, lambda t: [(0, f"tahun {t - 1}", _akhir_februari(t))], tim=True),
    # laporan bulanan: the 10th of the next month
    Aturan(J.BULANAN, lambda t: [(m, f"{BULAN[m]} {t}", _bulan_depan(t, m, 10)) for m in range(1, 13)]),
    Aturan(J.SEMESTER, lambda t: [(1, f"semester I {t}", date(t, 7, 10)), (2, f"semester II {t}", date(t + 1, 1, 10))]),
    Aturan(J.TAHUNAN, lambda t: [(0, f"tahun {t}", date(t + 1, 1, 31))]),
    # Monev per triwulan: the 10th of the month after the quarter
    Aturan(
        J.MONEV,
        lambda t: [(q, f"triwulan {'I' * q if q < 4 else 'IV'} {t}", _bulan_depan(t, 3 * q, 10)) for q in range(1, 5)],
        tim=True,
    ),
]


def hari_kerja_sebelum(day: date, closures: set[date]) -> date:
    """``day`` itself if the office is open, else the working day before it."""
    while not is_hari_kerja(day, closures):
        day -= timedelta(days=1)
    return day


def jadwal(tahun: int) -> list[tuple[str, int, str, date]]:
    """The year's documents from the rules: (jenis, periode_ke, periode, due date on a working day)."""
    raw = [(a.jenis, ke, label, due) for a in ATURAN for ke, label, due in a.periods(tahun)]
    closures = office_closures(date(tahun, 1, 1) - timedelta(days=10), date(tahun + 1, 2, 1))
    return [(jenis, ke, label, hari_kerja_sebelum(due, closures)) for jenis, ke, label, due in raw]


def _bidang() -> Bidang:
    return Bidang.objects.get(kode=BIDANG_SEKRETARIAT)


def perencanaan_buat_kalender(*, user: User | None, tahun: int) -> list[DokumenPerencanaan]:
    """Create the year's documents that do not exist yet (running it again adds nothing)."""
    bidang = _bidang()
    if user is not None and not can(user, Aksi.PERENCANAAN_PERIKSA, bidang.pk):
        raise BerkasForbidden("Hanya Kasubag yang dapat membuat kalender perencanaan.")
    have = set(DokumenPerencanaan.objects.filter(tahun=tahun).values_list("jenis", "periode_ke"))
    now = timezone.now()
    rows = [
        DokumenPerencanaan(
            bidang=bidang, tahun=tahun, jenis=jenis, periode_ke=ke, periode=label, tenggat=due, status_sejak=now
        )
        for jenis, ke, label, due in jadwal(tahun)
        if (jenis, ke) not in have
    ]
    with transaction.atomic():
        made = DokumenPerencanaan.objects.bulk_create(rows, ignore_conflicts=True)
    return made


def _pemegang(dok: DokumenPerencanaan) -> list[User]:
    people = [dok.pemegang] if dok.pemegang_id else []
    return people + [u for u in dok.tim.all() if u.pk != dok.pemegang_id]


def _pemeriksa(status: str) -> list[User]:
    role = {
        StatusPerencanaan.KASUBAG: Role.KASUBAG,
        StatusPerencanaan.SEKRETARIS: Role.SEKRETARIS,
        StatusPerencanaan.KADIS: Role.KADIS,
    }.get(status)
    if role is None:
        return []
    qs = User.objects.filter(is_active=True, groups__name=role.label)
    if role == Role.KASUBAG:
        qs = qs.filter(bidang__kode=BIDANG_SEKRETARIAT)
    return list(qs.distinct())


def pemegang_sekarang(dok: DokumenPerencanaan) -> list[User]:
    """Who holds the document now: its holder and Tim while it is a konsep or waits for the final
    file, the office of the step while it is checked."""
    if dok.status in (StatusPerencanaan.KONSEP, StatusPerencanaan.DISETUJUI):
        return _pemegang(dok)
    return _pemeriksa(dok.status)


def _open_holder_items(dok: DokumenPerencanaan) -> None:
    if dok.status in (StatusPerencanaan.KONSEP, StatusPerencanaan.DISETUJUI):
        _open_named(dok, _pemegang(dok), Aksi.PERENCANAAN_SUSUN)


def perencanaan_tetapkan_pemegang(
    *, user: User, pk: int, pemegang: User, tim: list[User] | None = None
) -> DokumenPerencanaan:
    """The Kasubag names the holder (and the Tim); it lands in their kotak masuk."""
    with transaction.atomic():
        dok = record_lock(DokumenPerencanaan, pk, label="Dokumen")
        if not can(user, Aksi.PERENCANAAN_PERIKSA, dok.bidang_id):
            raise BerkasForbidden("Hanya Kasubag yang dapat menetapkan pemegang dokumen.")
        if not can(pemegang, Aksi.PERENCANAAN_SUSUN, dok.bidang_id):
            message = f"{pemegang} tidak dapat menyusun dokumen perencanaan Sekretariat."
            raise BerkasInvalid(message, fields={"pemegang": [message]})
        first = dok.pemegang_id is None
        dok.pemegang = pemegang
        dok.save(update_fields=["pemegang"])
        dok.tim.set(tim or [])
        ct = ContentType.objects.get_for_model(dok)
        if dok.status in (StatusPerencanaan.KONSEP, StatusPerencanaan.DISETUJUI):
            from dukcapil.workflow.models import WorkItem

            WorkItem.objects.filter(content_type=ct, object_id=dok.pk, selesai_pada__isnull=True).update(
                selesai_pada=timezone.now()
            )
            _open_holder_items(dok)
        if first:
            _first_card(dok, "tetapkan_pemegang", user, f"Pemegang: {pemegang}.")
        _notify(
            _pemegang(dok),
            judul=f"Anda memegang {dok.judul}",
            pesan=f"Tenggat {dok.tenggat:%d-%m-%Y}.",
            url=dok.get_absolute_url(),
            record=dok,
        )
    return dok


LABEL = {
    "ajukan": "Ajukan ke Kasubag",
    "periksa": "Periksa dan teruskan ke Sekretaris",
    "paraf": "Paraf dan teruskan ke Kadis",
    "setujui": "Setujui",
    "kembalikan": "Kembalikan ke pemegang",
    "unggah_final": "Unggah berkas final",
}


def _boleh_sebagai_pemegang(dok: DokumenPerencanaan, user: User) -> None:
    if user.is_superuser or user.pk in {u.pk for u in _pemegang(dok)}:
        return
    if can(user, Aksi.PERENCANAAN_PERIKSA, dok.bidang_id):  # the Kasubag may act for the holder
        return
    raise BerkasForbidden("Hanya pemegang dokumen (atau timnya) yang dapat melakukan ini.")


def perencanaan_aksi(
    *, user: User, pk: int, method: str, expected_status: str | None = None, catatan: str = ""
) -> DokumenPerencanaan:
    """One step of the chain (ajukan, periksa, paraf, setujui, kembalikan)."""
    if method not in LABEL or method == "unggah_final":
        raise BerkasInvalid("Tindakan tidak dikenal.")
    note = _note(catatan)
    if method == "kembalikan" and not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():
        dok = record_lock(DokumenPerencanaan, pk, label="Dokumen")
        check_expected(dok, expected_status)
        check_allowed(dok, method, user, LABEL[method])
        if method == "ajukan":
            _boleh_sebagai_pemegang(dok, user)
        record_transition(dok, method, user, note)
        _open_holder_items(dok)
        if method == "kembalikan":
            _notify(
                _pemegang(dok), judul=f"{dok.judul} dikembalikan", pesan=note, url=dok.get_absolute_url(), record=dok
            )
    return dok


def perencanaan_unggah_final(*, user: User, pk: int, berkas, expected_status: str | None = None) -> DokumenPerencanaan:
    """The holder uploads the signed final file (a PDF that opens); the document is done."""
    try:
        ext = periksa_pindaian(berkas, "Berkas final")
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"berkas": exc.messages}) from None
    if ext != "pdf":
        raise BerkasInvalid("Berkas final harus PDF.", fields={"berkas": ["Unggah berkas PDF."]})
    with transaction.atomic():
        dok = record_lock(DokumenPerencanaan, pk, label="Dokumen")
        check_expected(dok, expected_status)
        check_allowed(dok, "unggah_final", user, LABEL["unggah_final"])
        _boleh_sebagai_pemegang(dok, user)
        dok.berkas_final.save(f"{dok.nomor.lower()}.pdf", berkas, save=False)
        record_transition(dok, "unggah_final", user, "", update_fields=["berkas_final"])
    return dok


def perencanaan_ingatkan(*, hari_ini: date | None = None) -> int:
    """Remind whoever holds each unfinished document due within ``PENGINGAT_HARI`` days (or late):
    once per document per day, however often the task runs. Returns the reminders sent."""
    today = hari_ini or timezone.localdate()
    due = list(
        DokumenPerencanaan.objects.exclude(status=StatusPerencanaan.SELESAI)
        .filter(tenggat__lte=today + timedelta(days=PENGINGAT_HARI))
        .exclude(pengingat__tanggal=today)
        .select_related("pemegang")
        .prefetch_related("tim")
    )
    sent = 0
    for dok in due:
        with transaction.atomic():
            pengingat, created = PengingatPerencanaan.objects.get_or_create(dokumen=dok, tanggal=today)
            if not created:  # another run got there first
                continue
            people = pemegang_sekarang(dok)
            sisa = (dok.tenggat - today).days
            when = "hari ini" if sisa == 0 else (f"{sisa} hari lagi" if sisa > 0 else f"lewat {-sisa} hari")
            pesan = f"{dok.judul} ({dok.get_status_display()}) jatuh tempo {dok.tenggat:%d-%m-%Y}."
            _remind(pengingat, people, judul=f"Tenggat {dok.judul}: {when}", pesan=pesan, record=dok)
            sent += 1
    return sent
