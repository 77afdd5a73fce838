"""The laporan perkembangan kependudukan in the browser: the Kasi opens the semester report from the
register (tables, charts), writes the analysis; the Kabid returns it once, then it goes Kabid →
Sekretaris → the Kadis, who signs it in the kotak masuk with the passphrase; the ADB registers it."""

import pytest

from dukcapil.choices import Role
from piak.models import LaporanPerkembangan
from tests.factories import TTE_PASSPHRASE, staff
from tests.piak.laporan_penduduk_helpers import register_uji

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_semester_report_from_register_to_signature(desks, e2e_team):
    kasi = staff(Role.KASI, bidang="piak", first_name="Rudi")
    kabid = staff(Role.KABID, bidang="piak", first_name="Wulan")
    adb = staff(Role.ADB, bidang="piak", first_name="Fajar")
    sekretaris = staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Ratna")
    kadis = e2e_team["kadis"]
    register_uji(kasi)

    k = desks(kasi)
    k.goto("/piak/laporan-penduduk/", "daftar laporan")
    k.page.select_option("#id_jenis", "semester")
    k.page.fill("#id_tahun", "2026")
    k.page.fill("#id_periode_ke", "2")
    k.submit(k.page.get_by_role("button", name="Hitung data agregat dan buat draf"), "draf dibuat")
    laporan = LaporanPerkembangan.objects.get()
    assert "Penduduk per kecamatan" in k.text() and "BINTAN TIMUR" in k.text()
    k.page.wait_for_function("document.getElementById('grafik-umur').width > 0")
    k.shot("grafik")
    k.page.fill("#id_analisis", "Satu kelahiran dan satu kematian pada semester II.")
    k.submit(k.page.get_by_role("button", name="Simpan analisis"), "analisis disimpan")
    k.submit(k.page.get_by_role("button", name="Ajukan ke Kabid PIAK"), "diajukan")

    b = desks(kabid)
    b.goto("/kotak-masuk/", "kotak masuk kabid")
    b.page.click(f"a[href='{laporan.get_absolute_url()}']")
    b.page.fill("#catatan-kembalikan", "Tambahkan analisis kepemilikan KIA.")
    b.submit(b.page.get_by_role("button", name="Kembalikan ke Kasi"), "dikembalikan")
    k.goto(laporan.get_absolute_url(), "kasi memperbaiki")
    assert "Tambahkan analisis kepemilikan KIA." in k.text()
    k.page.fill("#id_analisis", "Satu kelahiran dan satu kematian; satu dari lima anak memiliki KIA.")
    k.submit(k.page.get_by_role("button", name="Simpan analisis"), "analisis diperbaiki")
    k.submit(k.page.get_by_role("button", name="Ajukan ke Kabid PIAK"), "diajukan lagi")
    b.goto(laporan.get_absolute_url(), "kabid mengoreksi")
    b.submit(b.page.get_by_role("button", name="Setujui koreksi, teruskan ke Sekretaris"), "dikoreksi")

    s = desks(sekretaris)
    s.goto(laporan.get_absolute_url(), "sekretaris")
    s.submit(s.page.get_by_role("button", name="Setujui dan paraf, teruskan ke Kadis"), "diparaf")

    a = desks(kadis)
    a.goto("/kotak-masuk/", "kadis kotak masuk")
    assert laporan.nomor in a.text()
    a.page.get_by_role("checkbox", name=f"Pilih {laporan.nomor}").check()
    a.page.fill("#id_passphrase", TTE_PASSPHRASE)
    a.submit(a.page.get_by_role("button", name="Tandatangani berkas terpilih"), "kadis tte")
    assert "1 dari 1 dokumen ditandatangani" in a.text(), a.text()
    laporan.refresh_from_db()
    assert laporan.status == "terbit"
    a.goto(laporan.get_absolute_url(), "kadis membuka laporan")
    a.page.fill("#id_arahan", "Sampaikan ke camat; jemput bola KIA di sekolah.")
    a.submit(a.page.get_by_role("button", name="Sampaikan arahan"), "arahan")

    d = desks(adb)
    d.goto(laporan.get_absolute_url(), "adb")
    assert "PDF bertanda tangan elektronik" in d.text()
    d.page.fill("#id_nomor", "470/012/PIAK/2027")
    d.submit(d.page.get_by_role("button", name="Registrasi laporan"), "diregistrasi")
    assert "Diregistrasi" in d.text() and "470/012/PIAK/2027" in d.text()
    assert "jemput bola KIA di sekolah" in d.text()
    no_traceback(d)
