"""Demo of keuangan: the finance people, this year's DPA and an SPP in each state (seed_demo)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.demo import DEMO_PASSWORD, demo_nip
from dukcapil.models import User

from .demo import ensure_sekretariat_users
from .models import SubKegiatanDpa
from .services import keuangan as svc

KEUANGAN_USERS = [
    ("pptk", "Puspita", "PPTK", Role.PPTK),
    ("bendahara", "Bagus", "Bendahara Pengeluaran", Role.BENDAHARA),
    ("ppk", "Prasetyo", "PPK", Role.PPK),
]

PROGRAM = {
    "2.06.01": "Program Penunjang Urusan Pemerintahan Daerah",
    "2.06.02": "Program Pendaftaran Penduduk",
    "2.06.03": "Program Pencatatan Sipil",
    "2.06.04": "Program Pengelolaan Informasi Administrasi Kependudukan",
}
KEGIATAN = {
    "2.06.01.2.01": "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
    "2.06.01.2.02": "Administrasi Keuangan Perangkat Daerah",
    "2.06.01.2.06": "Administrasi Umum Perangkat Daerah",
    "2.06.02.2.01": "Pelayanan Pendaftaran Penduduk",
    "2.06.03.2.01": "Pelayanan Pencatatan Sipil",
    "2.06.04.2.01": "Penyelenggaraan Pengelolaan Informasi Adminduk",
}
# sub kegiatan kode (its kegiatan and program are its prefixes), nama, pagu
DPA = [
    ("2.06.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 45_000_000),
    ("2.06.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 4_250_000_000),
    ("2.06.01.2.06.0001", "Penyediaan Bahan Logistik Kantor", 180_000_000),
    ("2.06.02.2.01.0001", "Penyelenggaraan Pendaftaran Penduduk", 620_000_000),
    ("2.06.03.2.01.0001", "Penyelenggaraan Pencatatan Sipil", 390_000_000),
    ("2.06.04.2.01.0001", "Pengelolaan Sistem Informasi Administrasi Kependudukan", 275_000_000),
]

# uraian, sub kegiatan index, nilai, how far it has come
SPP = [
    ("Honorarium tim penyusun Renja", 0, 6_500_000, "konsep"),
    ("Belanja ATK triwulan IV", 2, 14_750_000, "diajukan"),
    ("Belanja blangko KTP-el tambahan", 3, 96_000_000, "disetujui"),
    ("Pemeliharaan server SIAK", 5, 38_400_000, "spm"),
    ("Gaji dan tunjangan ASN bulan ini", 1, 352_118_400, "sp2d"),
    ("Belanja kertas akta dan sertifikat", 4, 57_300_000, "cair"),
    ("Perjalanan dinas jemput bola perekaman", 3, 22_600_000, "cair"),
]


ORDER = ["konsep", "diajukan", "disetujui", "spm", "sp2d", "cair"]


def _advance(spp, sampai: str, users: dict[str, User], n: int) -> None:
    """Take the demo SPP through the chain up to ``sampai``, each step by its own role."""
    tahun, tanggal, pk = spp.tahun, spp.tanggal, spp.pk
    bendahara = users["bendahara"]
    reached = ORDER.index(sampai)
    if reached >= 1:
        svc.spp_ajukan(user=bendahara, pk=pk)
    if reached >= 2:
        svc.spp_setujui(user=users["ppk"], pk=pk, catatan="Lengkap.")
    if reached >= 3:
        nomor = f"{n:04d}/SPM/2.06/{tahun}"
        svc.spm_tandatangani(user=users["kadis"], pk=pk, nomor_spm=nomor, tanggal_spm=tanggal)
    if reached >= 4:
        svc.sp2d_catat(user=bendahara, pk=pk, nomor_sp2d=f"{n:05d}/SP2D/{tahun}", tanggal_sp2d=tanggal)
    if reached >= 5:
        svc.spp_cair(user=bendahara, pk=pk, tanggal_cair=tanggal)


def build_keuangan_demo(users: dict[str, User]) -> list:
    users.update(ensure_sekretariat_users(DEMO_PASSWORD, demo_nip, KEUANGAN_USERS, start=60))
    today = timezone.localdate()
    tahun = today.year
    subs = [
        SubKegiatanDpa.objects.update_or_create(
            tahun=tahun,
            kode=kode,
            defaults=dict(
                program_kode=kode[:7],
                program_nama=PROGRAM[kode[:7]],
                kegiatan_kode=kode[:12],
                kegiatan_nama=KEGIATAN[kode[:12]],
                nama=nama,
                pagu=Decimal(pagu),
            ),
        )[0]
        for kode, nama, pagu in DPA
    ]
    made = []
    for n, (uraian, sub, nilai, sampai) in enumerate(SPP, start=1):
        tanggal = max(today - timedelta(days=2 * (len(SPP) - n)), today.replace(month=1, day=1))
        spp = svc.spp_siapkan(
            user=users["pptk"],
            data=svc.SppData(
                jenis="gu" if nilai < 20_000_000 else "ls",
                nomor_sipd=f"{n:04d}/SPP/2.06/{tahun}",
                tanggal=tanggal,
                nilai=Decimal(nilai),
                sub_kegiatan=subs[sub],
                uraian=uraian,
            ),
        )
        _advance(spp, sampai, users, n)
        spp.refresh_from_db()
        made.append(spp)
    return made
