"""Presensi: the import refuses a bad file whole (with line numbers), matches rows to a Pegawai by NIP
or by ID mesin, keterangan for a day or a range of days, and the rekap counts working days of the
office calendar (national holidays and cuti bersama left out) per Pegawai."""

import io
from datetime import date, datetime, time

import pytest
from openpyxl import Workbook

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import HariLibur
from sekretariat import kepegawaian_data, naskah_data, presensi_data
from sekretariat.models import ImporPresensi, JenisKeterangan, KeteranganPresensi, Presensi, RekapPresensi
from sekretariat.selectors.presensi import rekap_bulan
from sekretariat.services import presensi as svc

from ..factories import staff
from .kepegawaian_helpers import pegawai as buat_pegawai

pytestmark = pytest.mark.django_db

NIP_A = "198501012010011001"
NIP_B = "199002022015022002"


@pytest.fixture
def pegawai(catalogue):
    naskah_data.load()  # idempotent: a transactional test may have flushed the seed rows
    presensi_data.load()
    kepegawaian_data.load()
    return {
        "petugas": staff(
            Role.STAF, bidang="sekretariat", first_name="Santi", last_name="Staf", nip="199505052020122005"
        ),
        # employees of data pegawai; Bunga has no login at all
        "a": buat_pegawai("Andi Pratama", nip=NIP_A, lahir=date(1985, 1, 1)),
        "b": buat_pegawai("Bunga Lestari", nip=NIP_B, lahir=date(1990, 2, 2), jenis_kelamin="P"),
    }


def csv_bytes(*lines: str) -> bytes:
    return "\n".join(["NIP;tanggal;jam masuk;jam pulang", *lines]).encode()


def by_nip(rows, nip):
    return next(r for r in rows if r.pegawai.nip == nip)


# --- import ---------------------------------------------------------------------------------------


def test_import_csv_saves_every_row_and_a_later_import_replaces_the_day(pegawai):
    data = csv_bytes(f"{NIP_A};2026-12-01;07.45;16.05", f"{NIP_B};01/12/2026;07:20;")
    impor = svc.presensi_impor(user=pegawai["petugas"], nama_berkas="mesin.csv", data=data)

    assert impor.jumlah_baris == 2
    a = Presensi.objects.get(pegawai=pegawai["a"])
    assert (a.tanggal, a.jam_masuk, a.jam_pulang) == (date(2026, 12, 1), time(7, 45), time(16, 5))
    assert Presensi.objects.get(pegawai=pegawai["b"]).jam_pulang is None

    svc.presensi_impor(
        user=pegawai["petugas"], nama_berkas="ulang.csv", data=csv_bytes(f"{NIP_A};2026-12-01;07.25;16.10")
    )
    a.refresh_from_db()
    assert a.jam_masuk == time(7, 25)
    assert Presensi.objects.filter(pegawai=pegawai["a"]).count() == 1


def test_import_xlsx_reads_date_and_time_cells(pegawai):
    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "Tanggal", "Jam masuk", "Jam pulang"])
    ws.append([NIP_A, datetime(2026, 12, 2), time(7, 31), time(16, 2)])
    ws.append([NIP_B, "2026-12-02", "07:29", "16:00"])
    out = io.BytesIO()
    wb.save(out)

    svc.presensi_impor(user=pegawai["petugas"], nama_berkas="mesin.xlsx", data=out.getvalue())

    assert Presensi.objects.get(pegawai=pegawai["a"], tanggal=date(2026, 12, 2)).jam_masuk == time(7, 31)
    assert Presensi.objects.get(pegawai=pegawai["b"], tanggal=date(2026, 12, 2)).jam_pulang == time(16, 0)


def test_import_with_bad_rows_lists_them_by_line_and_saves_nothing(pegawai):
    data = csv_bytes(
        f"{NIP_A};2026-12-01;07.30;16.00",  # line 2: fine
        "199912312020121999;2026-12-01;07.30;16.00",  # line 3: unknown NIP
        f"{NIP_B};2026-02-30;07.30;16.00",  # line 4: no such date
        f"{NIP_B};2026-12-02;25.10;16.00",  # line 5: no such time
        f"{NIP_A};01/12/2026;07.31;16.00",  # line 6: the same day as line 2
        f"{NIP_B};2026-12-03;16.00;07.30",  # line 7: leaving before arriving
    )
    with pytest.raises(svc.ImporGagal) as refused:
        svc.presensi_impor(user=pegawai["petugas"], nama_berkas="mesin.csv", data=data)

    errors = refused.value.kesalahan
    assert [e.split(":")[0] for e in errors] == ["Baris 3", "Baris 4", "Baris 5", "Baris 6", "Baris 7"]
    assert "tidak terdaftar" in errors[0]
    assert "2026-02-30" in errors[1]
    assert "25.10" in errors[2]
    assert "baris 2" in errors[3]
    assert "Tidak ada baris yang disimpan" in refused.value.message
    assert Presensi.objects.count() == 0
    assert ImporPresensi.objects.count() == 0


