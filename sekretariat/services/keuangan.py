"""State changes of keuangan: the DPA import and the SPP → SPM → SP2D chain.

SOP: Lumajang "Prosedur Pengajuan SPP dan SPM" (SOP Keuangan). Its steps, as the roles of this
office hold them: the Bendahara prepares the bahan ajuan from the DPA with the PPTK (steps 1–2,
2 days and 1 day), the Kasubag Keuangan checks it — here the PPK, who may return it for repair
(step 3, 30 minutes), the Kepala Dinas signs (PA; step 5, 1 hour). The SP2D is BPPKAD's: its
nomor and tanggal are recorded, then the day the money is cair.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.models import SOP, Bidang, User
from dukcapil.workflow.models import WorkItem
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed, check_expected, open_items, record_lock, record_transition

from ..models import Spp, StatusSpp, SubKegiatanDpa
from .surat_masuk import BIDANG_SEKRETARIAT, _first_card, _note, _notify

SOP_SLUG = "pengajuan-spp-spm"
# SOP step (urutan) → the state the SPP is in while that step is worked on
SOP_STEP_STATUS = {2: StatusSpp.KONSEP, 3: StatusSpp.DIAJUKAN, 5: StatusSpp.DISETUJUI}

# The DPA workbook: first sheet, a header row with these columns (any order), one sub kegiatan a row.
DPA_KOLOM = (
    "tahun",
    "kode_program",
    "program",
    "kode_kegiatan",
    "kegiatan",
    "kode_sub_kegiatan",
    "sub_kegiatan",
    "pagu",
)

# column → model field of the text columns
DPA_FIELD = {
    "kode_program": "program_kode",
    "program": "program_nama",
    "kode_kegiatan": "kegiatan_kode",
    "kegiatan": "kegiatan_nama",
    "kode_sub_kegiatan": "kode",
    "sub_kegiatan": "nama",
}


def rupiah(value) -> str:
    """Rp1.234.567 (Indonesian thousands separator, whole rupiah)."""
    return f"Rp{value:,.0f}".replace(",", ".")


def sop_minutes(slug: str) -> dict[int, int]:
    """{urutan: standard minutes} of the SOP ``slug`` of the active office (or the first fallback's)."""
    sops = {
        (s.kantor.slug if not s.kantor.aktif else ""): s
        for s in SOP.objects.filter(slug=slug).select_related("kantor").prefetch_related("langkah")
    }
    sop = next((sops[k] for k in ["", *settings.SOP_FALLBACK_OFFICES] if k in sops), None)
    if sop is None:
        return {}
    per_day = sop.kantor.menit_kerja_per_hari
    return {step.urutan: m for step in sop.langkah.all() if (m := step.waktu_menit(per_day)) is not None}


# --- DPA --------------------------------------------------------------------------------------


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def _dpa_row(line: int, values: dict) -> tuple[SubKegiatanDpa | None, list[str]]:
    errors = []
    texts = {k: _cell_text(values.get(k)) for k in DPA_KOLOM}
    for key in DPA_KOLOM:
        if not texts[key]:
            errors.append(f"Baris {line}: kolom «{key}» kosong.")
    try:
        tahun = int(float(texts["tahun"])) if texts["tahun"] else 0
        if texts["tahun"] and not 2000 <= tahun <= 2100:
            raise ValueError
    except ValueError:
        errors.append(f"Baris {line}: tahun «{texts['tahun']}» bukan tahun anggaran.")
        tahun = 0
    try:
        pagu = Decimal(texts["pagu"].replace(",", "")) if texts["pagu"] else Decimal(0)
        if pagu < 0:
            raise InvalidOperation
    except InvalidOperation:
        errors.append(f"Baris {line}: pagu «{texts['pagu']}» bukan angka rupiah.")
        pagu = Decimal(0)
    if errors:
        return None, errors
    return SubKegiatanDpa(tahun=tahun, pagu=pagu, **{f: texts[k] for k, f in DPA_FIELD.items()}), []


def dpa_impor(*, user: User, berkas) -> int:
    """Import the DPA workbook: every row checked first; one wrong row and nothing is saved.

    A sub kegiatan already in the DPA of its year (same kode) gets the new names and pagu."""
    from openpyxl import load_workbook

    if not can(user, Aksi.DPA_IMPOR):
        raise BerkasForbidden("Hanya Bendahara atau PPK yang dapat mengimpor DPA.")
    try:
        sheet = load_workbook(berkas, read_only=True, data_only=True).worksheets[0]
    except Exception:  # openpyxl raises several types for a file that is not a workbook
        message = "Berkas bukan XLSX yang dapat dibaca."
        raise BerkasInvalid(message, fields={"berkas": [message + " Unggah berkas .xlsx."]}) from None
    rows = sheet.iter_rows(values_only=True)
    header = [_cell_text(h).lower().replace(" ", "_") for h in next(rows, ())]
    missing = [k for k in DPA_KOLOM if k not in header]
    if missing:
        message = "Kolom tidak ada di baris judul: " + ", ".join(missing) + "."
        raise BerkasInvalid(message, fields={"berkas": [message]})
    parsed, errors, seen = [], [], {}
    for line, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        row, row_errors = _dpa_row(line, dict(zip(header, values, strict=False)))
        errors += row_errors
        if row is not None:
            key = (row.tahun, row.kode)
            if key in seen:
                errors.append(f"Baris {line}: sub kegiatan {row.kode} sudah ada di baris {seen[key]}.")
            seen[key] = line
            parsed.append(row)
    if errors:
        raise BerkasInvalid("Impor DPA dibatalkan, tidak ada yang disimpan.", fields={"berkas": errors})
    if not parsed:
        raise BerkasInvalid("Berkas tidak berisi baris DPA.", fields={"berkas": ["Tidak ada baris data."]})
    with transaction.atomic():
        SubKegiatanDpa.objects.bulk_create(
            parsed,
            update_conflicts=True,
            unique_fields=["tahun", "kode"],
            update_fields=["program_kode", "program_nama", "kegiatan_kode", "kegiatan_nama", "nama", "pagu"],
        )
    return len(parsed)


# --- SPP --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SppData:
    jenis: str
    nomor_sipd: str
    tanggal: date
    nilai: Decimal
    sub_kegiatan: SubKegiatanDpa
    uraian: str


def _bidang() -> Bidang:
    return Bidang.objects.get(kode=BIDANG_SEKRETARIAT)


def spp_siapkan(*, user: User, data: SppData) -> Spp:
    """The PPTK prepares an SPP (numbers from SIPD); it waits for the Bendahara to submit it."""
    bidang = _bidang()
    if not can(user, Aksi.SPP_SIAPKAN, bidang.pk):
        raise BerkasForbidden("Hanya PPTK yang dapat menyiapkan SPP.")
    if data.nilai <= 0:
        raise BerkasInvalid("Nilai SPP harus lebih dari nol.", fields={"nilai": ["Isi nilai lebih dari Rp0."]})
    if data.sub_kegiatan.tahun != data.tanggal.year:
        message = f"Sub kegiatan ini dari DPA {data.sub_kegiatan.tahun}, tanggal SPP tahun {data.tanggal.year}."
        raise BerkasInvalid(message, fields={"sub_kegiatan": [message]})
    minutes = sop_minutes(SOP_SLUG)
    now = timezone.now()
    try:
        with transaction.atomic():
            spp = Spp.objects.create(
                bidang=bidang,
                tahun=data.tanggal.year,
                jenis=data.jenis,
                nomor_sipd=data.nomor_sipd.strip(),
                tanggal=data.tanggal,
                nilai=data.nilai,
                sub_kegiatan=data.sub_kegiatan,
                uraian=data.uraian.strip(),
                disiapkan_oleh=user,
                status_sejak=now,
                standar_waktu={status: minutes[step] for step, status in SOP_STEP_STATUS.items() if step in minutes},
            )
            _first_card(spp, "siapkan", user, "SPP disiapkan PPTK.")
            WorkItem.objects.bulk_create(open_items(spp, now, _ct()))
    except IntegrityError:
        message = f"Nomor SPP {data.nomor_sipd} sudah tercatat untuk tahun {data.tanggal.year}."
        raise BerkasInvalid(message, fields={"nomor_sipd": [message]}) from None
    return spp


def _ct():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Spp)


