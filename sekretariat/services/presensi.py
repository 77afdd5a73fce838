"""State changes of presensi: the fingerprint export imported whole or not at all, keterangan
entered for a Pegawai on a day (or a range of days: ``keterangan_rentang_catat``, which cuti uses),
and the monthly rekap sent to the Kadis as a naskah (jenis «rekap-presensi»).

Rows belong to a ``Pegawai`` (data pegawai), so employees without a login are counted too. The
machine's export names each employee by NIP (first column «NIP») or by the machine's own user
number (first column «ID mesin», matched to ``Pegawai.id_mesin``).

Follows Lumajang «Prosedur Presensi»: the Staf imports and makes the monthly rekap (steps 2–5),
the Kasubag Umum checks it (step 6: the naskah's «periksa»), the Sekretaris passes it on (step 7:
paraf), the Kadis assesses and signs it (step 8: TTE)."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import IntegrityError, transaction
from django.utils.html import escape

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..impor import ImporGagal, baca_tabel
from ..models.presensi import ImporPresensi, JenisKeterangan, KeteranganPresensi, Presensi, RekapPresensi
from ..selectors.presensi import bulan_range, hari_kerja_antara, pegawai_aktif, rekap_bulan
from .naskah import naskah_bulanan_buat

KOLOM = ["nip", "tanggal", "jam_masuk", "jam_pulang"]
# the first column: NIP, or the machine's user number (ID mesin of the Pegawai)
KOLOM_PENGENAL = {"nip": "NIP", "id_mesin": "ID mesin", "id": "ID mesin", "no_id": "ID mesin"}
MAX_HARI_KETERANGAN = 366
MAX_BARIS = 20000
NAMA_BULAN = [
    "", "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def check_petugas(user) -> None:
    if not can_in_bidang(user, Aksi.PRESENSI, "sekretariat"):
        raise BerkasForbidden("Peran Anda tidak berwenang mengelola presensi.")


@dataclass(frozen=True)
class BarisPresensi:
    baris: int
    pegawai_id: int
    tanggal: date
    jam_masuk: time | None
    jam_pulang: time | None

    def jam(self) -> dict:
        return {"jam_masuk": self.jam_masuk, "jam_pulang": self.jam_pulang}


def _read_rows(nama: str, data: bytes) -> tuple[str, list[tuple[int, list]]]:
    """The first column's kind («nip» or «id_mesin») and (line number, cells) of the file after its
    header row, which must name the four columns."""
    header, body = baca_tabel(nama, data, MAX_BARIS)
    header = header[:4]
    if len(header) < 4 or header[0] not in KOLOM_PENGENAL or header[1:] != KOLOM[1:]:
        raise BerkasInvalid(
            "Baris pertama harus berisi kolom: NIP, tanggal, jam masuk, jam pulang (kolom pertama boleh ID mesin)."
        )
    return ("nip" if header[0] == "nip" else "id_mesin"), body


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


def _pengenal(cell) -> str:
    """NIP or ID mesin as text (a spreadsheet may hold the number as an integer or a float)."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell or "").strip().replace(" ", "")


def parse_presensi(nama: str, data: bytes) -> list[BarisPresensi]:
    """Every row checked; any bad row refuses the whole file (``ImporGagal`` lists them by line)."""
    kolom, body = _read_rows(nama, data)
    label = KOLOM_PENGENAL[kolom]
    known = dict(pegawai_aktif().exclude(**{kolom: ""}).values_list(kolom, "pk"))
    errors: list[str] = []
    seen: dict[tuple[str, date], int] = {}
    result = []
    for line, cells in body:
        cells = [*cells, None, None, None, None][:4]
        kunci = _pengenal(cells[0])
        try:
            if not kunci:
                raise ValueError(f"{label} kosong")
            if kunci not in known:
                raise ValueError(f"{label} {kunci} tidak terdaftar sebagai pegawai")
            tanggal = _tanggal(cells[1])
            masuk, pulang = _jam(cells[2], "jam masuk"), _jam(cells[3], "jam pulang")
            if masuk is None and pulang is not None:
                raise ValueError("jam pulang terisi tanpa jam masuk")
            if masuk and pulang and pulang <= masuk:
                raise ValueError("jam pulang tidak boleh sebelum jam masuk")
            if (kunci, tanggal) in seen:
                raise ValueError(
                    f"{label} {kunci} tanggal {format_tanggal(tanggal)} sudah ada di baris {seen[kunci, tanggal]}"
                )
        except ValueError as exc:
            errors.append(f"Baris {line}: {exc}.")
            continue
        seen[kunci, tanggal] = line
        result.append(BarisPresensi(line, known[kunci], tanggal, masuk, pulang))
    if errors:
        raise ImporGagal(errors)
    if not result:
        raise BerkasInvalid("Berkas tidak berisi baris presensi.")
    return result


