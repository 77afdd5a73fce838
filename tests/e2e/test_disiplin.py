"""Disiplin in the browser: a case opened for an employee of data pegawai, teguran lisan then SP I
(its naskah konsep linked), then the case closed (handed over to the BKPSDM) and found among the
closed cases."""

import pytest

from dukcapil.choices import Role
from sekretariat import disiplin_data, kepegawaian_data, naskah_data
from sekretariat.models import KasusDisiplin, LangkahDisiplin
from tests.factories import staff
from tests.sekretariat.kepegawaian_helpers import pegawai as buat_pegawai

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_a_case_climbs_from_teguran_lisan_to_sp_one(desks, e2e_team):
    naskah_data.load()
    disiplin_data.load()
    kepegawaian_data.load()
    pegawai = buat_pegawai("Dodi Lalai", nip="199101012019031001")
    kasubag = desks(staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", nip="198001012005011001"))

    kasubag.goto("/sekretariat/disiplin/", "daftar kasus")
    kasubag.page.select_option("#id_pegawai", str(pegawai.pk))
    kasubag.submit(kasubag.page.locator("#kasus-buka"), "kasus dibuka")
    assert "Langkah berikutnya: Teguran lisan" in kasubag.text()
    kasubag.page.fill("#id_tanggal", "2026-11-02")
    kasubag.page.fill("#id_pelanggaran", "Tidak masuk kerja 3 hari tanpa keterangan")
    kasubag.submit(kasubag.page.locator("#langkah-simpan"), "teguran lisan")
    assert "Langkah berikutnya: Surat Peringatan I" in kasubag.text()
    kasubag.page.fill("#id_tanggal", "2026-11-16")
    kasubag.page.fill("#id_pelanggaran", "Tidak masuk kerja 5 hari tanpa keterangan")
    kasubag.submit(kasubag.page.locator("#langkah-simpan"), "sp satu")
    no_traceback(kasubag)
    assert "Langkah berikutnya: Surat Peringatan II" in kasubag.text() and "Konsep" in kasubag.text()
    sp1 = LangkahDisiplin.objects.get(tingkat="sp1")
    kasubag.page.get_by_role("link", name="naskah", exact=True).click()
    kasubag.shot("naskah sp satu")
    assert sp1.naskah.hal in kasubag.text()

    # the case is closed: handed over to the BKPSDM, with the letter's number
    kasus = KasusDisiplin.objects.get()
    kasubag.goto(f"/sekretariat/disiplin/{kasus.pk}/", "kasus sebelum ditutup")
    kasubag.page.check("input[name=cara][value=diserahkan]")
    kasubag.page.fill("#id_alasan", "Tetap tidak masuk kerja setelah SP I; diusulkan hukuman disiplin.")
    response = kasubag.submit(kasubag.page.locator("#kasus-tutup-simpan"), "tutup tanpa rujukan")
    assert response.status == 400 and "Nomor surat penyerahan" in kasubag.text()
    kasubag.page.fill("#id_rujukan", "800/321/427.53/2026")
    kasubag.page.check("input[name=cara][value=diserahkan]")
    kasubag.page.fill("#id_alasan", "Tetap tidak masuk kerja setelah SP I; diusulkan hukuman disiplin.")
    kasubag.submit(kasubag.page.locator("#kasus-tutup-simpan"), "kasus ditutup")
    kasubag.shot("kasus ditutup")
    assert "Kasus selesai" in kasubag.text() and "800/321/427.53/2026" in kasubag.text()
    assert "Langkah berikutnya" not in kasubag.text()
    kasubag.goto("/sekretariat/disiplin/?status=selesai", "kasus selesai")
    assert "Dodi Lalai" in kasubag.page.locator("#kasus-disiplin").inner_text()
    no_traceback(kasubag)
