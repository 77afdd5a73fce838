"""Reads of the daftar gaji."""

from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from ..models import DaftarGaji
from .keuangan import boleh_lihat

KOLOM_JUMLAH = (
    "gaji_pokok",
    "tunjangan_pasangan",
    "tunjangan_anak",
    "tunjangan_jabatan",
    "tunjangan_umum",
    "kotor",
    "iwp_8",
    "iwp_2",
    "pph21",
    "potongan",
    "bersih",
)


def daftar_list() -> QuerySet[DaftarGaji]:
    return DaftarGaji.objects.select_related("disusun_oleh", "ditandatangani_oleh").order_by("-tahun", "-bulan")


def daftar_for(user, pk: int) -> DaftarGaji:
    daftar = daftar_list().filter(pk=pk).first()
    if daftar is None or not boleh_lihat(user):
        raise Http404("Daftar gaji tidak ditemukan.")
    return daftar


def baris(daftar: DaftarGaji) -> list:
    return list(daftar.baris.order_by("-golongan", "nama"))


def jumlah(rows) -> dict[str, Decimal]:
    return {k: sum((getattr(r, k) for r in rows), Decimal(0)) for k in KOLOM_JUMLAH}
