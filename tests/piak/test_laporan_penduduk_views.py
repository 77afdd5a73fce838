"""The pages of the laporan perkembangan kependudukan: the list (pinned queries), opening a report,
its page with tables and chart data, the PDF through dukcapil.cetakan, the XLSX, and the refusals."""

import io
import json
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from piak.models import LaporanPerkembangan
from piak.services import laporan_penduduk as svc

from .laporan_penduduk_helpers import keluarga, orang, piak_team, register_uji

pytestmark = pytest.mark.django_db


@pytest.fixture
def tim(catalogue, kadis_p12):
    people = piak_team(kadis_p12)
    people["warga"] = register_uji(people["kasi"])
    return people


def test_the_kasi_opens_a_semester_report_and_sees_its_tables_and_charts(client, tim):
    client.force_login(tim["kasi"])
    page = client.get(reverse("piak:laporan-penduduk"))
    assert page.status_code == 200 and "Susun laporan baru" in page.content.decode()
    response = client.post(reverse("piak:laporan-penduduk-buat"), {"jenis": "semester", "tahun": 2026, "periode_ke": 2})
    laporan = LaporanPerkembangan.objects.get()
    assert response.status_code == 302 and response["Location"] == laporan.get_absolute_url()

    html = client.get(laporan.get_absolute_url()).content.decode()
    assert "Penduduk per kecamatan" in html and "BINTAN TIMUR" in html and "GUNUNG KIJANG" in html
    assert 'id="laporan-penduduk-data"' in html and "piak/laporan_penduduk.js" in html
    start = html.index(">", html.index('id="laporan-penduduk-data"')) + 1
    grafik = json.loads(html[start : html.index("</script>", start)])
    assert grafik["wilayah"] == {"labels": ["BINTAN TIMUR", "GUNUNG KIJANG"], "total": [5, 2]}
    assert grafik["umur"]["L"][0] == 2 and grafik["umur"]["P"][1] == 1
    for person in tim["warga"].values():
        assert person.nik not in html and person.nama not in html

    response = client.post(
        reverse("piak:laporan-penduduk-aksi", args=[laporan.pk, "ajukan"]), {"expected_status": "draf"}
    )
    assert response.status_code == 400 and "Tulis analisis" in response.content.decode()
    client.post(
        reverse("piak:laporan-penduduk-aksi", args=[laporan.pk, "analisis"]),
        {"expected_status": "draf", "analisis": "Kelahiran satu, kematian satu."},
    )
    response = client.post(
        reverse("piak:laporan-penduduk-aksi", args=[laporan.pk, "ajukan"]), {"expected_status": "draf"}
    )
    assert response.status_code == 302
    laporan.refresh_from_db()
    assert laporan.status == "kabid" and laporan.analisis == "Kelahiran satu, kematian satu."


def test_bad_input_is_400_a_second_report_409_and_another_bidang_403(client, tim):
    client.force_login(tim["kasi"])
    bad = client.post(reverse("piak:laporan-penduduk-buat"), {"jenis": "semester", "tahun": 2026, "periode_ke": ""})
    assert bad.status_code == 400 and "harus diisi" in bad.content.decode()
    three = client.post(reverse("piak:laporan-penduduk-buat"), {"jenis": "semester", "tahun": 2026, "periode_ke": 3})
    assert three.status_code == 400 and "Pilih semester I atau II." in three.content.decode()
    client.post(reverse("piak:laporan-penduduk-buat"), {"jenis": "semester", "tahun": 2026, "periode_ke": 2})
    again = client.post(reverse("piak:laporan-penduduk-buat"), {"jenis": "semester", "tahun": 2026, "periode_ke": 2})
    assert again.status_code == 409 and "sudah ada" in again.content.decode()
    laporan = LaporanPerkembangan.objects.get()
    client.force_login(tim["kabid"])
    early = client.post(reverse("piak:laporan-penduduk-aksi", args=[laporan.pk, "koreksi"]), {"expected_status": ""})
    assert early.status_code == 409
    client.force_login(tim["kasi_daftar"])
    assert client.get(reverse("piak:laporan-penduduk")).status_code == 403
    assert client.get(laporan.get_absolute_url()).status_code == 404
    forged = client.post(
        reverse("piak:laporan-penduduk-aksi", args=[laporan.pk, "hitung"]), {"expected_status": "draf"}
    )
    assert forged.status_code == 404
    assert LaporanPerkembangan.objects.count() == 1


def test_pdf_through_cetakan_and_xlsx_with_one_sheet_per_table(client, tim, cetak_pdf):
    laporan = svc.laporan_buat(user=tim["kasi"], jenis="bulanan_dp3ak", tahun=2026, periode_ke=12)
    client.force_login(tim["kabid"])
    response = cetak_pdf(client, reverse("piak:laporan-penduduk-pdf", args=[laporan.pk]))
    assert response.pdf.startswith(b"%PDF")
    xlsx = client.get(reverse("piak:laporan-penduduk-xlsx", args=[laporan.pk]))
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"].endswith('.xlsx"')
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert "Anak (0–17 tahun) menurut kelom" in wb.sheetnames and "Kepemilikan dokumen" in wb.sheetnames
    sheet = wb["Kepemilikan dokumen"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["Anak 0–17 tahun memiliki KIA"][:3] == (0, 1, 1)
    assert client.get(reverse("piak:laporan-penduduk-ttd", args=[laporan.pk])).status_code == 404


def test_the_list_takes_the_same_queries_for_1_and_6_reports(client, tim, django_assert_num_queries):
    client.force_login(tim["kabid"])
    svc.laporan_buat(user=tim["kasi"], jenis="semester", tahun=2026, periode_ke=1)
    client.get(reverse("piak:laporan-penduduk"))  # warm the session and caches
    with django_assert_num_queries(7):
        assert client.get(reverse("piak:laporan-penduduk")).status_code == 200
    for bulan in range(7, 12):
        svc.laporan_buat(user=tim["kasi"], jenis="bulanan_dp3ak", tahun=2026, periode_ke=bulan)
    with django_assert_num_queries(7):
        html = client.get(reverse("piak:laporan-penduduk")).content.decode()
    assert html.count("Laporan DP3AK") == 5


def test_the_report_page_takes_the_same_queries_whatever_the_register(client, tim, django_assert_num_queries):
    laporan = svc.laporan_buat(user=tim["kasi"], jenis="semester", tahun=2026, periode_ke=2)
    client.force_login(tim["kabid"])
    client.get(laporan.get_absolute_url())  # warm the session and caches
    with django_assert_num_queries(8) as before:
        assert client.get(laporan.get_absolute_url()).status_code == 200
    # the page reads the stored snapshot, never the register: more persons, same queries
    kk = keluarga("TELUK BINTAN", "PENGUJAN")
    for i in range(20):
        orang(kk, f"WARGA {i}", "P", date(2000, 1, 1 + i))
    svc.laporan_hitung_ulang(user=tim["kasi"], pk=laporan.pk)
    with django_assert_num_queries(len(before.captured_queries)):
        html = client.get(laporan.get_absolute_url()).content.decode()
    assert "TELUK BINTAN" in html
