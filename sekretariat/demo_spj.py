"""Demo of SPJ and daftar gaji (seed_demo, after the keuangan and kepegawaian demos): an SPJ
administratif in each state (one returned by the PPK), last month's SPJ fungsional signed by the PA,
and this month's daftar gaji being prepared by the Bendahara."""

import io
from datetime import timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dukcapil.models import User

from . import gaji_data
from .demo_keuangan import _advance
from .models import Pegawai, ProfilGaji, Spp, StatusSpp
from .services import gaji as gaji_svc
from .services import keuangan as keu_svc
from .services import spj as svc


def _bukti_pdf(name: str) -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=420, height=595)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


# uraian, kode rekening, nilai, how far it has come ("kembali": returned by the PPK)
SPJ = [
    ("Kertas akta kelahiran 20 rim", "5.1.02.01.01.0024", 12_500_000, "ditandatangani"),
    ("Tinta printer sertifikat", "5.1.02.01.01.0025", 8_000_000, "diverifikasi"),
    ("Map dan sampul akta", "5.1.02.01.01.0024", 5_400_000, "diajukan"),
    ("Materai dan perangko", "5.1.02.01.01.0029", 3_200_000, "konsep"),
    ("Uang harian jemput bola", "5.1.02.04.01.0001", 6_000_000, "kembali"),
]
ORDER = ["konsep", "diajukan", "diverifikasi", "ditandatangani"]


def _spj(users, spp, n: int, uraian: str, rekening: str, nilai: int, sampai: str, tanggal):
    data = svc.SpjData(
        spp=spp,
        nomor_spj=f"{n:04d}/SPJ/2.06/{spp.tahun}",
        tanggal=tanggal,
        kode_rekening=rekening,
        uraian=uraian,
        nilai=Decimal(nilai),
    )
    spj = svc.spj_susun(user=users["bendahara"], data=data)
    bukti = _bukti_pdf("kuitansi.pdf")
    svc.bukti_tambah(
        user=users["bendahara"], pk=spj.pk, jenis="kuitansi", keterangan=f"Kuitansi {uraian}", berkas=bukti
    )
    if sampai == "kembali":
        svc.spj_ajukan(user=users["bendahara"], pk=spj.pk)
        svc.spj_kembalikan(user=users["ppk"], pk=spj.pk, catatan="Kuitansi belum ditandatangani penerima.")
        return spj
    reached = ORDER.index(sampai)
    if reached >= 1:
        svc.spj_ajukan(user=users["bendahara"], pk=spj.pk)
    if reached >= 2:
        svc.spj_verifikasi(user=users["ppk"], pk=spj.pk, catatan="Bukti lengkap.")
    if reached >= 3:
        svc.spj_tandatangani(user=users["pptk"], pk=spj.pk)
    return spj


def _spp_bulan_lalu(users, sub, awal_bulan) -> Spp:
    """An SPP of last month through SP2D, accounted for by a signed SPJ that month."""
    spp = keu_svc.spp_siapkan(
        user=users["pptk"],
        data=keu_svc.SppData(
            jenis="ls",
            nomor_sipd=f"0099/SPP/2.06/{awal_bulan.year}",
            tanggal=awal_bulan + timedelta(days=9),
            nilai=Decimal(18_750_000),
            sub_kegiatan=sub,
            uraian="Belanja ATK bulan lalu",
        ),
    )
    _advance(spp, "cair", users, 99)
    spp.refresh_from_db()
    return spp


def build_spj_demo(users: dict[str, User]) -> list:
    today = timezone.localdate()
    made = []
    cair = list(Spp.objects.filter(tahun=today.year, status=StatusSpp.CAIR).order_by("-nilai"))
    for n, (uraian, rekening, nilai, sampai) in enumerate(SPJ, start=1):
        spp = cair[0] if sampai != "kembali" else cair[-1]
        made.append(_spj(users, spp, n, uraian, rekening, nilai, sampai, max(spp.tanggal_sp2d, today)))
    lalu = today.replace(day=1) - relativedelta(months=1)
    if lalu.year == today.year and cair:  # last month's report, signed by the PA and sent to BPPKAD
        spp = _spp_bulan_lalu(users, cair[0].sub_kegiatan, lalu)
        made.append(_spj(users, spp, 9, "ATK triwulan", "5.1.02.01.01.0024", 18_750_000, "ditandatangani", spp.tanggal))
        f = svc.spj_fungsional_susun(user=users["bendahara"], tahun=lalu.year, bulan=lalu.month)
        svc.spj_fungsional_ajukan(user=users["bendahara"], pk=f.pk)
        svc.spj_fungsional_verifikasi(user=users["ppk"], pk=f.pk)
        svc.spj_fungsional_tandatangani(user=users["kadis"], pk=f.pk)
        made.append(f)
    else:  # January: last month belongs to last year's DPA; this month's report is opened instead
        made.append(svc.spj_fungsional_susun(user=users["bendahara"], tahun=today.year, bulan=today.month))
    return made


def build_gaji_demo(users: dict[str, User]) -> list:
    """This month's daftar gaji, prepared and waiting for the Bendahara to submit it."""
    gaji_data.load()
    keluarga = {"Teguh Prasetyo": (True, 2, 0), "Dewi Lestari": (True, 1, 0), "Ratna Dewi": (True, 3, 2_025_000)}
    for p in Pegawai.objects.filter(nama__in=keluarga):
        pasangan, anak, jabatan = keluarga[p.nama]
        ProfilGaji.objects.get_or_create(
            pegawai=p, defaults=dict(pasangan=pasangan, jumlah_anak=anak, tunjangan_jabatan=Decimal(jabatan))
        )
    today = timezone.localdate()
    return [gaji_svc.daftar_gaji_susun(user=users["bendahara"], tahun=today.year, bulan=today.month)]