def test_import_refuses_wrong_columns_and_other_formats(pegawai):
    with pytest.raises(BerkasInvalid, match="NIP, tanggal, jam masuk, jam pulang"):
        svc.presensi_impor(user=pegawai["petugas"], nama_berkas="x.csv", data=b"nama,tgl\nA,2026-12-01\n")
    with pytest.raises(BerkasInvalid, match="CSV atau XLSX"):
        svc.presensi_impor(user=pegawai["petugas"], nama_berkas="x.pdf", data=b"%PDF")
    assert Presensi.objects.count() == 0


def test_only_the_sekretariat_keeps_presensi(pegawai):
    with pytest.raises(BerkasForbidden):
        svc.presensi_impor(
            user=staff(Role.STAF, bidang="pendaftaran"),
            nama_berkas="mesin.csv",
            data=csv_bytes(f"{NIP_A};2026-12-01;07.30;"),
        )


def test_import_by_the_machines_id_matches_the_pegawai_id_mesin(pegawai):
    pegawai["a"].id_mesin = "17"
    pegawai["a"].save(update_fields=["id_mesin"])
    wb = Workbook()
    ws = wb.active
    ws.append(["ID mesin", "Tanggal", "Jam masuk", "Jam pulang"])
    ws.append([17, datetime(2026, 12, 2), time(7, 31), time(16, 2)])  # a number cell, as machines write it
    ws.append([18, datetime(2026, 12, 2), time(7, 29), time(16, 0)])
    out = io.BytesIO()
    wb.save(out)

    with pytest.raises(svc.ImporGagal) as refused:
        svc.presensi_impor(user=pegawai["petugas"], nama_berkas="mesin.xlsx", data=out.getvalue())
    assert refused.value.kesalahan == ["Baris 3: ID mesin 18 tidak terdaftar sebagai pegawai."]

    ws.delete_rows(3)
    out = io.BytesIO()
    wb.save(out)
    svc.presensi_impor(user=pegawai["petugas"], nama_berkas="mesin.xlsx", data=out.getvalue())
    assert Presensi.objects.get().pegawai == pegawai["a"]


# --- rekap ----------------------------------------------------------------------------------------


def scan(user, day: int, masuk: str | None, pulang: str | None = None) -> None:
    to_time = lambda s: time(*map(int, s.split("."))) if s else None  # noqa: E731
    Presensi.objects.create(
        pegawai=user, tanggal=date(2026, 12, day), jam_masuk=to_time(masuk), jam_pulang=to_time(pulang)
    )


def note(user, day: int, jenis: str, by) -> None:
    KeteranganPresensi.objects.create(pegawai=user, tanggal=date(2026, 12, day), jenis=jenis, dicatat_oleh=by)


def test_rekap_of_december_leaves_out_christmas_and_cuti_bersama(pegawai):
    """December 2026 has 23 weekdays; Christmas (Fri 25th) and the cuti bersama on the 24th leave 21."""
    a, petugas = pegawai["a"], pegawai["petugas"]
    HariLibur.objects.create(tanggal=date(2026, 12, 24), jenis=HariLibur.Jenis.CUTI_BERSAMA, keterangan="Cuti bersama")
    scan(a, 1, "07.45", "16.00")  # Tuesday: 15 minutes late
    scan(a, 4, "07.30", "16.00")  # Friday: work ends 16.30, so 30 minutes early
    scan(a, 7, "07.20")  # no scan out: pulang cepat
    note(a, 8, JenisKeterangan.SAKIT, petugas)
    scan(a, 9, "08.00", "14.00")  # late and early, but with izin keluar: excused
    note(a, 9, JenisKeterangan.IZIN_KELUAR, petugas)
    note(a, 10, JenisKeterangan.DINAS_LUAR, petugas)
    note(a, 11, JenisKeterangan.CUTI, petugas)
    scan(a, 25, "08.00", "12.00")  # Christmas: ignored
    scan(a, 24, "09.00", "12.00")  # cuti bersama: ignored

    rows = rekap_bulan(2026, 12, sampai=date(2026, 12, 31))

    r = by_nip(rows, NIP_A)
    assert r.hari_kerja == 21
    assert (r.hadir, r.terlambat, r.menit_terlambat) == (4, 1, 15)
    assert (r.pulang_cepat, r.menit_pulang_cepat) == (2, 30)
    assert (r.izin, r.sakit, r.cuti, r.dinas_luar) == (1, 1, 1, 1)
    assert r.tanpa_keterangan == 14  # 21 days minus the 7 with a scan or a keterangan
    b = by_nip(rows, NIP_B)
    assert (b.hari_kerja, b.hadir, b.tanpa_keterangan) == (21, 0, 21)


