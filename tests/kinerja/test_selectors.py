"""Every figure of the dashboards against the value worked out by hand from ``helpers.build_month``.

March 2026, KK (pendaftaran), registered 2 March 08:00 WIB, tenggat 5 March:
B1 finished 3 March 08:00 (24 h), B2 4 March (48 h), B3 7 March (120 h, late), B4 in verification,
B5 cancelled. On time 2 of 3 = 66.7 %; median 48 h; p90 = 48 + 0.8 × (120 − 48) = 105.6 h.
Entry (standard 60 min): 30, 60, 90, 180 → median 75, p90 = 90 + 0.7 × 90 = 153, over 2 of 4.
Verification (standard 30): 10, 20, 50 → median 20, p90 = 20 + 0.8 × 30 = 44, over 1 of 3.
Akta kelahiran (capil) C1: finished after 24 h, on time.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from dukcapil.choices import Role
from dukcapil.kinerja import selectors as sel
from dukcapil.kinerja.models import RekapBerkas, RekapHari, RekapKartu
from dukcapil.kinerja.services import rekap_hitung
from dukcapil.models import Bidang
from tests.factories import staff

from .helpers import build_gangguan, build_month, open_items

pytestmark = pytest.mark.django_db

MARET = (date(2026, 3, 1), date(2026, 3, 31))


def rekap_maret() -> None:
    rekap_hitung(hari=[date(2026, 3, 1) + timedelta(days=i) for i in range(31)])


@pytest.fixture(params=["live", "rekap"])
def month(request, catalogue):
    """The hand-built month, read live from the base tables or from the daily roll-ups."""
    data = build_month()
    if request.param == "rekap":
        rekap_maret()
    return data


def periode(user, **kw) -> sel.Periode:
    return sel.Periode(*MARET, bidang_ids=sel.bidang_scope(user), **kw)


def by(rows, key, value):
    found = [r for r in rows if r[key] == value]
    assert len(found) == 1, f"{key}={value}: {found}"
    return found[0]


def test_ringkasan_per_layanan_for_the_kadis(month):
    rows = sel.ringkasan_layanan(periode(month["team"]["kadis"]))
    kk = by(rows, "kode", "kk")
    assert (kk["masuk"], kk["selesai"], kk["batal"], kk["proses"]) == (5, 3, 1, 1)
    assert (kk["tepat"], kk["bertenggat"], kk["persen_tepat"]) == (2, 3, 66.7)
    assert kk["median_jam"] == 48.0
    assert kk["p90_jam"] == 105.6
    akta = by(rows, "kode", "akta-kelahiran")
    assert (akta["masuk"], akta["selesai"], akta["tepat"], akta["median_jam"]) == (1, 1, 1, 24.0)
    total = sel.total(rows)
    assert (total["masuk"], total["selesai"], total["tepat"], total["bertenggat"]) == (6, 4, 3, 4)
    assert total["persen_tepat"] == 75.0


def test_per_tahap_actual_against_standard(month):
    rows = sel.per_tahap(periode(month["team"]["kadis"]))
    kk = [r for r in rows if r["layanan"] == "Kartu Keluarga" or r["layanan_id"] == month["berkas"]["B1"].layanan_id]
    entri = by(kk, "tahap", "diterima")
    assert (entri["jumlah"], entri["standar_menit"], entri["median_menit"], entri["p90_menit"]) == (
        4,
        60.0,
        75.0,
        153.0,
    )
    assert (entri["lewat"], entri["persen_lewat"], entri["rasio"]) == (2, 50.0, 1.25)
    verif = by(kk, "tahap", "verifikasi")
    assert (verif["jumlah"], verif["standar_menit"], verif["median_menit"], verif["p90_menit"]) == (3, 30.0, 20.0, 44.0)
    assert (verif["lewat"], verif["persen_lewat"]) == (1, 33.3)
    loket = by(kk, "tahap", "baru")
    assert (loket["jumlah"], loket["median_menit"], loket["lewat"]) == (5, 10.0, 0)
    # the slowest step against its standard comes first within the layanan
    assert kk[0]["tahap"] == "diterima"


def test_per_petugas(month):
    rows = sel.per_petugas(periode(month["team"]["kadis"]))
    op1, op2 = by(rows, "petugas", "Operator Satu"), by(rows, "petugas", "Operator Dua")
    assert (op1["jumlah"], op1["median_menit"], op1["p90_menit"], op1["lewat"]) == (2, 45.0, 57.0, 0)
    assert (op2["jumlah"], op2["median_menit"], op2["p90_menit"], op2["lewat"], op2["persen_lewat"]) == (
        2, 135.0, 171.0, 2, 100.0,
    )  # fmt: skip
    kasi = by(rows, "petugas", "Kasi Pendaftaran")
    assert (kasi["jumlah"], kasi["median_menit"], kasi["p90_menit"], kasi["lewat"]) == (3, 20.0, 44.0, 1)
    assert by(rows, "petugas", "Sistem")["jumlah"] == 4  # documents finished (3 KK, 1 akta)


def test_per_loket(month):
    rows = sel.per_loket(periode(month["team"]["kadis"]))
    satu, dua = by(rows, "petugas", "Loket Satu"), by(rows, "petugas", "Loket Dua")
    assert (satu["jumlah"], satu["diterima"], satu["dikembalikan"], satu["median_menit"]) == (4, 4, 0, 10.0)
    assert (dua["jumlah"], dua["diterima"], dua["dikembalikan"], dua["median_menit"], dua["p90_menit"]) == (
        2, 0, 1, 12.5, 18.5,
    )  # fmt: skip


def test_pengembalian_by_reason(month):
    rows = sel.pengembalian(periode(month["team"]["kadis"]))
    got = {(r["jenis"], r["alasan_label"]): r["jumlah"] for r in rows}
    assert got == {
        ("pemohon", "Surat pengantar RT/RW"): 1,
        ("pemohon", "Fotokopi KK"): 1,
        ("batal", "Persyaratan tidak dapat dipenuhi"): 1,
    }


def test_scope_kabid_sees_own_bidang_only(month):
    t = month["team"]
    p = periode(t["kabid"])
    assert p.bidang_ids == (Bidang.objects.get(kode="pendaftaran").pk,)
    assert [r["kode"] for r in sel.ringkasan_layanan(p)] == ["kk"]
    names = {r["petugas"] for r in sel.per_petugas(p)}
    assert "Operator Capil" not in names and "Operator Satu" in names  # noqa: PT018
    capil = periode(t["kasi_capil"])
    assert [r["kode"] for r in sel.ringkasan_layanan(capil)] == ["akta-kelahiran"]


def test_scope_refused_without_the_grant(month):
    with pytest.raises(PermissionDenied):
        sel.bidang_scope(month["team"]["loket1"])
    with pytest.raises(PermissionDenied):
        sel.bidang_scope(month["team"]["op1"])
    assert sel.bidang_scope(month["team"]["kasubag"]) is None


def test_empty_period_gives_empty_tables(month):
    p = sel.Periode(date(2025, 1, 1), date(2025, 1, 31))
    assert sel.ringkasan_layanan(p) == []
    assert sel.per_tahap(p) == []
    assert sel.total([])["persen_tepat"] is None


def test_terlambat_oldest_first_with_holder(month):
    items = open_items(month)
    t = month["team"]
    rows = sel.terlambat(periode(t["kabid"]))
    assert [r["id"] for r in rows] == [items["W1"].pk]
    w1 = rows[0]
    assert w1["nomor_registrasi"] == "KK-UJI-4"
    assert (w1["lewat_tahap"], w1["lewat_tenggat"]) == (True, True)
    assert w1["pemegang"] == "Kasi Pendaftaran"
    semua = sel.terlambat(periode(t["kadis"]))
    assert [r["id"] for r in semua] == [items["W3"].pk, items["W1"].pk]  # the akta waits longest
    assert semua[0]["pemegang"] == "Operator Capil"
    per_bidang = {r["bidang"].kode: r["jumlah"] for r in sel.terlambat_per_bidang(periode(t["kadis"]))}
    assert per_bidang == {"pendaftaran": 1, "pencatatan_sipil": 1}
    assert sel.terlambat_jumlah(periode(t["kasi_capil"])) == 1


def test_statistik_has_no_personal_data(month):
    rows = sel.statistik(periode(month["team"]["kadis"]))
    kk = [r for r in rows if r["layanan"].startswith("Kartu Keluarga") or r["masuk"] == 5]
    assert len(kk) == 1
    assert (kk[0]["bulan"], kk[0]["kecamatan"], kk[0]["masuk"], kk[0]["selesai"], kk[0]["batal"]) == (
        "2026-03", "(tidak diketahui)", 5, 3, 1,
    )  # fmt: skip
    assert set(rows[0]) == {"layanan", "kecamatan", "bulan", "masuk", "selesai", "batal"}


def test_sekretaris_sees_every_bidang(month):
    sekretaris = staff(Role.SEKRETARIS, "sekretariat")
    assert sel.bidang_scope(sekretaris) is None


def _semua(p: sel.Periode) -> dict:
    return {"layanan": sel.ringkasan_layanan(p), **sel.kartu_kendali(p), "pengembalian": sel.pengembalian(p)}


def test_rolled_up_and_live_figures_agree(catalogue):
    data = build_month()
    for user in ("kadis", "kabid", "kasi_capil"):
        p = periode(data["team"][user])
        live = _semua(p)
        rekap_maret()
        assert sel.rekap.hari_live(*MARET, berkas=True) == []  # every day of March now comes from the roll-ups
        assert _semua(p) == live
        RekapHari.objects.all().delete()


def test_rekap_is_idempotent_per_day(catalogue):
    build_month()
    rekap_maret()
    counts = (RekapBerkas.objects.count(), RekapKartu.objects.count())
    rekap_maret()
    assert (RekapBerkas.objects.count(), RekapKartu.objects.count()) == counts
    assert RekapBerkas.objects.get(tanggal=date(2026, 3, 2), layanan_id=data_kk()).masuk == 5


def data_kk() -> int:
    from dukcapil.models import Layanan

    return Layanan.objects.get(kode="kk").pk


def test_a_berkas_changed_after_its_day_was_rolled_up_is_read_live(catalogue):
    """B4 (in verification, registered 2 March) is finished now, after 2 March was rolled up: the
    dashboard counts it at once (2 March is read live), and rolling the day up again gives the same."""
    from django.utils import timezone

    from dukcapil.models import KartuKendali

    from .helpers import _kartu

    data = build_month()
    rekap_maret()
    p = periode(data["team"]["kadis"])
    assert by(sel.ringkasan_layanan(p), "kode", "kk")["selesai"] == 3
    b4 = data["berkas"]["B4"]
    _kartu(b4, "mark_printed", "cetak", "siap_diambil", None, timezone.now() - timedelta(hours=1), 60).save()
    assert KartuKendali.objects.filter(object_id=b4.pk, ke_status="siap_diambil").count() == 1
    assert sel.rekap.hari_live(*MARET, berkas=True) == [date(2026, 3, 2)]
    kk = by(sel.ringkasan_layanan(p), "kode", "kk")
    # B4 finished months after its 5 March tenggat: finished 4, on time still 2, now of 4
    assert (kk["selesai"], kk["tepat"], kk["bertenggat"], kk["proses"]) == (4, 2, 4, 0)
    rekap_hitung(hari=[date(2026, 3, 2)])
    assert sel.rekap.hari_live(*MARET, berkas=True) == []
    assert by(sel.ringkasan_layanan(p), "kode", "kk") == kk


def test_backfill_command_and_nightly_task(catalogue):
    from django.core.management import CommandError, call_command
    from django.utils import timezone

    from dukcapil.kinerja.tasks import rekap_harian

    build_month()
    call_command("rekap_kinerja", dari="2026-03-01", sampai="2026-03-31")
    assert RekapHari.objects.filter(tanggal__month=3).count() == 31
    assert sel.rekap.hari_live(*MARET, berkas=True) == []
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("rekap_kinerja", dari="1 Maret")
    # the beat task rolls up yesterday (today is always read live)
    assert rekap_harian() >= 1
    kemarin = timezone.localdate() - timedelta(days=1)
    assert RekapHari.objects.filter(tanggal=kemarin).exists()
    assert not RekapHari.objects.filter(tanggal=timezone.localdate()).exists()


def test_gangguan_figures_in_the_period_and_scoped_to_piak(catalogue):
    """G1 reported 2 March 08:00, finished 14:00 (6 h, tenggat 2 March: on time); G2 reported 3 March
    08:00, finished 5 March 08:00 (48 h, tenggat 4 March: late); G3 reported 4 March, still open; G4
    reported in February (outside). Median (6 + 48) / 2 = 27 h, p90 = 6 + 0.9 × 42 = 43.8 h, on time 1 of 2."""
    from piak.models import Gangguan

    build_gangguan()
    piak_bidang = Gangguan.objects.values_list("bidang_id", flat=True).first()
    rows = sel.lainnya(sel.Periode(*MARET))
    assert [r["kode"] for r in rows] == ["gangguan"]  # no naskah, disposisi or pengaduan in March
    g = rows[0]
    assert (g["masuk"], g["selesai"], g["terbuka"], g["tepat"], g["bertenggat"], g["persen_tepat"]) == (
        3, 2, 1, 1, 2, 50.0,
    )  # fmt: skip
    assert (g["median_jam"], g["p90_jam"]) == (27.0, 43.8)
    assert [r["kode"] for r in sel.lainnya(sel.Periode(*MARET, bidang_ids=(piak_bidang,)))] == ["gangguan"]
    pendaftaran = Bidang.objects.get(kode="pendaftaran").pk
    assert piak_bidang != pendaftaran
    assert sel.lainnya(sel.Periode(*MARET, bidang_ids=(pendaftaran,))) == []
