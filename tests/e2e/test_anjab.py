"""Anjab/ABK in the browser: the holder fills an isian with two uraian tugas and submits it, the
analis verifies it, the Kasubag sees the ABK table and drafts the usulan to the Bagian Organisasi."""

from datetime import date

import pytest

from dukcapil.choices import Role
from sekretariat import kepegawaian_data
from sekretariat.models import Jabatan, Naskah
from sekretariat.services import anjab as svc
from tests.factories import staff
from tests.sekretariat.kepegawaian_helpers import pegawai

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_fill_verify_and_propose_an_anjab_round(desks, e2e_team):
    kepegawaian_data.load()
    kasubag = staff(Role.KASUBAG, bidang="sekretariat", first_name="Teguh", nip="198001012005011001")
    analis = staff(Role.STAF, bidang="sekretariat", first_name="Fikri", nip="199001012015031001")
    jabatan = Jabatan.objects.get(nama="Pengadministrasi Perkantoran")
    putaran = svc.putaran_buka(
        user=kasubag, tahun=2026, nomor_surat="061/118/425.004/2026", tanggal_surat=date(2026, 2, 2),
        jabatan_ids=[jabatan.pk],
    )  # fmt: skip
    isian = putaran.isian.get()

    desk = desks(analis)
    desk.goto(f"/sekretariat/anjab/isian/{isian.pk}/", "isian kosong")
    desk.page.fill("#id_ikhtisar", "Melakukan administrasi perkantoran")
    for i, (uraian, satuan, volume, norma) in enumerate(
        [("Mengagendakan surat", "Surat", "2400", "10"), ("Mengarsipkan naskah", "Berkas", "1200", "15")]
    ):
        desk.page.fill(f"#id_u-{i}-uraian", uraian)
        desk.page.fill(f"#id_u-{i}-satuan_hasil", satuan)
        desk.page.fill(f"#id_u-{i}-volume", volume)
        desk.page.fill(f"#id_u-{i}-norma_waktu", norma)
    desk.submit(desk.page.locator("#isian-simpan"), "isian disimpan")
    no_traceback(desk)
    assert desk.page.inner_text("#kebutuhan") == "0,56"  # (24000 + 18000) / 75000
    desk.submit(desk.page.locator("#isian-ajukan"), "isian diajukan")
    desk.submit(desk.page.locator("#isian-verifikasi"), "isian diverifikasi")
    assert "Terverifikasi" in desk.text()

    desk = desks(kasubag)
    desk.goto(f"/sekretariat/anjab/{putaran.pk}/", "tabel abk")
    assert "kurang 0,56" in desk.page.inner_text("#tabel-abk")
    desk.submit(desk.page.locator("#anjab-usulkan"), "usulan disusun")
    no_traceback(desk)
    assert Naskah.objects.get().jenis.kode == "usulan-anjab-abk"
    assert "Usulan Analisis Jabatan dan Analisis Beban Kerja Tahun 2026" in desk.text()

    desk.goto("/sekretariat/anjab/", "daftar putaran")
    assert "061/118/425.004/2026" in desk.text()
    andi = pegawai("Andi Saputra")
    desk.goto("/sekretariat/program-sdm/?tahun=2026", "program sdm kosong")
    desk.page.select_option("#id_jenis", "diklat_teknis")
    desk.page.fill("#id_judul", "Diklat teknis SIAK terpusat")
    desk.page.select_option("#id_penyelenggara", "bkpsdm")
    desk.page.fill("#id_tanggal", "2026-05-04")
    desk.page.select_option("#id_peserta", str(andi.pk))
    desk.submit(desk.page.locator("#program-tambah"), "program dicatat")
    no_traceback(desk)
    desk.goto("/sekretariat/program-sdm/?tahun=2026", "program sdm 2026")
    assert "Diklat teknis SIAK terpusat" in desk.text() and "Andi Saputra" in desk.text()
