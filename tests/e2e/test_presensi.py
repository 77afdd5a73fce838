"""Presensi in the browser: a bad export refused with its line numbers, the good one imported, a
keterangan entered, the monthly rekap read and sent to the Kadis as a naskah konsep. The employee is
in data pegawai and has no login at all."""

import pytest

from dukcapil.choices import Role
from sekretariat import kepegawaian_data, naskah_data, presensi_data
from sekretariat.models import Naskah, Presensi
from tests.factories import staff
from tests.sekretariat.kepegawaian_helpers import pegawai as buat_pegawai

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

NIP = "198703152010012003"


def test_import_then_keterangan_then_the_monthly_rekap(desks, e2e_team, tmp_path):
    naskah_data.load()
    presensi_data.load()
    kepegawaian_data.load()
    pegawai = buat_pegawai("Rina Wulandari", nip=NIP, jenis_kelamin="P")
    petugas = desks(staff(Role.STAF, bidang="sekretariat", first_name="Fitri", last_name="Kepegawaian", nip="1"))

    bad = tmp_path / "mesin-salah.csv"
    bad.write_text(f"NIP;tanggal;jam masuk;jam pulang\n{NIP};2026-11-02;07.50;16.00\n999;2026-11-31;07.30;16.00\n")
    petugas.goto("/sekretariat/presensi/impor/", "halaman impor")
    petugas.page.set_input_files("#id_berkas", str(bad))
    response = petugas.submit(petugas.page.locator("#impor-kirim"), "impor ditolak")
    assert response.status == 400
    assert "Baris 3: NIP 999 tidak terdaftar sebagai pegawai." in petugas.text()
    assert not Presensi.objects.exists()

    good = tmp_path / "mesin.csv"
    good.write_text(f"NIP;tanggal;jam masuk;jam pulang\n{NIP};2026-11-02;07.50;16.00\n{NIP};03/11/2026;07.25;15.30\n")
    petugas.page.set_input_files("#id_berkas", str(good))
    response = petugas.submit(petugas.page.locator("#impor-kirim"), "impor berhasil")
    assert response.status == 200 and "2 baris presensi diimpor" in petugas.text()

    petugas.goto("/sekretariat/presensi/keterangan/", "halaman keterangan")
    petugas.page.select_option("#id_pegawai", str(pegawai.pk))
    petugas.page.fill("#id_tanggal", "2026-11-04")
    petugas.page.select_option("#id_jenis", "sakit")
    petugas.page.fill("#id_catatan", "Surat keterangan dokter")
    response = petugas.submit(petugas.page.locator("#keterangan-simpan"), "keterangan dicatat")
    assert response.status == 200 and "Surat keterangan dokter" in petugas.text()

    petugas.goto("/sekretariat/presensi/?bulan=2026-11", "rekap november")
    row = petugas.page.locator("#rekap-presensi tr", has_text="Rina Wulandari").inner_text()
    # 21 working days; 2 present, late 20 minutes on the 2nd, left 30 minutes early on the 3rd, 1 sakit
    assert row.split("\t")[2:6] == ["21", "2", "1 hari (20 menit)", "1 hari (30 menit)"]
    assert row.split("\t")[7] == "1" and row.split("\t")[-1] == "18"
    no_traceback(petugas)

    response = petugas.submit(petugas.page.locator("#rekap-ajukan"), "naskah rekap")
    assert response.status == 200
    naskah = Naskah.objects.get(jenis__kode="rekap-presensi")
    assert "Rekapitulasi presensi pegawai bulan November 2026" in petugas.text()
    petugas.goto("/sekretariat/presensi/?bulan=2026-11", "rekap dengan naskahnya")
    assert naskah.hal in petugas.text() and "Konsep" in petugas.text()
