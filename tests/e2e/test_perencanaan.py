"""The perencanaan dan pelaporan calendar in the browser: the Kasubag makes the year's calendar and names a
holder; the holder drafts, the Sekretaris returns it, then it goes through to the Kadis and the final PDF."""

import io
from datetime import date

import pytest
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from sekretariat.models import DokumenPerencanaan, StatusPerencanaan
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def _pdf(tmp_path):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Laporan bulanan (final)")
    canvas.save()
    path = tmp_path / "laporan.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def test_calendar_from_rules_to_final_file(desks, e2e_team, tmp_path):
    sek = "sekretariat"
    kasubag = staff(Role.KASUBAG, bidang=sek, first_name="Teguh")
    sekretaris = staff(Role.SEKRETARIS, bidang=sek, first_name="Ratna")
    holder = staff(Role.STAF, bidang=sek, first_name="Fikri")
    kadis = e2e_team["kadis"]
    tahun = date.today().year

    k = desks(kasubag)
    k.goto("/sekretariat/perencanaan/", "kalender kosong")
    k.submit(k.page.get_by_role("button", name=f"Buat kalender {tahun} dari aturan"), "kalender dibuat")
    assert "Laporan bulanan" in k.text()
    dok = DokumenPerencanaan.objects.get(tahun=tahun, jenis="bulanan", periode_ke=1)
    k.goto(dok.get_absolute_url(), "dokumen")
    k.page.select_option("#id_pemegang", str(holder.pk))
    k.submit(k.page.get_by_role("button", name="Tetapkan pemegang"), "pemegang ditetapkan")

    h = desks(holder)
    h.goto("/kotak-masuk/", "kotak masuk pemegang")
    h.page.click(f"a[href='{dok.get_absolute_url()}']")
    h.submit(h.page.get_by_role("button", name="Ajukan ke Kasubag"), "diajukan")
    k.goto(dok.get_absolute_url(), "kasubag memeriksa")
    k.submit(k.page.get_by_role("button", name="Periksa, teruskan ke Sekretaris"), "diteruskan")

    s = desks(sekretaris)
    s.goto(dok.get_absolute_url(), "sekretaris membuka")
    s.page.fill("#catatan-kembalikan", "Tambahkan rekap perekaman KTP-el.")
    s.submit(s.page.get_by_role("button", name="Kembalikan ke pemegang"), "dikembalikan")
    h.goto(dok.get_absolute_url(), "pemegang memperbaiki")
    assert "Tambahkan rekap perekaman KTP-el." in h.text()
    h.submit(h.page.get_by_role("button", name="Ajukan ke Kasubag"), "diajukan lagi")
    k.goto(dok.get_absolute_url(), "kasubag lagi")
    k.submit(k.page.get_by_role("button", name="Periksa, teruskan ke Sekretaris"), "diteruskan lagi")
    s.goto(dok.get_absolute_url(), "sekretaris memaraf")
    s.submit(s.page.get_by_role("button", name="Paraf, teruskan ke Kadis"), "diparaf")
    a = desks(kadis)
    a.goto(dok.get_absolute_url(), "kadis membuka")
    a.submit(a.page.get_by_role("button", name="Setujui"), "disetujui")

    h.goto(dok.get_absolute_url(), "pemegang mengunggah")
    h.page.set_input_files("#id_berkas", str(_pdf(tmp_path)))
    h.submit(h.page.get_by_role("button", name="Unggah berkas final"), "selesai")
    dok.refresh_from_db()
    assert dok.status == StatusPerencanaan.SELESAI
    assert "Unduh PDF" in h.text()
    no_traceback(h)
    h.goto(f"/sekretariat/perencanaan/?tahun={tahun}", "kalender")
    assert "Selesai (berkas final diunggah)" in h.text()
    # the year's last document (laporan tahunan, due next January) shows the time left, not «terlambat»
    row = h.page.locator("tr", has_text="Laporan tahunan")
    assert "lagi" in row.inner_text()
