"""BMD in the browser: the pengurus barang opens a room's KIR, moves a barang to another room (both
KIRs follow, the barang's page shows the move), then prints QR labels of a ticked barang."""

import io
from decimal import Decimal
from unittest.mock import MagicMock, patch
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.cetakan.services import cetakan_buat
from dukcapil.choices import Role
from sekretariat.services import bmd as svc
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def _barang(user, ruangan, nama, kode, reg):
    data = dict(kode_barang=kode, nomor_register=reg, nama=nama, merk_type="", bahan="Logam", tahun_perolehan=2021,
                jumlah=1, kondisi="B", harga_perolehan=Decimal("2600000"), keterangan="")  # fmt: skip
    return svc.barang_tambah(user=user, ruangan_id=ruangan.pk, data=data)


def test_open_a_kir_move_a_barang_and_print_its_label(desks, e2e_team):
    pengurus = staff(Role.STAF, bidang="sekretariat", first_name="Fikri", nip="199001012015031001")
    umum = svc.ruangan_tambah(user=pengurus, kode="R-02", nama="Ruang Umum", penanggung_jawab=None)
    loket = svc.ruangan_tambah(user=pengurus, kode="R-03", nama="Ruang Pelayanan", penanggung_jawab=None)
    printer = _barang(pengurus, umum, "Printer Epson L3210", "1.3.2.10.02.03.003", "000002")
    _barang(pengurus, umum, "Komputer PC", "1.3.2.10.01.02.001", "000005")
    desk = desks(pengurus)

    desk.goto("/sekretariat/bmd/", "daftar ruangan")
    desk.submit(desk.page.get_by_role("link", name="Ruang Umum"), "kir ruang umum")
    assert "KIR Ruang Umum" in desk.text() and "Printer Epson L3210" in desk.text()
    desk.submit(desk.page.get_by_role("link", name="Printer Epson L3210"), "halaman printer")
    desk.page.select_option("#id_ke", str(loket.pk))
    desk.page.fill("#id_alasan", "Printer loket pelayanan rusak")
    desk.submit(desk.page.locator("#mutasi-simpan"), "printer dipindah")
    no_traceback(desk)
    assert "Ruang Pelayanan" in desk.page.inner_text("#barang-ruangan")
    assert "Printer loket pelayanan rusak" in desk.page.inner_text("#mutasi-list")

    desk.goto(f"/sekretariat/bmd/ruangan/{umum.pk}/", "kir ruang umum sesudah mutasi")
    assert "Printer Epson L3210" not in desk.text() and "Komputer PC" in desk.text()
    desk.goto(f"/sekretariat/bmd/ruangan/{loket.pk}/", "kir ruang pelayanan")
    assert "Printer Epson L3210" in desk.text()

    desk.page.get_by_label("Pilih Printer Epson L3210 000002").check()
    with patch("dukcapil.tasks.buat_cetakan", MagicMock()):
        desk.submit(desk.page.locator("#label-terpilih"), "label diminta")
    cetakan = Cetakan.objects.get()
    assert "Dokumen sedang disiapkan" in desk.text()
    assert cetakan_buat(cetakan_id=cetakan.pk) is True
    desk.page.get_by_role("heading", name="Dokumen siap", exact=True).wait_for(timeout=10_000)
    desk.shot("label siap")
    pdf = desk.page.request.get(desk.page.get_by_role("link", name="Unduh label-bmd.pdf").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    page = PdfReader(io.BytesIO(pdf.body())).pages[0]
    assert "Printer Epson L3210" in page.extract_text()
    uri = page["/Annots"][0].get_object()["/A"]["/URI"]
    printer.refresh_from_db()
    assert uri.endswith(f"/sekretariat/bmd/b/{printer.token}/")
    desk.goto(urlsplit(uri).path, "halaman qr label")
    assert "Printer Epson L3210" in desk.text()
    no_traceback(desk)


def test_an_usulan_pemeliharaan_is_returned_by_the_kasubag_and_the_other_screens_open(desks, e2e_team):
    from sekretariat import bmd_data, naskah_data

    naskah_data.load()
    bmd_data.load()
    pengurus = staff(Role.STAF, bidang="sekretariat", first_name="Fikri", nip="199001012015031001")
    kasubag = staff(Role.KASUBAG, bidang="sekretariat", first_name="Teguh", nip="198001012005011001")
    umum = svc.ruangan_tambah(user=pengurus, kode="R-02", nama="Ruang Umum", penanggung_jawab=kasubag)
    ac = _barang(pengurus, umum, "AC split 1 PK", "1.3.2.05.02.04.004", "000002")
    svc.barang_ubah(user=pengurus, pk=ac.pk, data={**{f: getattr(ac, f) for f in svc.BARANG_FIELDS}, "kondisi": "RR"})
    desk = desks(pengurus)

    desk.goto(f"/sekretariat/bmd/ruangan/{umum.pk}/impor/", "halaman impor")
    assert "kode_barang, nomor_register" in desk.text()
    desk.goto(f"/sekretariat/bmd/barang/{ac.pk}/ubah/", "ubah barang")
    desk.page.fill("#id_keterangan", "Tidak dingin")
    desk.submit(desk.page.get_by_role("button", name="Simpan"), "barang diubah")
    assert "keterangan: - → Tidak dingin" in desk.text()

    desk.goto("/sekretariat/bmd/usulan/", "daftar usulan")
    desk.page.select_option("#id_jenis", "pemeliharaan")
    desk.page.get_by_label("AC split 1 PK", exact=False).check()
    desk.page.fill("#id_alasan", "AC tidak dingin; isi freon dan servis")
    desk.submit(desk.page.locator("#usulan-buat"), "usulan dibuat")
    desk.submit(desk.page.get_by_role("button", name="Ajukan ke Kasubag Umum"), "usulan diajukan")
    assert "Diperiksa Kasubag Umum" in desk.text()

    boss = desks(kasubag)
    boss.goto(desk.page.url, "usulan di kasubag")
    boss.page.fill("#catatan-kembalikan", "Lampirkan foto unit AC")
    boss.submit(boss.page.get_by_role("button", name="Kembalikan ke pengusul"), "usulan dikembalikan")
    no_traceback(boss)
    assert "Konsep (pengusul)" in boss.text() and "Lampirkan foto unit AC" in boss.text()