def test_rekap_of_the_running_month_counts_only_days_so_far(pegawai):
    rows = rekap_bulan(2026, 12, sampai=date(2026, 12, 4))  # Tue 1 – Fri 4
    assert by_nip(rows, NIP_A).hari_kerja == 4


def test_keterangan_once_per_person_per_day(pegawai):
    kw = {"user": pegawai["petugas"], "pegawai_id": pegawai["a"].pk, "tanggal": date(2026, 12, 8)}
    svc.keterangan_catat(jenis=JenisKeterangan.SAKIT, catatan="Surat dokter", **kw)
    with pytest.raises(BerkasConflict, match="sudah dicatat"):
        svc.keterangan_catat(jenis=JenisKeterangan.CUTI, **kw)
    assert KeteranganPresensi.objects.get().jenis == JenisKeterangan.SAKIT


def test_rekap_goes_to_the_kadis_as_a_naskah_once_a_month(pegawai):
    scan(pegawai["a"], 1, "07.45", "16.00")

    rekap = svc.rekap_ajukan(user=pegawai["petugas"], tahun=2026, bulan=12)

    naskah = rekap.naskah
    assert (naskah.jenis.kode, naskah.status) == ("rekap-presensi", "konsep")
    assert naskah.hal == "Rekapitulasi presensi pegawai bulan Desember 2026"
    assert "Andi Pratama" in naskah.isi and NIP_A in naskah.isi
    assert "terlambat 1 hari (15 menit)" in naskah.isi
    with pytest.raises(BerkasConflict, match="sudah diajukan"):
        svc.rekap_ajukan(user=pegawai["petugas"], tahun=2026, bulan=12)
    assert RekapPresensi.objects.count() == 1


def test_keterangan_for_a_range_covers_its_working_days_and_counts_in_the_rekap(pegawai):
    """Cuti Thu 3 – Tue 8 December 2026: Thu, Fri, Mon, Tue (the weekend is skipped)."""
    made = svc.keterangan_rentang_catat(
        user=pegawai["petugas"], pegawai_id=pegawai["b"].pk, mulai=date(2026, 12, 3), selesai=date(2026, 12, 8),
        jenis=JenisKeterangan.CUTI, catatan="Cuti tahunan",
    )  # fmt: skip

    assert [k.tanggal.day for k in made] == [3, 4, 7, 8]
    assert set(KeteranganPresensi.objects.values_list("pegawai", "jenis")) == {(pegawai["b"].pk, "cuti")}
    r = by_nip(rekap_bulan(2026, 12, sampai=date(2026, 12, 8)), NIP_B)
    assert (r.hari_kerja, r.cuti, r.tanpa_keterangan) == (6, 4, 2)


def test_a_range_overlapping_a_recorded_day_saves_nothing(pegawai):
    svc.keterangan_catat(
        user=pegawai["petugas"], pegawai_id=pegawai["b"].pk, tanggal=date(2026, 12, 7), jenis=JenisKeterangan.SAKIT
    )
    kw = {"pegawai_id": pegawai["b"].pk, "mulai": date(2026, 12, 3), "selesai": date(2026, 12, 8), "jenis": "cuti"}
    with pytest.raises(BerkasConflict, match="7 Desember 2026 sudah dicatat"):
        svc.keterangan_rentang_catat(user=pegawai["petugas"], **kw)
    assert KeteranganPresensi.objects.count() == 1
    with pytest.raises(BerkasInvalid, match="sebelum tanggal mulai"):
        svc.keterangan_rentang_catat(user=pegawai["petugas"], **kw | {"mulai": date(2026, 12, 9)})
    with pytest.raises(BerkasForbidden):
        svc.keterangan_rentang_catat(user=staff(Role.STAF, bidang="pendaftaran"), **kw)
    # another process (cuti) that checked its own permission records it in the name of its approver
    kadis = staff(Role.KADIS)
    kw |= {"mulai": date(2026, 12, 14), "selesai": date(2026, 12, 15)}
    made = svc.keterangan_rentang_catat(user=kadis, periksa_peran=False, **kw)
    assert [(k.tanggal.day, k.dicatat_oleh) for k in made] == [(14, kadis), (15, kadis)]
