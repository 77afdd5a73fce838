"""Disiplin in the browser: a case opened, teguran lisan then SP I (its naskah konsep linked)."""

import pytest

from dukcapil.choices import Role
from sekretariat import disiplin_data, naskah_data
from sekretariat.models import LangkahDisiplin
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_a_case_climbs_from_teguran_lisan_to_sp_one(desks, e2e_team):
    naskah_data.load()
    disiplin_data.load()
    pegawai = staff(Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Lalai", nip="199101012019031001")
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
