"""Gangguan screens: report form, actions (400/403/404/409), the banner on the kotak masuk and the
intake page, the list's pinned query count, the monitoring page and its XLSX."""

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from piak.models import Gangguan, StatusGangguan

from .gangguan_helpers import lapor, piak_gangguan  # noqa: F401 (the «piak» fixture of these tests)

pytestmark = pytest.mark.django_db
S = StatusGangguan


def _mulai(hours: int = 1) -> str:
    return (timezone.localtime() - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def test_any_officer_reports_and_lands_on_the_ticket_with_its_clock(client, piak):
    client.force_login(piak["loket"])
    response = client.post(
        reverse("piak:gangguan-lapor"),
        {"kategori": "jaringan", "lokasi": "Kantor Dinas", "loket": "Loket 3", "mulai": _mulai(3),
         "terhenti": "on", "layanan": "", "uraian": "Jaringan putus."},
    )  # fmt: skip
    g = Gangguan.objects.get()
    assert response.status_code == 302 and response["Location"] == g.get_absolute_url()
    page = client.get(g.get_absolute_url()).content.decode()
    assert "Lama gangguan" in page and "3 jam" in page
    assert "semua layanan" in page  # terhenti without a layanan: every layanan
    assert "standar SOP 3 jam" in page


def test_report_form_errors_are_400_in_indonesian_and_save_nothing(client, piak):
    client.force_login(piak["loket"])
    future = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("piak:gangguan-lapor"),
        {"kategori": "jaringan", "lokasi": "Kantor", "mulai": future, "uraian": "Putus."},
    )
    assert response.status_code == 400
    assert "tidak boleh di masa depan" in response.content.decode()
    assert not Gangguan.objects.exists()


def test_triage_by_an_outsider_is_403_and_acting_on_a_closed_step_is_409(client, piak):
    g = lapor(piak["loket"])
    client.force_login(piak["loket"])  # the reporter sees the ticket, may not triage it
    data = {"expected_status": "dilaporkan", "kategori": "siak", "prioritas": "tinggi", "loket": "", "catatan": ""}
    assert client.post(reverse("piak:gangguan-aksi", args=[g.pk, "triase"]), data).status_code == 403
    client.force_login(piak["kasi_dafduk"])  # another officer's ticket: not even its existence
    assert client.post(reverse("piak:gangguan-aksi", args=[g.pk, "triase"]), data).status_code == 404

    client.force_login(piak["adb"])
    assert client.post(reverse("piak:gangguan-aksi", args=[g.pk, "triase"]), data).status_code == 302
    again = client.post(reverse("piak:gangguan-aksi", args=[g.pk, "triase"]), data)
    assert again.status_code == 409
    assert "baru saja diproses" in again.content.decode()
    assert Gangguan.objects.get(pk=g.pk).status == S.DITRIASE


def test_banner_on_kotak_masuk_and_intake_while_a_layanan_is_stopped(client, piak):
    client.force_login(piak["loket"])
    assert "Layanan terhenti" not in client.get(reverse("kotak-masuk")).content.decode()
    g = lapor(piak["kecamatan"], terhenti=True)
    inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert "Layanan terhenti" in inbox and "Penerbitan Kartu Keluarga" in inbox
    assert "Layanan terhenti" in client.get(reverse("intake-pilih")).content.decode()
    assert "Layanan terhenti" in client.get(reverse("intake", args=["kk"])).content.decode()

    client.force_login(piak["adb"])
    post = lambda aksi, **d: client.post(reverse("piak:gangguan-aksi", args=[g.pk, aksi]), d)  # noqa: E731
    post("triase", kategori="jaringan", prioritas="tinggi", loket="", catatan="")
    post("tangani", penanganan="eskalasi", helpdesk="adb_provinsi", nomor_tiket="PROV-77", catatan="")
    post("selesaikan", penyelesaian="Jaringan provinsi pulih.")
    assert Gangguan.objects.get(pk=g.pk).status == S.SELESAI
    client.force_login(piak["loket"])
    assert "Layanan terhenti" not in client.get(reverse("kotak-masuk")).content.decode()