LABEL = {
    "ajukan": "Ajukan SPP",
    "setujui": "Setujui SPP",
    "kembalikan": "Kembalikan SPP",
    "tandatangani_spm": "Tandatangani SPM",
    "catat_sp2d": "Catat SP2D",
    "catat_cair": "Catat pencairan",
}


def _act(user: User, pk: int, method: str, expected_status: str | None, note: str = "", **fields) -> Spp:
    with transaction.atomic():
        spp = record_lock(Spp, pk, label="SPP")
        check_expected(spp, expected_status)
        check_allowed(spp, method, user, LABEL[method])
        for name, value in fields.items():
            setattr(spp, name, value)
        record_transition(spp, method, user, note, update_fields=list(fields))
    return spp


def spp_ajukan(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> Spp:
    """The Bendahara submits the SPP to the PPK."""
    return _act(user, pk, "ajukan", expected_status, _note(catatan))


def spp_setujui(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> Spp:
    """The PPK finds the SPP complete: it goes to the PA for the SPM."""
    return _act(user, pk, "setujui", expected_status, _note(catatan))


def spp_kembalikan(*, user: User, pk: int, catatan: str, expected_status: str | None = None) -> Spp:
    """The PPK returns the SPP for repair, saying what to repair; the PPTK is told."""
    note = _note(catatan)
    if not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():  # the notice (and its email outbox row) with the transition
        spp = _act(user, pk, "kembalikan", expected_status, note)
        _notify(
            [spp.disiapkan_oleh],
            judul=f"SPP {spp.nomor} dikembalikan PPK",
            pesan=note,
            url=spp.get_absolute_url(),
            record=spp,
        )
    return spp


def _wajib(nilai: str, field: str, label: str) -> str:
    nilai = (nilai or "").strip()
    if not nilai:
        raise BerkasInvalid(f"{label} wajib diisi.", fields={field: [f"Isi {label}."]})
    return nilai


def _tanggal_wajib(nilai: date | None, field: str, label: str, sejak: date | None) -> date:
    if nilai is None:
        raise BerkasInvalid(f"{label} wajib diisi.", fields={field: [f"Isi {label}."]})
    if sejak is not None and nilai < sejak:
        message = f"{label} tidak boleh sebelum {sejak:%d-%m-%Y}."
        raise BerkasInvalid(message, fields={field: [message]})
    return nilai


def spm_tandatangani(
    *, user: User, pk: int, nomor_spm: str, tanggal_spm: date | None, expected_status: str | None = None
) -> Spp:
    """The PA (Kadis) signs the SPM of an SPP the PPK approved; its SIPD nomor is recorded. There is
    no other way to record an SPM: without its approved SPP it is refused (409)."""
    nomor = _wajib(nomor_spm, "nomor_spm", "Nomor SPM")
    spp = Spp.objects.filter(pk=pk).only("tanggal").first()
    tanggal = _tanggal_wajib(tanggal_spm, "tanggal_spm", "Tanggal SPM", spp.tanggal if spp else None)
    return _act(user, pk, "tandatangani_spm", expected_status, "", nomor_spm=nomor, tanggal_spm=tanggal)


def sp2d_catat(
    *, user: User, pk: int, nomor_sp2d: str, tanggal_sp2d: date | None, expected_status: str | None = None
) -> Spp:
    """The Bendahara records BPPKAD's SP2D (nomor and tanggal)."""
    nomor = _wajib(nomor_sp2d, "nomor_sp2d", "Nomor SP2D")
    spp = Spp.objects.filter(pk=pk).only("tanggal_spm").first()
    tanggal = _tanggal_wajib(tanggal_sp2d, "tanggal_sp2d", "Tanggal SP2D", spp.tanggal_spm if spp else None)
    return _act(user, pk, "catat_sp2d", expected_status, "", nomor_sp2d=nomor, tanggal_sp2d=tanggal)


def spp_cair(*, user: User, pk: int, tanggal_cair: date | None, expected_status: str | None = None) -> Spp:
    """The Bendahara records the day the money reached the account."""
    spp = Spp.objects.filter(pk=pk).only("tanggal_sp2d").first()
    tanggal = _tanggal_wajib(tanggal_cair, "tanggal_cair", "Tanggal cair", spp.tanggal_sp2d if spp else None)
    return _act(user, pk, "catat_cair", expected_status, "", tanggal_cair=tanggal)
