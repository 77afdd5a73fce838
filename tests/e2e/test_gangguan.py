"""Gangguan in the browser: a counter officer reports a network fault that stops the KK service,
the banner appears on the kotak masuk, the ADB triages it and escalates it to the Ditjen helpdesk
with its ticket number, resolves it; the reporter confirms it and the banner is gone. The Kasi
opens the monthly monitoring page (table and chart)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dukcapil.choices import Role
from piak import gangguan_data
from piak.models import Gangguan, StatusGangguan
from sekretariat import naskah_data
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_report_triage_escalate_resolve_confirm(desks, e2e_team):
    naskah_data.load()
    gangguan_data.load()
    loket = desks(staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Lia"))
    adb = desks(staff(Role.ADB, bidang="piak", first_name="Fajar"))
    kasi = desks(staff(Role.KASI, bidang="piak", first_name="Rudi"))

    # the counter officer reports
    loket.goto("/piak/gangguan/", "daftar gangguan")
    loket.page.get_by_role("link", name="Laporkan gangguan").click()
    page = loket.page
    page.select_option("#id_kategori", "jaringan")
    page.fill("#id_lokasi", "Kantor Dinas, ruang pelayanan")
    page.fill("#id_loket", "Loket 2")
    page.fill("#id_mulai", (timezone.localtime() - timedelta(minutes=40)).strftime("%Y-%m-%dT%H:%M"))
    page.check("#id_terhenti")
    page.select_option("#id_layanan", label="Penerbitan Kartu Keluarga (KK)")
    page.fill("#id_uraian", "SIAK tidak tersambung ke server pusat, pencarian NIK time out.")
    loket.submit(page.get_by_role("button", name="Kirim laporan"), "laporan terkirim")
    no_traceback(loket)
    g = Gangguan.objects.get()
    assert g.nomor in loket.text() and "Lama gangguan" in loket.text()

    # the banner on the ADB's kotak masuk; the ticket waits there
    adb.goto("/kotak-masuk/", "kotak masuk adb")
    assert "Layanan terhenti: Penerbitan Kartu Keluarga (KK)" in adb.text()
    adb.page.get_by_role("link", name=g.nomor).click()
    adb.page.select_option("#aksi-triase #id_kategori", "siak")
    adb.page.select_option("#aksi-triase #id_prioritas", "tinggi")
    adb.submit(adb.page.get_by_role("button", name="Simpan triase"), "triase")
    adb.page.check("#aksi-tangani input[value=eskalasi]")
    adb.page.select_option("#aksi-tangani #id_helpdesk", "ditjen")
    adb.page.fill("#aksi-tangani #id_nomor_tiket", "HD-DJ-2026-118734")
    adb.submit(adb.page.get_by_role("button", name="Tugaskan"), "eskalasi ditjen")
    assert "tiket HD-DJ-2026-118734" in adb.text()
    adb.page.fill("#aksi-selesaikan #id_penyelesaian", "Koneksi VPN SIAK terpusat pulih (konfirmasi Helpdesk).")
    adb.submit(adb.page.get_by_role("button", name="Nyatakan selesai"), "selesai")
    no_traceback(adb)

    # the reporter confirms from their kotak masuk; the banner is gone
    loket.goto("/kotak-masuk/", "kotak masuk pelapor")
    assert "Layanan terhenti" not in loket.text()
    loket.page.get_by_role("link", name=g.nomor).click()
    loket.submit(loket.page.get_by_role("button", name="Konfirmasi: sudah normal"), "dikonfirmasi")
    g.refresh_from_db()
    assert g.status == StatusGangguan.DIKONFIRMASI
    assert "Dikonfirmasi pelapor" in loket.text()

    # the monthly page with its chart
    today = timezone.localdate()
    kasi.goto(f"/piak/gangguan/monitoring/?tahun={today.year}&bulan={today.month}", "monitoring bulan ini")
    no_traceback(kasi)
    assert "Gangguan per kategori" in kasi.text()
    assert kasi.page.locator("#monitoring-chart").is_visible()