@pytest.mark.parametrize("n", [1, 6])
def test_the_list_reads_a_fixed_number_of_queries(client, piak, django_assert_num_queries, n):
    for i in range(n):
        lapor(piak["kecamatan"], terhenti=bool(i % 2), lokasi=f"Kecamatan {i}")
    client.force_login(piak["adb"])
    client.get(reverse("piak:gangguan-list"))
    # session, user, groups, count, rows (with pelapor, layanan, rekanan), unread badge, bidang
    with django_assert_num_queries(7):
        page = client.get(reverse("piak:gangguan-list")).content.decode()
    assert page.count("/piak/gangguan/") >= n


def test_a_reporter_sees_only_their_own_reports(client, piak):
    mine = lapor(piak["loket"], lokasi="Loket kantor")
    other = lapor(piak["kecamatan"], lokasi="Kecamatan Gunung Kijang")
    client.force_login(piak["loket"])
    page = client.get(reverse("piak:gangguan-list")).content.decode()
    assert mine.nomor in page and other.nomor not in page
    assert client.get(other.get_absolute_url()).status_code == 404


def test_monitoring_page_chart_data_and_xlsx(client, piak):
    today = timezone.localdate()
    lapor(piak["kecamatan"], kategori="printer")
    client.force_login(piak["kabid"])
    page = client.get(reverse("piak:gangguan-monitoring"), {"tahun": today.year, "bulan": today.month})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="monitoring-data"' in html and "piak/monitoring.js" in html
    assert re.search(r"<td>Printer/cetak</td><td class=\"num\">1</td>", html)
    xlsx = client.get(reverse("piak:gangguan-monitoring-xlsx"), {"tahun": today.year, "bulan": today.month})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert ("Gangguan per kategori", "Printer/cetak", 1) in values
    client.force_login(piak["loket"])
    assert client.get(reverse("piak:gangguan-monitoring")).status_code == 403


def test_the_kasi_sends_the_month_to_the_naskah_chain_and_the_page_links_it(client, piak):
    client.force_login(piak["kasi"])
    response = client.post(reverse("piak:gangguan-monitoring-ajukan"), {"tahun": 2026, "bulan": 11})
    assert response.status_code == 302
    page = client.get(reverse("piak:gangguan-monitoring"), {"tahun": 2026, "bulan": 11}).content.decode()
    assert "Laporan berkala monitoring jaringan bulan November 2026" in page
    again = client.post(reverse("piak:gangguan-monitoring-ajukan"), {"tahun": 2026, "bulan": 11})
    assert again.status_code == 409
    client.force_login(piak["adb"])
    assert client.post(reverse("piak:gangguan-monitoring-ajukan"), {"tahun": 2026, "bulan": 10}).status_code == 403


def test_hostile_input_on_the_report_and_the_assignment_forms(client, piak):
    from tests.test_form_fuzz import fuzz

    client.force_login(piak["loket"])
    valid = {"kategori": "jaringan", "lokasi": "Kantor Dinas", "loket": "Loket 1", "mulai": _mulai(1),
             "terhenti": "on", "layanan": "", "uraian": "Jaringan putus."}  # fmt: skip
    assert fuzz(client, reverse("piak:gangguan-lapor"), valid, list(valid), Gangguan.objects.count)

    g = lapor(piak["loket"])
    client.force_login(piak["adb"])
    client.post(reverse("piak:gangguan-aksi", args=[g.pk, "triase"]), {"kategori": "siak", "prioritas": "tinggi"})
    valid = {"expected_status": "ditriase", "penanganan": "eskalasi", "helpdesk": "ditjen", "nomor_tiket": "HD-1",
             "catatan": "Eskalasi."}  # fmt: skip

    def snapshot():
        g.refresh_from_db()
        return (g.status, g.nomor_tiket)

    url = reverse("piak:gangguan-aksi", args=[g.pk, "tangani"])
    assert fuzz(client, url, valid | {"catatan": "x"}, ["penanganan", "helpdesk", "nomor_tiket", "catatan"], snapshot)
