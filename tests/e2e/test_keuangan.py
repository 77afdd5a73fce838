"""Keuangan in the browser: an SPP from the PPTK through the PPK's return, the PA's SPM and BPPKAD's SP2D
to cair; once its SPJ is signed, the realisasi page draws its chart with no console error."""

from datetime import date

import pytest

from dukcapil.choices import Role
from sekretariat.models import Spp, StatusSpp, SubKegiatanDpa
from tests.factories import staff
from tests.sekretariat.keuangan_helpers import spj

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_spp_from_pptk_to_cair_and_the_realisasi_chart(desks, e2e_team):
    sek = "sekretariat"
    pptk = staff(Role.PPTK, bidang=sek, first_name="Puspita")
    bendahara = staff(Role.BENDAHARA, bidang=sek, first_name="Bagus")
    ppk = staff(Role.PPK, bidang=sek, first_name="Prasetyo")
    kadis = e2e_team["kadis"]
    today = date.today()
    SubKegiatanDpa.objects.create(
        tahun=today.year,
        program_kode="2.06.02",
        program_nama="Program Pendaftaran Penduduk",
        kegiatan_kode="2.06.02.2.01",
        kegiatan_nama="Pelayanan Pendaftaran Penduduk",
        kode="2.06.02.2.01.0001",
        nama="Penyelenggaraan Pendaftaran Penduduk",
        pagu=400_000_000,
    )

    p = desks(pptk)
    p.goto("/sekretariat/keuangan/spp/", "register spp kosong")
    p.submit(p.page.get_by_role("link", name="Siapkan SPP"), "form spp")
    p.page.select_option("#id_jenis", "ls")
    p.page.fill("#id_nomor_sipd", "0001/SPP-LS/2.06/2026")
    p.page.select_option("#id_sub_kegiatan", index=1)
    p.page.fill("#id_nilai", "100000000")
    p.page.fill("#id_uraian", "Belanja blangko KTP-el")
    p.submit(p.page.get_by_role("button", name="Simpan SPP"), "spp disiapkan")
    spp = Spp.objects.get()
    assert "Disiapkan PPTK" in p.text()

    b = desks(bendahara)
    b.goto("/kotak-masuk/", "kotak masuk bendahara")
    b.page.click(f"a[href='{spp.get_absolute_url()}']")
    b.submit(b.page.get_by_role("button", name="Ajukan ke PPK"), "diajukan")

    k = desks(ppk)
    k.goto(spp.get_absolute_url(), "ppk membuka spp")
    k.page.fill("#catatan-kembalikan", "Lampirkan kuitansi pembelian.")
    k.submit(k.page.get_by_role("button", name="Kembalikan ke PPTK"), "dikembalikan")
    assert "Lampirkan kuitansi pembelian." in k.text()
    p.goto("/notifikasi/", "pptk diberi tahu")
    assert "dikembalikan PPK" in p.text()

    b.goto(spp.get_absolute_url(), "bendahara mengajukan lagi")
    b.submit(b.page.get_by_role("button", name="Ajukan ke PPK"), "diajukan lagi")
    k.goto(spp.get_absolute_url(), "ppk memeriksa lagi")
    k.submit(k.page.get_by_role("button", name="Setujui, teruskan ke PA"), "disetujui")

    a = desks(kadis)
    a.goto(spp.get_absolute_url(), "pa membuka spp")
    a.submit(a.page.get_by_role("button", name="Catat SPM ditandatangani PA"), "spm tanpa nomor")
    assert "Nomor SPM wajib diisi." in a.text()
    a.page.fill("#nomor-spm", "0001/SPM/2.06/2026")
    a.submit(a.page.get_by_role("button", name="Catat SPM ditandatangani PA"), "spm ditandatangani")
    assert "SPM terbit" in a.text()

    b.goto(spp.get_absolute_url(), "bendahara mencatat sp2d")
    b.page.fill("#nomor-sp2d", "00451/SP2D/2026")
    b.submit(b.page.get_by_role("button", name="Catat SP2D"), "sp2d tercatat")
    b.submit(b.page.get_by_role("button", name="Catat dana cair"), "cair")
    spp.refresh_from_db()
    assert spp.status == StatusSpp.CAIR
    assert "00451/SP2D/2026" in b.text()
    no_traceback(b)

    # realisasi counts the signed SPJ administratif of the SP2D (sekretariat/selectors/spj.py)
    o = {"bendahara": bendahara, "ppk": ppk, "pptk": pptk}
    spj(o, spp, nomor="0001/SPJ/2026", nilai="100000000")

    errors: list[str] = []
    b.page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    b.page.on("pageerror", lambda e: errors.append(str(e)))
    b.goto(f"/sekretariat/keuangan/realisasi/?tahun={today.year}", "realisasi")
    b.page.wait_for_function("() => window.Chart && Chart.getChart('realisasi-chart') !== undefined")
    b.shot("grafik realisasi")
    assert errors == []
    table = b.page.inner_text("#tabel-realisasi")
    assert "100.000.000" in table
    assert "25,00" in table  # 100 of 400 million
