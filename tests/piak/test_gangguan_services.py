"""Gangguan: the ticket's paths (escalation, rekanan, reopen), permissions and states, the banner,
the monthly figures (downtime intervals merged, worked out by hand)."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Kantor, Layanan
from dukcapil.workflow.models import KartuKendali, WorkItem
from dukcapil.workflow.permissions import Aksi
from piak.models import Gangguan, Rekanan, StatusGangguan
from piak.selectors import gangguan as sel
from piak.services import gangguan as svc

from .gangguan_helpers import lapor, piak_gangguan, report_pdf  # noqa: F401 (the «piak» fixture of these tests)

pytestmark = pytest.mark.django_db
S = StatusGangguan


def _open_items(g):
    ct = ContentType.objects.get_for_model(g)
    return list(WorkItem.objects.filter(content_type=ct, object_id=g.pk, selesai_pada__isnull=True))


def _cards(g):
    ct = ContentType.objects.get_for_model(g)
    return list(KartuKendali.objects.filter(content_type=ct, object_id=g.pk).order_by("waktu", "pk"))


def test_a_kecamatan_operator_reports_and_it_waits_for_piak_with_the_sop_minutes(piak):
    g = lapor(piak["kecamatan"])

    assert g.status == S.DILAPORKAN and g.bidang.kode == "piak"
    [item] = _open_items(g)
    assert item.aksi == Aksi.GANGGUAN_TANGANI and item.pengguna_id is None
    # Lumajang «Monitoring Jaringan Komunikasi Data»: step 3 (Kasi records, reports) 3 jam,
    # step 4 (helpdesk repairs) 1 hari, step 5 (passed on to the user) 1 jam
    assert item.standar_menit == 180
    assert g.standar_waktu["ditangani"] == Kantor.objects.get(slug="lumajang").menit_kerja_per_hari
    assert g.standar_waktu["selesai"] == 60
    assert [c.transisi for c in _cards(g)] == ["lapor"]


def test_a_start_more_than_a_year_back_is_refused_on_its_field_and_nothing_is_saved(piak):
    with pytest.raises(BerkasInvalid) as refused:
        lapor(piak["kecamatan"], jam_lalu=367 * 24)
    assert refused.value.fields == {"mulai": ["Waktu mulai gangguan lebih dari setahun yang lalu; periksa tanggalnya."]}
    assert not Gangguan.objects.exists()
    assert lapor(piak["kecamatan"], jam_lalu=300 * 24).status == S.DILAPORKAN  # a long fault reported late


def test_escalation_to_the_ditjen_helpdesk_records_ticket_and_time_then_reporter_confirms(piak):
    g = lapor(piak["loket"], terhenti=True)
    svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="siak", prioritas="tinggi", loket="Loket 1-4")
    before = timezone.now()
    g = svc.gangguan_tugaskan(
        user=piak["adb"], pk=g.pk, penanganan="eskalasi", helpdesk="ditjen", nomor_tiket="HD-DJ-118734",
        expected_status=S.DITRIASE,
    )  # fmt: skip
    g.refresh_from_db()
    assert g.status == S.DITANGANI
    assert (g.helpdesk, g.nomor_tiket) == ("ditjen", "HD-DJ-118734")
    assert g.dieskalasi_pada >= before
    assert "tiket HD-DJ-118734" in _cards(g)[-1].catatan

    svc.gangguan_selesaikan(user=piak["adb"], pk=g.pk, penyelesaian="VPN pusat pulih.")
    [item] = _open_items(g)
    assert item.pengguna_id == piak["loket"].pk  # the reporter is asked to confirm
    svc.gangguan_konfirmasi(user=piak["loket"], pk=g.pk)

    g.refresh_from_db()
    assert g.status == S.DIKONFIRMASI and _open_items(g) == []
    assert [c.ke_status for c in _cards(g)] == ["dilaporkan", "ditriase", "ditangani", "selesai", "dikonfirmasi"]


def test_reopen_needs_a_reason_and_goes_back_to_ditangani_through_dibuka_kembali(piak):
    g = lapor(piak["loket"])
    svc.gangguan_triase(user=piak["kasi"], pk=g.pk, kategori="jaringan", prioritas="sedang")
    svc.gangguan_tugaskan(user=piak["kasi"], pk=g.pk, penanganan="internal", petugas=piak["adb"])
    svc.gangguan_selesaikan(user=piak["adb"], pk=g.pk, penyelesaian="Kabel LAN diganti.")

    with pytest.raises(BerkasInvalid):
        svc.gangguan_buka_kembali(user=piak["loket"], pk=g.pk, alasan="  ")
    g = svc.gangguan_buka_kembali(user=piak["loket"], pk=g.pk, alasan="Masih putus tiap sore.")

    g.refresh_from_db()
    assert (g.status, g.dibuka_kembali, g.selesai_pada) == (S.DIBUKA_KEMBALI, 1, None)
    assert g.terbuka
    [item] = _open_items(g)
    assert item.aksi == Aksi.GANGGUAN_TANGANI
    svc.gangguan_tugaskan(user=piak["adb"], pk=g.pk, penanganan="internal", petugas=piak["adb"])
    g.refresh_from_db()
    assert g.status == S.DITANGANI


def test_only_piak_handles_and_only_the_reporter_confirms(piak):
    g = lapor(piak["loket"])
    with pytest.raises(BerkasForbidden):
        svc.gangguan_triase(user=piak["kasi_dafduk"], pk=g.pk, kategori="siak", prioritas="tinggi")
    with pytest.raises(BerkasForbidden):
        svc.gangguan_triase(user=piak["loket"], pk=g.pk, kategori="siak", prioritas="tinggi")
    svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="siak", prioritas="tinggi")
    svc.gangguan_tugaskan(user=piak["adb"], pk=g.pk, penanganan="internal", petugas=piak["adb"])
    svc.gangguan_selesaikan(user=piak["adb"], pk=g.pk, penyelesaian="Beres.")
    with pytest.raises(BerkasForbidden):
        svc.gangguan_konfirmasi(user=piak["adb"], pk=g.pk)  # not the reporter
    assert Gangguan.objects.get(pk=g.pk).status == S.SELESAI


def test_a_state_that_does_not_allow_the_action_is_a_conflict_and_changes_nothing(piak):
    g = lapor(piak["loket"])
    with pytest.raises(BerkasConflict):
        svc.gangguan_selesaikan(user=piak["adb"], pk=g.pk, penyelesaian="Terlalu cepat.")
    with pytest.raises(BerkasConflict):  # the page showed «ditriase», someone acted first
        svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="siak", prioritas="tinggi", expected_status="ditriase")
    g.refresh_from_db()
    assert g.status == S.DILAPORKAN and len(_cards(g)) == 1


def test_escalation_without_ticket_number_is_refused_with_its_field(piak):
    g = lapor(piak["loket"])
    svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="siak", prioritas="tinggi")
    with pytest.raises(BerkasInvalid) as exc:
        svc.gangguan_tugaskan(user=piak["adb"], pk=g.pk, penanganan="eskalasi", helpdesk="ditjen", nomor_tiket="")
    assert "nomor_tiket" in exc.value.fields
    assert Gangguan.objects.get(pk=g.pk).status == S.DITRIASE


def test_rekanan_report_is_checked_by_content_and_keeps_cost_and_spj(piak):
    rekanan = Rekanan.objects.create(nama="CV Jaringan")
    g = lapor(piak["loket"], kategori="perekaman")
    svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="perekaman", prioritas="sedang")
    svc.gangguan_tugaskan(user=piak["adb"], pk=g.pk, penanganan="rekanan", rekanan=rekanan)
    fake = SimpleUploadedFile("laporan.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    with pytest.raises(BerkasInvalid):
        svc.gangguan_laporan_rekanan(user=piak["adb"], pk=g.pk, berkas=fake, biaya=Decimal(1))
    svc.gangguan_laporan_rekanan(
        user=piak["adb"], pk=g.pk, berkas=report_pdf(), biaya=Decimal(750000), spj_nomor="900/12/PIAK/2026",
        spj_tanggal=datetime(2026, 12, 1).date(),
    )  # fmt: skip
    g.refresh_from_db()
    assert g.laporan_rekanan.name and g.biaya == 750000 and g.spj_nomor == "900/12/PIAK/2026"


def test_banner_names_the_stopped_layanan_and_disappears_when_resolved(piak, django_assert_num_queries):
    assert sel.pemberitahuan_layanan_terhenti(piak["loket"]) is None
    lapor(piak["kecamatan"], terhenti=False)  # not stopping any layanan
    g = lapor(piak["kecamatan"], terhenti=True)
    with django_assert_num_queries(1):
        notice = sel.pemberitahuan_layanan_terhenti(piak["loket"])
    assert "Layanan terhenti" in notice.text
    assert Layanan.objects.get(kode="kk").nama in notice.text

    svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="jaringan", prioritas="tinggi")
    svc.gangguan_tugaskan(user=piak["adb"], pk=g.pk, penanganan="internal", petugas=piak["adb"])
    svc.gangguan_selesaikan(user=piak["adb"], pk=g.pk, penyelesaian="Pulih.")
    assert sel.pemberitahuan_layanan_terhenti(piak["loket"]) is None


def test_the_banner_query_is_the_partial_index(piak):
    from django.db import connection

    lapor(piak["kecamatan"], terhenti=True)
    qs = Gangguan.objects.filter(terhenti=True, status__in=[s for s in sel.TERBUKA]).order_by("mulai")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = qs.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "gangguan_terhenti_terbuka_idx" in plan


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone.get_current_timezone())


def _incident(piak, mulai, selesai, layanan="kk", **extra):
    g = lapor(piak["kecamatan"], terhenti=True, layanan=layanan)
    Gangguan.objects.filter(pk=g.pk).update(mulai=mulai, dilaporkan_pada=mulai, selesai_pada=selesai, **extra)
    return g


def test_downtime_merges_overlapping_intervals_per_layanan(piak):
    # kk: 08:00–10:00 and 09:00–11:30 overlap → 08:00–11:30 = 3 h 30; plus 14:00–14:45 = 45 min → 4 h 15
    _incident(piak, _at(3, 8), _at(3, 10), status="selesai")
    _incident(piak, _at(3, 9), _at(3, 11, 30), status="selesai")
    _incident(piak, _at(3, 14), _at(3, 14, 45), status="selesai")
    # ktp-el: from 31 October 22:00 to 1 November 02:00 → only 00:00–02:00 counts in November = 2 h
    _incident(piak, _at(1, 0) - timedelta(hours=2), _at(1, 2), layanan="ktp-el", status="selesai")
    # ktp-el still open since 30 November 23:00 → counts until the month's end = 1 h (now is later)
    _incident(piak, _at(30, 23), None, layanan="ktp-el")

    start, end = sel.batas_bulan(2026, 11)
    down = sel.downtime_bulan(start, end, now=end + timedelta(days=5))

    kk, ktp = Layanan.objects.get(kode="kk"), Layanan.objects.get(kode="ktp-el")
    assert down[kk.pk] == timedelta(hours=4, minutes=15)
    assert down[ktp.pk] == timedelta(hours=3)


def test_monthly_figures_count_per_kategori_median_max_and_open_at_month_end(piak):
    _incident(piak, _at(3, 8), _at(3, 9), status="selesai", kategori="jaringan")  # 1 h
    _incident(piak, _at(4, 8), _at(4, 11), status="selesai", kategori="jaringan")  # 3 h
    _incident(piak, _at(5, 8), _at(5, 18), status="selesai", kategori="printer")  # 10 h
    _incident(piak, _at(28, 8), None, kategori="listrik")  # still open at the end of November

    rekap = sel.rekap_bulan(2026, 11)

    counts = dict(rekap.per_kategori)
    assert (counts["Jaringan"], counts["Printer/cetak"], counts["Listrik"], counts["Lainnya"]) == (2, 1, 1, 0)
    assert rekap.median == timedelta(hours=3) and rekap.maksimum == timedelta(hours=10)
    assert (rekap.selesai, rekap.terbuka_akhir_bulan) == (3, 1)


def test_monthly_report_goes_to_the_naskah_chain_with_the_table_once_per_month(piak):
    _incident(piak, _at(3, 8), _at(3, 9), status="selesai")
    with pytest.raises(BerkasForbidden):
        svc.laporan_monitoring_ajukan(user=piak["adb"], tahun=2026, bulan=11)
    laporan = svc.laporan_monitoring_ajukan(user=piak["kasi"], tahun=2026, bulan=11)

    naskah = laporan.naskah
    assert naskah.jenis.kode == "laporan-monitoring-jaringan" and naskah.jenis.rute_paraf == ["kabid"]
    assert naskah.bidang.kode == "piak" and "November 2026" in naskah.hal
    assert "<th>Layanan terhenti</th>" in naskah.isi
    # the one incident: KK stopped 08:00–09:00, resolved in 1 hour
    assert f"<td>{Layanan.objects.get(kode='kk').nama}</td><td>1 jam</td>" in naskah.isi
    with pytest.raises(BerkasConflict):
        svc.laporan_monitoring_ajukan(user=piak["kasi"], tahun=2026, bulan=11)


def test_the_kasi_drafts_the_rekanan_repair_and_spj_as_a_naskah_through_kabid_and_sekretaris(piak):
    rekanan = Rekanan.objects.create(nama="PT Sarana Perangkat")
    g = lapor(piak["loket"], kategori="perekaman")
    svc.gangguan_triase(user=piak["adb"], pk=g.pk, kategori="perekaman", prioritas="sedang")
    svc.gangguan_tugaskan(user=piak["adb"], pk=g.pk, penanganan="rekanan", rekanan=rekanan)
    with pytest.raises(BerkasConflict):  # no report of the rekanan yet
        svc.gangguan_spj_ajukan(user=piak["kasi"], pk=g.pk)
    svc.gangguan_laporan_rekanan(user=piak["adb"], pk=g.pk, berkas=report_pdf(), biaya=Decimal(1250000))
    with pytest.raises(BerkasForbidden):  # the ADB repairs, the Kasi answers for the SPJ
        svc.gangguan_spj_ajukan(user=piak["adb"], pk=g.pk)

    g = svc.gangguan_spj_ajukan(user=piak["kasi"], pk=g.pk)

    naskah = g.spj_naskah
    assert naskah.jenis.rute_paraf == ["kabid", "sekretaris"] and naskah.status == "konsep"
    assert "PT Sarana Perangkat" in naskah.isi and "Rp1.250.000" in naskah.isi
    with pytest.raises(BerkasConflict):
        svc.gangguan_spj_ajukan(user=piak["kasi"], pk=g.pk)
