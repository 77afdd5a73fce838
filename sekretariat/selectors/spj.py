"""Reads of SPJ: the registers, the SPJ fungsional figures and realisasi.

Realisasi has one source of truth: the SPJ administratif signed by the PPTK (``SPJ_REALISASI``).
The realisasi page (selectors.keuangan.realisasi) and the SPJ fungsional both read it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from ..models import AngkaFungsional, SpjAdministratif, SpjFungsional, StatusSpj, SubKegiatanDpa
from .keuangan import boleh_lihat, register_rows
from .surat_masuk import Periode, timeline

SPJ_REALISASI = Q(status=StatusSpj.DITANDATANGANI)


def spj_list(periode: Periode, status: str = "") -> QuerySet[SpjAdministratif]:
    return register_rows(
        SpjAdministratif.objects.select_related("spp", "sub_kegiatan", "disusun_oleh"),
        periode,
        status,
        StatusSpj.values,
        ("nomor_spj", "uraian", "kode_rekening", "spp__nomor_sp2d", "sub_kegiatan__nama"),
    )


def spj_for(user, pk: int) -> SpjAdministratif:
    spj = SpjAdministratif.objects.select_related("spp", "sub_kegiatan", "disusun_oleh", "ditandatangani_oleh")
    spj = spj.filter(pk=pk).first()
    if spj is None or not boleh_lihat(user):
        raise Http404("SPJ tidak ditemukan.")
    return spj


def spj_timeline(record):
    return timeline(record, dict(type(record)._meta.get_field("status").choices))


def fungsional_list() -> QuerySet[SpjFungsional]:
    return SpjFungsional.objects.select_related("disusun_oleh", "ditandatangani_oleh").order_by("-tahun", "-bulan")


def fungsional_for(user, pk: int) -> SpjFungsional:
    spj = fungsional_list().filter(pk=pk).first()
    if spj is None or not boleh_lihat(user):
        raise Http404("SPJ fungsional tidak ditemukan.")
    return spj


@dataclass
class BarisFungsional(AngkaFungsional):
    """A DPA line of the month: anggaran, SPJ up to last month and this month (signed SPJ administratif)."""

    sub_kegiatan_id: int
    kode: str
    nama: str
    anggaran: Decimal
    lalu: Decimal
    ini: Decimal

    def angka(self) -> dict:
        return {"anggaran": self.anggaran, "lalu": self.lalu, "ini": self.ini}


def hitung_spj_fungsional(tahun: int, bulan: int) -> list[BarisFungsional]:
    """The figures of the month, per DPA line of the year: two queries."""
    awal = date(tahun, bulan, 1)
    akhir = date(tahun + (bulan == 12), bulan % 12 + 1, 1)
    sums = {
        row["sub_kegiatan_id"]: row
        for row in SpjAdministratif.objects.filter(SPJ_REALISASI, tahun=tahun, tanggal__lt=akhir)
        .values("sub_kegiatan_id")
        .annotate(lalu=Sum("nilai", filter=Q(tanggal__lt=awal)), ini=Sum("nilai", filter=Q(tanggal__gte=awal)))
        .order_by()
    }
    rows = []
    for sub in SubKegiatanDpa.objects.filter(tahun=tahun).only("kode", "nama", "pagu"):
        row = sums.get(sub.pk, {})
        rows.append(
            BarisFungsional(
                sub_kegiatan_id=sub.pk,
                kode=sub.kode,
                nama=sub.nama,
                anggaran=sub.pagu,
                lalu=row.get("lalu") or Decimal(0),
                ini=row.get("ini") or Decimal(0),
            )
        )
    return rows


def jumlah(rows) -> dict[str, Decimal]:
    """The totals row of an SPJ fungsional."""
    keys = ("anggaran", "lalu", "ini", "sampai_ini", "sisa")
    return {k: sum((getattr(r, k) for r in rows), Decimal(0)) for k in keys}


def realisasi_per_kegiatan(tahun: int) -> dict[tuple[str, str], Decimal]:
    """{(program kode, kegiatan kode): signed SPJ total}: what the realisasi page counts."""
    return {
        (row["sub_kegiatan__program_kode"], row["sub_kegiatan__kegiatan_kode"]): row["total"]
        for row in SpjAdministratif.objects.filter(SPJ_REALISASI, tahun=tahun)
        .values("sub_kegiatan__program_kode", "sub_kegiatan__kegiatan_kode")
        .annotate(total=Sum("nilai"))
        .order_by()
    }


def fungsional_rows(spj: SpjFungsional) -> list:
    """A konsep shows today's figures; from its submission on, the rows written then."""
    from ..models import StatusSpjFungsional

    if spj.status == StatusSpjFungsional.KONSEP:
        return hitung_spj_fungsional(spj.tahun, spj.bulan)
    return list(spj.baris.all())
