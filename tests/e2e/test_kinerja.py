"""Kinerja layanan in the browser: the Kabid sees which step of which layanan ran late in March, who
holds the late berkas, and exports the list; the Kadis sees the late counts per bidang and goes
down into one; the Kasubag prints the monthly report and sends it up as a naskah for the Kadis."""

import io

import pytest
from pypdf import PdfReader

from dukcapil.kinerja.models import LaporanKinerja
from tests.kinerja.helpers import build_month, open_items

from .conftest import SHOTS, no_traceback

pytestmark = pytest.mark.e2e

MARET = "dari=2026-03-01&sampai=2026-03-31"


def test_dashboards_late_list_and_monthly_report(desks, e2e_team):
    month = build_month()
    open_items(month)
    t = month["team"]

    b = desks(t["kabid"])
    b.goto(f"/kinerja/?{MARET}", "dasbor kabid")
    for canvas in ("grafik-layanan", "grafik-tahap", "grafik-petugas", "grafik-pengembalian"):
        b.page.wait_for_function(f"document.getElementById('{canvas}') && Chart.getChart('{canvas}') !== undefined")
    b.shot("grafik")
    text = b.text()
    assert "2 dari 3 (66,7%)" in text
    assert "Operator Dua" in text
    # the step table: entry took a median 75 minutes against a standard of 60
    row = b.page.locator("#tabel-tahap tr", has_text="Diterima, menunggu entri operator")
    assert "75,0" in row.inner_text() and "60,0" in row.inner_text()  # noqa: PT018
    with b.page.expect_download() as download:
        b.page.click("#tabel-tahap a:text('XLSX')")
    assert download.value.suggested_filename == "kinerja-tahap-20260301-20260331.xlsx"

    b.page.click("#link-terlambat")
    b.shot("daftar terlambat")
    assert "1 pekerjaan terlambat" in b.text()
    assert "KK-UJI-4" in b.text() and "Kasi Pendaftaran" in b.text()  # noqa: PT018
    with b.page.expect_download() as download:
        b.page.click("#daftar-terlambat a:text('CSV')")
    assert download.value.suggested_filename.startswith("kinerja-terlambat-")

    b.goto("/kinerja/?dari=2026-03-31&sampai=2026-03-01", "rentang terbalik")
    assert "Tanggal awal harus sebelum atau sama dengan tanggal akhir." in b.text()

    k = desks(t["kadis"])
    k.goto("/kinerja/terlambat/", "kadis per bidang")
    assert "KK-UJI-4" not in k.text()
    k.page.click("#terlambat-per-bidang a:text('Pencatatan Sipil')")
    k.shot("kadis capil")
    assert "AKL-UJI-LAMA" in k.text() and "Operator Capil" in k.text()  # noqa: PT018
    k.goto(f"/kinerja/?{MARET}", "dasbor kadis")
    k.page.wait_for_function("Chart.getChart('grafik-tahap') !== undefined")
    k.shot("dasbor kadis grafik")

    s = desks(t["kasubag"])
    s.goto("/kinerja/laporan/?bulan=2026-03", "laporan bulanan")
    pdf = s.page.request.get(s.page.get_attribute("#cetak-laporan", "href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    (SHOTS / "laporan-kinerja.pdf").write_bytes(pdf.body())
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "LAPORAN KINERJA PELAYANAN MARET 2026" in text
    assert "Waktu per tahap SOP dibanding standar" in text
    s.submit(s.page.locator("#ajukan-laporan"), "naskah laporan")
    laporan = LaporanKinerja.objects.get(tahun=2026, bulan=3)
    assert s.page.url.endswith(laporan.naskah.get_absolute_url())
    assert "Laporan kinerja pelayanan bulan Maret 2026" in s.text()
    no_traceback(s)
