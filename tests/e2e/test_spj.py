"""SPJ in the browser: the Bendahara records an SPJ for an SP2D, a bukti of the wrong type is refused
and a real one attached, the PPK returns it, verifies it the second time, the PPTK signs it and the
signed SPJ prints; the SPJ fungsional and daftar gaji screens open."""

import io
from datetime import date

import pytest

from dukcapil.choices import Role
from sekretariat.models import SpjAdministratif, StatusSpj
from tests.factories import staff
from tests.sekretariat.kepegawaian_helpers import pegawai
from tests.sekretariat.keuangan_helpers import sampai_sp2d, siapkan, sub_kegiatan

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def _pdf(path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_one_spj_from_bendahara_through_ppk_return_to_pptk_signature(desks, e2e_team, tmp_path):
    sek = "sekretariat"
    o = {
        "pptk": staff(Role.PPTK, bidang=sek, first_name="Puspita"),
        "bendahara": staff(Role.BENDAHARA, bidang=sek, first_name="Bagus"),
        "ppk": staff(Role.PPK, bidang=sek, first_name="Prasetyo"),
        "kadis": e2e_team["kadis"],
    }
    today = date.today()
    spp = sampai_sp2d(o, siapkan(o["pptk"], sub_kegiatan(tahun=today.year), tanggal=today))

    b = desks(o["bendahara"])
    b.goto("/sekretariat/keuangan/spj/", "register spj kosong")
    b.submit(b.page.get_by_role("link", name="Susun SPJ"), "form spj")
    b.page.select_option("#id_spp", str(spp.pk))
    b.page.fill("#id_nomor_spj", "0001/SPJ/2.06")
    b.page.fill("#id_kode_rekening", "5.1.02.01.01.0024")
    b.page.fill("#id_uraian", "Belanja ATK")
    b.page.fill("#id_nilai", "999000000")
    b.submit(b.page.get_by_role("button", name="Simpan SPJ"), "nilai melebihi pagu")
    assert "melebihi sisa pagu" in b.text()
    b.page.fill("#id_nilai", "2500000")
    b.submit(b.page.get_by_role("button", name="Simpan SPJ"), "spj disimpan")
    spj = SpjAdministratif.objects.get()

    salah = tmp_path / "kuitansi.pdf"
    salah.write_bytes(b"bukan pdf")
    b.page.select_option("#id_jenis", "kuitansi")
    b.page.fill("#id_keterangan", "Kuitansi toko")
    b.page.set_input_files("#id_berkas", str(salah))
    b.submit(b.page.get_by_role("button", name="Lampirkan bukti"), "bukti salah jenis")
    assert "harus berupa PDF, JPEG, atau PNG" in b.text()
    b.page.fill("#id_keterangan", "Kuitansi toko")
    b.page.set_input_files("#id_berkas", _pdf(tmp_path / "kuitansi-asli.pdf"))
    b.submit(b.page.get_by_role("button", name="Lampirkan bukti"), "bukti dilampirkan")
    assert "Kuitansi toko" in b.page.inner_text("#daftar-bukti")
    b.submit(b.page.get_by_role("button", name="Ajukan ke PPK"), "diajukan")

    k = desks(o["ppk"])
    k.goto("/kotak-masuk/", "kotak masuk ppk")
    k.page.click(f"a[href='{spj.get_absolute_url()}']")
    k.page.fill("#catatan-kembalikan", "Kuitansi belum bermaterai.")
    k.submit(k.page.get_by_role("button", name="Kembalikan untuk diperbaiki"), "dikembalikan")
    assert "Kuitansi belum bermaterai." in k.text()

    b.goto(spj.get_absolute_url(), "bendahara mengajukan lagi")
    b.submit(b.page.get_by_role("button", name="Ajukan ke PPK"), "diajukan lagi")
    k.goto(spj.get_absolute_url(), "ppk memverifikasi")
    k.submit(k.page.get_by_role("button", name="Verifikasi, teruskan ke PPTK"), "diverifikasi")

    p = desks(o["pptk"])
    p.goto(spj.get_absolute_url(), "pptk membuka spj")
    p.submit(p.page.get_by_role("button", name="Tandatangani SPJ"), "ditandatangani")
    spj.refresh_from_db()
    assert spj.status == StatusSpj.DITANDATANGANI
    assert "Ditandatangani PPTK, diarsip" in p.text()
    with p.page.expect_response(lambda r: r.url.endswith(".pdf") or "unduh" in r.url) as pdf:
        p.page.get_by_role("link", name="Cetak SPJ (PDF)").click()
    assert pdf.value.ok
    no_traceback(p)

    b.goto("/sekretariat/keuangan/spj-fungsional/", "spj fungsional")
    b.submit(b.page.get_by_role("button", name="Susun SPJ fungsional"), "spj fungsional bulan ini")
    assert "2.500.000" in b.page.inner_text("#tabel-spj-fungsional")  # this month's signed SPJ

    pegawai("Ani", tmt_cpns="200503")
    b.goto("/sekretariat/keuangan/gaji/", "daftar gaji")
    b.submit(b.page.get_by_role("button", name="Susun daftar gaji"), "daftar gaji bulan ini")
    assert "Ani" in b.page.inner_text("#tabel-gaji")
    b.page.fill("input[name^='pph21-']", "15000")
    b.submit(b.page.get_by_role("button", name="Simpan PPh 21"), "pph21 disimpan")
    assert "15.000" in b.page.inner_text("#tabel-gaji")
    b.goto("/sekretariat/keuangan/gaji/", "daftar gaji lagi")
    b.submit(b.page.get_by_role("button", name="Susun daftar gaji"), "bulan yang sama ditolak")
    assert "sudah ada" in b.text()
