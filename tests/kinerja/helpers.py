"""A hand-built month (March 2026) of berkas with known kartu kendali times, and open work items.

The figures the tests expect are worked out by hand from the times written here (see the test
module's docstrings)."""

from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from dukcapil.choices import KategoriBatal, Role, Status
from dukcapil.models import Berkas, KartuKendali, Layanan, WorkItem
from tests.factories import staff

STANDAR = {"baru": 15, "diterima": 60, "verifikasi": 30}


def wib(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return timezone.make_aware(datetime(2026, month, day, hour, minute))


def _berkas(nomor: str, layanan: Layanan, user, status: str, dibuat: datetime, tenggat: date, **extra) -> Berkas:
    return Berkas.objects.create(
        nomor_registrasi=nomor,
        layanan=layanan,
        bidang_id=layanan.bidang_id,
        pemohon_nik="2102014708850001",
        pemohon_nama="PEMOHON UJI",
        pemohon_tanggal_lahir=date(1985, 8, 7),
        pemohon_jenis_kelamin="P",
        status=status,
        standar_waktu=STANDAR,
        dibuat_oleh=user,
        dibuat_pada=dibuat,
        status_sejak=dibuat,
        tenggat=tenggat,
        **extra,
    )


def _kartu(berkas, transisi, dari, ke, pelaku, mulai, menit, catatan=""):
    return KartuKendali(
        record=berkas, transisi=transisi, dari_status=dari, ke_status=ke, pelaku=pelaku,
        mulai=mulai, waktu=mulai + timedelta(minutes=menit), catatan=catatan,
    )  # fmt: skip


def build_month() -> dict:
    """Berkas KK (pendaftaran) B1–B5 and one akta kelahiran (capil) C1, registered 2 March 2026 08:00 WIB."""
    kk = Layanan.objects.get(kode="kk")
    akta = Layanan.objects.get(kode="akta-kelahiran")
    t = {
        "loket1": staff(Role.PETUGAS_LOKET, first_name="Loket", last_name="Satu"),
        "loket2": staff(Role.PETUGAS_LOKET, first_name="Loket", last_name="Dua"),
        "op1": staff(Role.OPERATOR_SIAK, first_name="Operator", last_name="Satu"),
        "op2": staff(Role.OPERATOR_SIAK, first_name="Operator", last_name="Dua"),
        "kasi": staff(Role.KASI, first_name="Kasi", last_name="Pendaftaran"),
        "kabid": staff(Role.KABID, first_name="Kabid", last_name="Pendaftaran"),
        "kasi_capil": staff(Role.KASI, "pencatatan_sipil", first_name="Kasi", last_name="Capil"),
        "op_capil": staff(Role.OPERATOR_SIAK, "pencatatan_sipil", first_name="Operator", last_name="Capil"),
        "kadis": staff(Role.KADIS, None, first_name="Kepala", last_name="Dinas"),
        "kasubag": staff(Role.KASUBAG, "sekretariat", first_name="Kasubag", last_name="Umum"),
    }
    start = wib(2, 8)
    tenggat = date(2026, 3, 5)
    b = {
        "B1": _berkas("KK-UJI-1", kk, t["loket1"], Status.SIAP_DIAMBIL, start, tenggat),
        "B2": _berkas("KK-UJI-2", kk, t["loket1"], Status.SIAP_DIAMBIL, start, tenggat),
        "B3": _berkas("KK-UJI-3", kk, t["loket1"], Status.SIAP_DIAMBIL, start, tenggat),
        "B4": _berkas("KK-UJI-4", kk, t["loket1"], Status.VERIFIKASI, start, tenggat),
        "B5": _berkas("KK-UJI-5", kk, t["loket2"], Status.DIBATALKAN, start, tenggat,
                      kategori_batal=KategoriBatal.PERSYARATAN),
        "C1": _berkas("AKL-UJI-1", akta, t["loket1"], Status.SIAP_DIAMBIL, start, date(2026, 3, 10)),
        # registered in February: outside the period
        "F1": _berkas("KK-UJI-F", kk, t["loket1"], Status.SIAP_DIAMBIL, wib(2, 8, month=2), date(2026, 2, 5)),
    }  # fmt: skip
    B = b
    cards = []
    # the counter: 10 minutes each at loket 1; B5 returned (5 min) then cancelled (20 min) at loket 2
    for key in ("B1", "B2", "B3", "B4"):
        cards.append(_kartu(B[key], "accept", "baru", "diterima", t["loket1"], start - timedelta(minutes=10), 10))
    cards.append(
        _kartu(
            B["B5"],
            "return_to_pemohon",
            "baru",
            "dikembalikan",
            t["loket2"],
            start - timedelta(minutes=5),
            5,
            "Persyaratan belum lengkap: Surat pengantar RT/RW; Fotokopi KK\ncatatan petugas",
        )
    )
    cards.append(_kartu(B["B5"], "cancel", "dikembalikan", "dibatalkan", t["loket2"], wib(3, 9), 20))
    # entry (standard 60 minutes): 30, 60 (op1); 180, 90 (op2)
    for key, op, menit in (("B1", "op1", 30), ("B2", "op1", 60), ("B3", "op2", 180), ("B4", "op2", 90)):
        cards.append(_kartu(B[key], "complete_entry", "diterima", "verifikasi", t[op], start, menit))
    # verification by the Kasi (standard 30 minutes): 10, 20, 50
    for key, menit in (("B1", 10), ("B2", 20), ("B3", 50)):
        cards.append(_kartu(B[key], "verify", "verifikasi", "validasi", t["kasi"], wib(2, 12), menit))
    # finished (document ready): 3 March, 4 March (on time), 7 March (after the 5 March tenggat)
    for key, day in (("B1", 3), ("B2", 4), ("B3", 7)):
        cards.append(_kartu(B[key], "mark_printed", "cetak", "siap_diambil", None, wib(day, 7), 60))
    cards.append(_kartu(B["C1"], "complete_entry", "diterima", "verifikasi", t["op_capil"], start, 45))
    cards.append(_kartu(B["C1"], "mark_printed", "cetak", "siap_diambil", None, wib(3, 7), 60))
    cards.append(_kartu(B["F1"], "mark_printed", "cetak", "siap_diambil", None, wib(3, 7, month=2), 60))
    KartuKendali.objects.bulk_create(cards)
    return {"team": t, "berkas": b}


def open_items(data: dict) -> dict:
    """Open work items now: B4 waiting for the Kasi 2 hours (standard 30 min; tenggat past) → late;
    a fresh KK in entry 10 minutes (standard 60, tenggat ahead) → not late; an akta in entry for
    3 days (standard 60) → late."""
    t = data["team"]
    ct = ContentType.objects.get_for_model(Berkas)
    now = timezone.now()
    kk, akta = Layanan.objects.get(kode="kk"), Layanan.objects.get(kode="akta-kelahiran")
    today = timezone.localdate()
    fresh = _berkas("KK-UJI-BARU", kk, t["loket1"], Status.DITERIMA, wib(2, 8, month=1), today + timedelta(days=5))
    lama = _berkas("AKL-UJI-LAMA", akta, t["loket1"], Status.DITERIMA, wib(2, 8, month=1), today + timedelta(days=5))
    b4 = data["berkas"]["B4"]
    items = {
        "W1": WorkItem.objects.create(content_type=ct, object_id=b4.pk, bidang_id=b4.bidang_id, aksi="verifikasi",
                                      status="verifikasi", sejak=now - timedelta(hours=2), standar_menit=30,
                                      tenggat=b4.tenggat),
        "W2": WorkItem.objects.create(content_type=ct, object_id=fresh.pk, bidang_id=fresh.bidang_id, aksi="entri",
                                      status="diterima", sejak=now - timedelta(minutes=10), standar_menit=60,
                                      tenggat=fresh.tenggat),
        "W3": WorkItem.objects.create(content_type=ct, object_id=lama.pk, bidang_id=lama.bidang_id, aksi="entri",
                                      status="diterima", sejak=now - timedelta(days=3), standar_menit=60,
                                      tenggat=lama.tenggat),
    }  # fmt: skip
    return items


def build_gangguan() -> None:
    """PIAK gangguan reported by a counter officer (see ``test_selectors``): two finished in March
    (6 h on time, 48 h late), one open, one in February."""
    from piak.models import Gangguan
    from tests.piak.gangguan_helpers import lapor

    loket = staff(Role.PETUGAS_LOKET, first_name="Lia", last_name="Loket")
    times = [
        (wib(2, 8), wib(2, 14), "selesai", date(2026, 3, 2)),
        (wib(3, 8), wib(5, 8), "dikonfirmasi", date(2026, 3, 4)),
        (wib(4, 8), None, "ditangani", date(2026, 3, 6)),
        (wib(2, 8, month=2), wib(2, 9, month=2), "selesai", date(2026, 2, 3)),
    ]
    for dilaporkan, selesai, status, tenggat in times:
        g = lapor(loket)
        Gangguan.objects.filter(pk=g.pk).update(
            dilaporkan_pada=dilaporkan, selesai_pada=selesai, status=status, tenggat=tenggat
        )
