"""State changes of presensi: the fingerprint export imported whole or not at all, keterangan
entered for a day, and the monthly rekap sent to the Kadis as a naskah (jenis «rekap-presensi»).

Follows Lumajang «Prosedur Presensi»: the Staf imports and makes the monthly rekap (steps 2–5),
the Kasubag Umum checks it (step 6: the naskah's «periksa»), the Sekretaris passes it on (step 7:
paraf), the Kadis assesses and signs it (step 8: TTE)."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.html import escape
from openpyxl import load_workbook

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..models.presensi import ImporPresensi, JenisKeterangan, KeteranganPresensi, Presensi, RekapPresensi
from ..selectors.presensi import bulan_range, pegawai_aktif, rekap_bulan
from .naskah import naskah_bulanan_buat

User = get_user_model()
KOLOM = ["nip", "tanggal", "jam_masuk", "jam_pulang"]
MAX_BARIS = 20000
NAMA_BULAN = [
    "", "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def check_petugas(user) -> None:
    if not can_in_bidang(user, Aksi.PRESENSI, "sekretariat"):
        raise BerkasForbidden("Peran Anda tidak berwenang mengelola presensi.")


class ImporGagal(BerkasInvalid):
    """The file was refused: every bad row with its line number."""

    def __init__(self, kesalahan: list[str]):
        self.kesalahan = kesalahan
        super().__init__(f"Berkas tidak diimpor: {len(kesalahan)} kesalahan. Tidak ada baris yang disimpan.")


@dataclass(frozen=True)
class BarisPresensi:
    baris: int
    nip: str
    tanggal: date
    jam_masuk: time | None
    jam_pulang: time | None

    def jam(self) -> dict:
        return {"jam_masuk": self.jam_masuk, "jam_pulang": self.jam_pulang}


def _header(cell) -> str:
    return str(cell or "").strip().lower().replace(" ", "_")


def _read_rows(nama: str, data: bytes) -> list[tuple[int, list]]:
    """(line number, cells) of the file after its header row, which must name the four columns."""
    if nama.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise BerkasInvalid("Berkas XLSX tidak dapat dibaca.") from exc
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    elif nama.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    else:
        raise BerkasInvalid("Format berkas harus CSV atau XLSX.")
    if not rows or [_header(c) for c in rows[0][:4]] != KOLOM:
        raise BerkasInvalid("Baris pertama harus berisi kolom: NIP, tanggal, jam masuk, jam pulang.")
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(str(c or "").strip() for c in r)]
    if len(body) > MAX_BARIS:
        raise BerkasInvalid(f"Berkas terlalu besar: paling banyak {MAX_BARIS} baris.")
    return body


def _tanggal(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"tanggal «{text}» tidak valid (gunakan 2026-11-30 atau 30/11/2026)")


def _jam(value, label: str) -> time | None:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value or "").strip().replace(".", ":")
    if not text:
        return None
    for fmt in ("%H:%M", "%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).time().replace(second=0)
        except ValueError:
            continue
    raise ValueError(f"{label} «{value}» tidak valid (gunakan 07.30 atau 07:30)")


def parse_presensi(nama: str, data: bytes) -> list[BarisPresensi]:
    """Every row checked; any bad row refuses the whole file (``ImporGagal`` lists them by line)."""
    body = _read_rows(nama, data)
    known = dict(pegawai_aktif().values_list("nip", "pk"))
    errors: list[str] = []
    seen: dict[tuple[str, date], int] = {}
    result = []
    for line, cells in body:
        cells = [*cells, None, None, None, None][:4]
        nip = str(cells[0] or "").strip().replace(" ", "")
        try:
            if not nip:
                raise ValueError("NIP kosong")
            if nip not in known:
                raise ValueError(f"NIP {nip} tidak terdaftar sebagai pegawai")
            tanggal = _tanggal(cells[1])
            masuk, pulang = _jam(cells[2], "jam masuk"), _jam(cells[3], "jam pulang")
            if masuk is None and pulang is not None:
                raise ValueError("jam pulang terisi tanpa jam masuk")
            if masuk and pulang and pulang <= masuk:
                raise ValueError("jam pulang tidak boleh sebelum jam masuk")
            if (nip, tanggal) in seen:
                raise ValueError(f"NIP {nip} tanggal {format_tanggal(tanggal)} sudah ada di baris {seen[nip, tanggal]}")
        except ValueError as exc:
            errors.append(f"Baris {line}: {exc}.")
            continue
        seen[nip, tanggal] = line
        result.append(BarisPresensi(line, nip, tanggal, masuk, pulang))
    if errors:
        raise ImporGagal(errors)
    if not result:
        raise BerkasInvalid("Berkas tidak berisi baris presensi.")
    return result


def presensi_impor(*, user, nama_berkas: str, data: bytes) -> ImporPresensi:
    """Import the machine's export in one transaction; a day already imported is replaced."""
    check_petugas(user)
    rows = parse_presensi(nama_berkas, data)
    known = dict(pegawai_aktif().values_list("nip", "pk"))
    with transaction.atomic():
        impor = ImporPresensi.objects.create(nama_berkas=nama_berkas[:200], jumlah_baris=len(rows), diimpor_oleh=user)
        Presensi.objects.bulk_create(
            [Presensi(pegawai_id=known[r.nip], tanggal=r.tanggal, impor=impor, **r.jam()) for r in rows],
            update_conflicts=True,
            unique_fields=["pegawai", "tanggal"],
            update_fields=["jam_masuk", "jam_pulang", "impor"],
        )
    return impor


