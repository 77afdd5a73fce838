"""The dashboard, the late list, the exports, the API and the monthly report, over HTTP."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from dukcapil.kinerja.cetakan import laporan_kinerja_pdf
from dukcapil.kinerja.models import LaporanKinerja

from .helpers import build_gangguan, build_month, open_items

pytestmark = pytest.mark.django_db

MARET = {"dari": "2026-03-01", "sampai": "2026-03-31"}


@pytest.fixture
def month(catalogue):
    return build_month()


def as_(client, user):
    client.force_login(user)
    return client


def test_dashboard_shows_the_figures_and_charts(client, month, django_assert_num_queries):
    c = as_(client, month["team"]["kabid"])
    # session, user, groups (grants), filter choices, content type, the per-layanan table, the
    # hand-off tables in one scan (+ layanan and officer names), returns, each of these three after
    # one query for the days read live instead of from the roll-ups, naskah/disposisi/gangguan/
    # pengaduan in one query, the late count, the menus: 17, however many berkas (one more once
    # roll-ups exist: the check for days changed since their roll-up)
    with django_assert_num_queries(17):
        response = c.get(reverse("kinerja:dashboard"), MARET)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="grafik-tahap"' in html
    assert "kinerja/kinerja.js" in html
    assert 'id="kinerja-data"' in html
    # the on-time share of the Kabid's bidang (KK only): 2 of 3
    assert "2 dari 3 (66,7%)" in html
    assert "Operator Dua" in html
    assert "Operator Capil" not in html
    assert "<script>" not in html  # CSP: only the JSON data block and files


def test_dashboard_empty_period_is_not_an_error(client, month):
    response = as_(client, month["team"]["kadis"]).get(
        reverse("kinerja:dashboard"), {"dari": "2025-01-01", "sampai": "2025-01-31"}
    )
    assert response.status_code == 200
    assert "Belum ada berkas pada periode ini." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"dari": "2026-03-31", "sampai": "2026-03-01"}, "Tanggal awal harus sebelum atau sama dengan tanggal akhir."),
        ({"dari": "2019-01-01", "sampai": "2026-03-01"}, "Periode paling panjang 5 tahun."),
        ({"layanan": "tidak-ada"}, "Layanan tidak dikenal atau di luar wewenang Anda."),
        ({"dari": "2026-13-45"}, "Tanggal awal tidak valid (format TTTT-BB-HH)."),
    ],
)
def test_bad_input_is_explained(client, month, query, message):
    c = as_(client, month["team"]["kadis"])
    page = c.get(reverse("kinerja:dashboard"), query)
    assert page.status_code == 400
    assert message in page.content.decode()
    api = c.get(reverse("kinerja:api"), query)
    assert api.status_code == 400
    assert message in str(api.json())


def test_kabid_cannot_pick_another_bidangs_layanan(client, month):
    response = as_(client, month["team"]["kabid"]).get(reverse("kinerja:api"), {"layanan": "akta-kelahiran"})
    assert response.status_code == 400
    assert response.json() == {"layanan": ["Layanan tidak dikenal atau di luar wewenang Anda."]}


def test_roles_without_the_grant_get_403(client, month):
    c = as_(client, month["team"]["op1"])
    assert c.get(reverse("kinerja:dashboard")).status_code == 403
    assert c.get(reverse("kinerja:api")).status_code == 403
    assert c.get(reverse("kinerja:terlambat")).status_code == 403
    assert c.get(reverse("kinerja:ekspor", args=["layanan", "csv"])).status_code == 403


def test_api_figures(client, month):
    build_gangguan()
    body = as_(client, month["team"]["kadis"]).get(reverse("kinerja:api"), MARET).json()
    kk = next(r for r in body["layanan"] if r["Masuk"] == 5)
    assert (kk["Selesai"], kk["% tepat waktu"], kk["Median (jam)"], kk["P90 (jam)"]) == (3, 66.7, 48.0, 105.6)
    assert body["lainnya"] == [
        {"Jenis": "Gangguan layanan (PIAK)", "Masuk": 3, "Selesai": 2, "Masih terbuka": 1,
         "Selesai dalam batas waktu": 1, "Bertenggat": 2, "% dalam batas waktu": 50.0,
         "Median (jam)": 27.0, "P90 (jam)": 43.8},
    ]  # fmt: skip
    # the Kabid pendaftaran does not see PIAK's gangguan
    assert as_(client, month["team"]["kabid"]).get(reverse("kinerja:api"), MARET).json()["lainnya"] == []


def test_late_list_for_the_kabid(client, month, django_assert_num_queries):
    open_items(month)
    c = as_(client, month["team"]["kabid"])
    with django_assert_num_queries(11):
        response = c.get(reverse("kinerja:terlambat"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 pekerjaan terlambat" in html
    assert "KK-UJI-4" in html
    assert "Kasi Pendaftaran" in html
    assert "AKL-UJI-LAMA" not in html
    assert "KK-UJI-BARU" not in html


def test_late_list_query_count_does_not_grow_with_rows(client, month, django_assert_num_queries):
    items = open_items(month)
    from dukcapil.models import Layanan, WorkItem

    from .helpers import _berkas

    w = items["W1"]
    kk = Layanan.objects.get(kode="kk")
    for i in range(20):
        b = _berkas(f"KK-LAMBAT-{i}", kk, month["team"]["loket1"], "diterima", w.sejak, w.tenggat)
        WorkItem.objects.create(content_type=w.content_type, object_id=b.pk,
                                bidang_id=w.bidang_id, aksi="entri" if i % 2 else "verifikasi", status="diterima",
                                sejak=w.sejak, standar_menit=1, tenggat=w.tenggat, pengguna=None if i % 3 else
                                month["team"]["op1"])  # fmt: skip
    c = as_(client, month["team"]["kabid"])
    with django_assert_num_queries(12):  # one more: the named holders
        response = c.get(reverse("kinerja:terlambat"))
    assert "21 pekerjaan terlambat" in response.content.decode()


def test_kadis_sees_counts_per_bidang_and_drills_down(client, month):
    open_items(month)
    c = as_(client, month["team"]["kadis"])
    html = c.get(reverse("kinerja:terlambat")).content.decode()
    assert "?bidang=pencatatan_sipil" in html
    assert "KK-UJI-4" not in html  # counts only, until the Kadis picks a bidang
    down = c.get(reverse("kinerja:terlambat"), {"bidang": "pencatatan_sipil"}).content.decode()
    assert "AKL-UJI-LAMA" in down
    assert "Operator Capil" in down
    assert "KK-UJI-4" not in down


def test_exports_csv_and_xlsx(client, month):
    c = as_(client, month["team"]["kabid"])
    response = c.get(reverse("kinerja:ekspor", args=["tahap", "csv"]), MARET)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Layanan", "Tahap", "Jumlah serah-terima"]
    entri = next(r for r in rows if r[1] == "Diterima, menunggu entri operator")
    assert entri[2:6] == ["4", "60.0", "75.0", "153.0"]
    response = c.get(reverse("kinerja:ekspor", args=["petugas", "xlsx"]), MARET)
    ws = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in ws.iter_rows(min_row=4)]
    assert ["Operator Dua", 2, 135.0, 171.0, 2, 100.0] in values


def test_late_list_export(client, month):
    open_items(month)
    response = as_(client, month["team"]["kabid"]).get(reverse("kinerja:ekspor", args=["terlambat", "csv"]))
    text = response.content.decode("utf-8-sig")
    assert "KK-UJI-4" in text
    assert "Kasi Pendaftaran" in text


def test_statistik_export_has_no_personal_data(client, month):
    response = as_(client, month["team"]["kadis"]).get(reverse("kinerja:ekspor", args=["statistik", "csv"]), MARET)
    text = response.content.decode("utf-8-sig")
    assert "2026-03" in text
    assert "2102014708850001" not in text
    assert "PEMOHON UJI" not in text


def test_monthly_report_pdf_and_naskah(client, month):
    t = month["team"]
    build_gangguan()
    filename, pdf = laporan_kinerja_pdf({"tahun": 2026, "bulan": 3}, t["kadis"])
    assert filename == "laporan-kinerja-2026-03.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Naskah, disposisi, gangguan dan pengaduan" in text
    assert "Gangguan layanan (PIAK)" in text
    response = as_(client, t["kasubag"]).post(reverse("kinerja:laporan-ajukan"), {"bulan": "2026-03"})
    assert response.status_code == 302
    laporan = LaporanKinerja.objects.get(tahun=2026, bulan=3)
    naskah = laporan.naskah
    assert naskah.jenis.kode == "laporan-kinerja"
    assert naskah.jenis.rute_paraf == ["sekretaris"]
    assert naskah.hal == "Laporan kinerja pelayanan bulan Maret 2026"
    assert "capaian 75,0%" in naskah.isi
    assert response["Location"] == naskah.get_absolute_url()
    again = client.post(reverse("kinerja:laporan-ajukan"), {"bulan": "2026-03"})
    assert again.status_code == 409


def test_only_the_kasubag_submits_the_report(client, month):
    response = as_(client, month["team"]["kadis"]).post(reverse("kinerja:laporan-ajukan"), {"bulan": "2026-03"})
    assert response.status_code == 403
    assert not LaporanKinerja.objects.exists()


def test_monthly_report_page(client, month):
    assert as_(client, month["team"]["op1"]).get(reverse("kinerja:laporan")).status_code == 403
    kasi = as_(client, month["team"]["kasi"]).get(reverse("kinerja:laporan"), {"bulan": "2026-03"})
    assert kasi.status_code == 200
    assert "Maret 2026" in kasi.content.decode()
    assert 'id="ajukan-laporan"' not in kasi.content.decode()  # the Kasubag submits it
    kasubag = as_(client, month["team"]["kasubag"]).get(reverse("kinerja:laporan"), {"bulan": "2026-03"})
    assert 'id="ajukan-laporan"' in kasubag.content.decode()
    future = client.get(reverse("kinerja:laporan"), {"bulan": "2099-01"})
    assert future.status_code == 400
    assert "Bulan tidak valid" in future.content.decode()
