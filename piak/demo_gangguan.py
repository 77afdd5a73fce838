"""Demo data of PIAK, driven through the services as the officers would.

Gangguan: an open network fault that stops a layanan, escalated to the Ditjen helpdesk with its
ticket number; a printer fault handled by the ADB, resolved and confirmed by the reporter; a
perekaman device repaired by the rekanan and reopened by the reporter; last month's monitoring
report drawn up by the Kasi and waiting for the Kabid's paraf in the naskah chain.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from dukcapil.models import Layanan, User
from sekretariat.demo import _scan

REKANAN = [
    ("CV Mitra Jaringan Kepri", "Jaringan komunikasi data (jarkomdat) SIAK", "Andi", "0812-0000-1111"),
    ("PT Sarana Perangkat Nusantara", "Perangkat perekaman KTP-el dan printer", "Sinta", "0813-0000-2222"),
]


def _lapor(svc, user: User, kategori: str, lokasi: str, loket: str, sejak: timedelta, uraian: str, layanan=None):
    """A fault reported ``sejak`` ago; with ``layanan`` it stops that layanan."""
    data = svc.LaporData(
        kategori=kategori, lokasi=lokasi, loket=loket, mulai=timezone.now() - sejak, terhenti=layanan is not None,
        layanan=layanan, uraian=uraian,
    )  # fmt: skip
    return svc.gangguan_lapor(user=user, data=data)


def build_gangguan_demo(users: dict[str, User]) -> list:
    from sekretariat.services.naskah import naskah_ajukan, naskah_setujui

    from .models import Rekanan
    from .services import gangguan as svc

    made: list = []
    for nama, lingkup, kontak, telepon in REKANAN:
        rekanan, _ = Rekanan.objects.get_or_create(
            nama=nama, defaults={"lingkup": lingkup, "kontak": kontak, "telepon": telepon}
        )
    perangkat = Rekanan.objects.get(nama=REKANAN[1][0])
    adb, kasi, kabid = users["adb"], users["kasi_piak"], users["kabid_piak"]

    # 1. open, layanan stopped, escalated to the Ditjen helpdesk
    kk = Layanan.objects.filter(kode="kk").first()
    jaringan = _lapor(
        svc, users["loket"], "jaringan", "Kantor Dinas, ruang pelayanan", "Loket 2", timedelta(hours=2),
        "Aplikasi SIAK tidak dapat terhubung ke server pusat; pencarian NIK gagal (time out).", layanan=kk,
    )  # fmt: skip
    svc.gangguan_triase(user=adb, pk=jaringan.pk, kategori="siak", prioritas="tinggi", loket="Loket 1–4")
    svc.gangguan_tugaskan(
        user=adb,
        pk=jaringan.pk,
        penanganan="eskalasi",
        helpdesk="ditjen",
        nomor_tiket="HD-DJ-2026-118734",
        catatan="Dilaporkan ke Helpdesk Ditjen Dukcapil: koneksi VPN SIAK terpusat terputus.",
    )
    made.append(jaringan)

    # 2. printer: the ADB repairs, the reporter confirms
    printer = _lapor(
        svc, users["operator"], "printer", "Kantor Dinas, ruang cetak", "", timedelta(hours=6),
        "Printer kartu macet, pita (ribbon) tidak terbaca.",
    )  # fmt: skip
    svc.gangguan_triase(user=kasi, pk=printer.pk, kategori="printer", prioritas="sedang")
    svc.gangguan_tugaskan(user=kasi, pk=printer.pk, penanganan="internal", petugas=adb)
    svc.gangguan_selesaikan(user=adb, pk=printer.pk, penyelesaian="Ribbon diganti, head printer dibersihkan.")
    svc.gangguan_konfirmasi(user=users["operator"], pk=printer.pk, catatan="Sudah normal, terima kasih.")
    made.append(printer)

    # 3. perekaman device: the rekanan repairs, the reporter reopens
    kamera = _lapor(
        svc, users["operator_capil"], "perekaman", "Kecamatan Bintan Timur", "Meja perekaman", timedelta(days=1),
        "Alat perekam sidik jari tidak terdeteksi di komputer perekaman.",
    )  # fmt: skip
    svc.gangguan_triase(user=adb, pk=kamera.pk, kategori="perekaman", prioritas="sedang")
    svc.gangguan_tugaskan(user=adb, pk=kamera.pk, penanganan="rekanan", rekanan=perangkat)
    svc.gangguan_laporan_rekanan(
        user=adb,
        pk=kamera.pk,
        berkas=_scan("Laporan perbaikan alat perekam sidik jari"),
        biaya=Decimal(750000),
        spj_nomor="",
        spj_tanggal=None,
    )
    svc.gangguan_spj_ajukan(user=kasi, pk=kamera.pk)
    svc.gangguan_selesaikan(user=adb, pk=kamera.pk, penyelesaian="Rekanan mengganti kabel USB dan driver pemindai.")
    svc.gangguan_buka_kembali(
        user=users["operator_capil"],
        pk=kamera.pk,
        alasan="Pemindai kembali tidak terdeteksi setelah komputer dinyalakan ulang.",
    )
    made.append(kamera)

    # 4. last month's monitoring report, at the Kabid's paraf
    last = timezone.localdate().replace(day=1) - timedelta(days=1)
    laporan = svc.laporan_monitoring_ajukan(user=kasi, tahun=last.year, bulan=last.month)
    naskah_ajukan(pk=laporan.naskah_id, user=kasi)
    naskah_setujui(pk=laporan.naskah_id, user=users.get("kasubag", kabid))
    made.append(laporan)
    return made