def keterangan_catat(
    *, user, pegawai_id: int, tanggal: date, jenis: str, catatan: str = "", lampiran=None
) -> KeteranganPresensi:
    """Record why someone was away on a day (one keterangan per person per day)."""
    check_petugas(user)
    if jenis not in JenisKeterangan.values:
        raise BerkasInvalid("Jenis keterangan tidak dikenal.")
    if not pegawai_aktif().filter(pk=pegawai_id).exists():
        raise BerkasInvalid("Pegawai tidak ditemukan.")
    try:
        with transaction.atomic():
            return KeteranganPresensi.objects.create(
                pegawai_id=pegawai_id,
                tanggal=tanggal,
                jenis=jenis,
                catatan=catatan.strip(),
                lampiran=lampiran or "",
                dicatat_oleh=user,
            )
    except IntegrityError:
        raise BerkasConflict(f"Keterangan pegawai ini untuk {format_tanggal(tanggal)} sudah dicatat.") from None


def keterangan_hapus(*, user, pk: int) -> None:
    check_petugas(user)
    KeteranganPresensi.objects.filter(pk=pk).delete()


def _isi_rekap(tahun: int, bulan: int) -> str:
    """The rekap as the naskah's body: three columns (the naskah prints table columns alike wide);
    the full grid is the printable register of the rekap page."""
    body = ""
    for r in rekap_bulan(tahun, bulan, bulan_range(tahun, bulan)[1]):
        nama = escape(r.pegawai.get_full_name() or r.pegawai.username)
        hadir = (
            f"hari kerja {r.hari_kerja}, hadir {r.hadir}; terlambat {r.terlambat} hari ({r.menit_terlambat} menit)"
            f"; pulang cepat {r.pulang_cepat} hari ({r.menit_pulang_cepat} menit)"
        )
        absen = (
            f"izin {r.izin}, sakit {r.sakit}, cuti {r.cuti}, dinas luar {r.dinas_luar}"
            f"; tanpa keterangan {r.tanpa_keterangan}"
        )
        body += f"<tr><td>{nama}, NIP {escape(r.pegawai.nip)}</td><td>{hadir}</td><td>{absen}</td></tr>"
    return (
        f"<p>Berikut rekapitulasi presensi pegawai bulan {NAMA_BULAN[bulan]} {tahun} sebagai bahan penilaian "
        "prestasi kerja pegawai.</p>"
        f"<table><tr><th>Pegawai</th><th>Kehadiran</th><th>Tidak hadir</th></tr>{body}</table>"
    )


def rekap_ajukan(*, user, tahun: int, bulan: int) -> RekapPresensi:
    """Draw the month's rekap up as a naskah for the Kadis (konsep; the naskah chain does the rest).
    A month has one rekap; a withdrawn naskah may be replaced by a new one."""
    check_petugas(user)
    return naskah_bulanan_buat(
        model=RekapPresensi,
        user=user,
        tahun=tahun,
        bulan=bulan,
        jenis_kode="rekap-presensi",
        hal=f"Rekapitulasi presensi pegawai bulan {NAMA_BULAN[bulan]} {tahun}",
        isi=_isi_rekap(tahun, bulan),
        label="Rekap",
        tujuan_nama="Kepala Dinas",
    )