def presensi_impor(*, user, nama_berkas: str, data: bytes) -> ImporPresensi:
    """Import the machine's export in one transaction; a day already imported is replaced."""
    check_petugas(user)
    rows = parse_presensi(nama_berkas, data)
    with transaction.atomic():
        impor = ImporPresensi.objects.create(nama_berkas=nama_berkas[:200], jumlah_baris=len(rows), diimpor_oleh=user)
        Presensi.objects.bulk_create(
            [Presensi(pegawai_id=r.pegawai_id, tanggal=r.tanggal, impor=impor, **r.jam()) for r in rows],
            update_conflicts=True,
            unique_fields=["pegawai", "tanggal"],
            update_fields=["jam_masuk", "jam_pulang", "impor"],
        )
    return impor


def keterangan_catat(
    *, user, pegawai_id: int, tanggal: date, jenis: str, catatan: str = "", lampiran=None
) -> KeteranganPresensi:
    """Record why a Pegawai was away on a day (one keterangan per person per day)."""
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


def keterangan_rentang_catat(
    *, user, pegawai_id: int, mulai: date, selesai: date, jenis: str, catatan: str = "", periksa_peran: bool = True
) -> list[KeteranganPresensi]:
    """One keterangan of ``jenis`` for a Pegawai on every working day from ``mulai`` to ``selesai``
    (office calendar: days off are skipped, the rekap does not count them). All days or none: a day
    that already has a keterangan refuses the whole range (BerkasConflict naming it).

    For other processes: cuti calls it once its leave is approved, e.g.
    ``keterangan_rentang_catat(user=approver, pegawai_id=p.pk, mulai=…, selesai=…, jenis="cuti",
    catatan="Cuti tahunan", periksa_peran=False)`` — ``periksa_peran=False`` when the caller has
    already checked its own permission (the approver need not hold the «presensi» action);
    ``user`` is still recorded as ``dicatat_oleh``. Call it inside the caller's transaction."""
    if periksa_peran:
        check_petugas(user)
    if jenis not in JenisKeterangan.values:
        raise BerkasInvalid("Jenis keterangan tidak dikenal.")
    if selesai < mulai:
        raise BerkasInvalid("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if (selesai - mulai).days >= MAX_HARI_KETERANGAN:
        raise BerkasInvalid(f"Rentang keterangan paling lama {MAX_HARI_KETERANGAN} hari.")
    hari = hari_kerja_antara(mulai, selesai)
    if not hari:
        raise BerkasInvalid("Tidak ada hari kerja dalam rentang tanggal itu.")
    with transaction.atomic():
        if not pegawai_aktif().select_for_update().filter(pk=pegawai_id).exists():
            raise BerkasInvalid("Pegawai tidak ditemukan.")
        ada = KeteranganPresensi.objects.filter(pegawai_id=pegawai_id, tanggal__in=hari).order_by("tanggal").first()
        if ada is not None:
            raise BerkasConflict(
                f"Keterangan pegawai ini untuk {format_tanggal(ada.tanggal)} sudah dicatat "
                f"({ada.get_jenis_display()}); tidak ada yang disimpan."
            )
        rows = [
            KeteranganPresensi(
                pegawai_id=pegawai_id, tanggal=day, jenis=jenis, catatan=catatan.strip()[:300], dicatat_oleh=user
            )
            for day in hari
        ]
        return KeteranganPresensi.objects.bulk_create(rows)


def keterangan_hapus(*, user, pk: int) -> None:
    check_petugas(user)
    KeteranganPresensi.objects.filter(pk=pk).delete()


def _isi_rekap(tahun: int, bulan: int) -> str:
    """The rekap as the naskah's body: three columns (the naskah prints table columns alike wide);
    the full grid is the printable register of the rekap page."""
    body = ""
    for r in rekap_bulan(tahun, bulan, bulan_range(tahun, bulan)[1]):
        nama = escape(r.pegawai.nama_lengkap)
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
