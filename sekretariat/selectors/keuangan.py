"""Reads of keuangan: the SPP register, the DPA and realisasi against its pagu."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can

from ..models import Spp, StatusSpp, SubKegiatanDpa
from .surat_masuk import Periode, _in_period, timeline


def boleh_lihat(user) -> bool:
    return can(user, Aksi.KEUANGAN_LIHAT)


def register_rows(qs: QuerySet, periode: Periode, status: str, statuses, cari: tuple[str, ...]) -> QuerySet:
    """A keuangan register's rows: ``tanggal`` in the period, the search text in any of the ``cari``
    fields, the status when it is one of ``statuses``; newest first."""
    qs = _in_period(qs, "tanggal", periode)
    if periode.q:
        qs = qs.filter(reduce(or_, (Q(**{f"{name}__icontains": periode.q}) for name in cari)))
    if status in statuses:
        qs = qs.filter(status=status)
    return qs.order_by("-tanggal", "-pk")


def spp_list(periode: Periode, status: str = "") -> QuerySet[Spp]:
    return register_rows(
        Spp.objects.select_related("sub_kegiatan", "disiapkan_oleh"),
        periode,
        status,
        StatusSpp.values,
        ("nomor_sipd", "nomor_spm", "nomor_sp2d", "uraian", "sub_kegiatan__nama"),
    )


def spp_for(user, pk: int) -> Spp:
    spp = Spp.objects.select_related("sub_kegiatan", "disiapkan_oleh").filter(pk=pk).first()
    if spp is None or not boleh_lihat(user):
        raise Http404("SPP tidak ditemukan.")
    return spp


def spp_timeline(spp: Spp):
    return timeline(spp, dict(StatusSpp.choices))


def dpa_tahun(tahun: int) -> QuerySet[SubKegiatanDpa]:
    return SubKegiatanDpa.objects.filter(tahun=tahun)


@dataclass
class BarisRealisasi:
    """A program or kegiatan (or the whole DPA) with its pagu and what has been realised of it."""

    kode: str
    nama: str
    pagu: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    kegiatan: list["BarisRealisasi"] = field(default_factory=list)

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi

    @property
    def persen(self) -> Decimal:
        if not self.pagu:
            return Decimal(0)
        return (self.realisasi * 100 / self.pagu).quantize(Decimal("0.01"))


def realisasi(tahun: int) -> tuple[list[BarisRealisasi], BarisRealisasi]:
    """Per program (with its kegiatan) the DPA pagu and the signed SPJ administratif: two queries."""
    rows = (
        SubKegiatanDpa.objects.filter(tahun=tahun)
        .values("program_kode", "program_nama", "kegiatan_kode", "kegiatan_nama")
        .annotate(pagu=Sum("pagu"))
        .order_by("program_kode", "kegiatan_kode")
    )
    from .spj import realisasi_per_kegiatan  # realisasi's one source: the signed SPJ administratif

    spent = realisasi_per_kegiatan(tahun)
    programs: dict[str, BarisRealisasi] = {}
    total = BarisRealisasi(kode="", nama="Jumlah")
    for row in rows:
        program = programs.setdefault(
            row["program_kode"], BarisRealisasi(kode=row["program_kode"], nama=row["program_nama"])
        )
        kegiatan = BarisRealisasi(
            kode=row["kegiatan_kode"],
            nama=row["kegiatan_nama"],
            pagu=row["pagu"],
            realisasi=spent.get((row["program_kode"], row["kegiatan_kode"])) or Decimal(0),
        )
        program.kegiatan.append(kegiatan)
        for target in (program, total):
            target.pagu += kegiatan.pagu
            target.realisasi += kegiatan.realisasi
    return list(programs.values()), total


def chart_data(programs: list[BarisRealisasi]) -> dict:
    """What static/sekretariat/realisasi.js draws: labels, pagu and realisasi per program (rupiah)."""
    return {
        "labels": [f"{p.kode} {p.nama}" for p in programs],
        "pagu": [float(p.pagu) for p in programs],
        "realisasi": [float(p.realisasi) for p in programs],
        "persen": [float(p.persen) for p in programs],
    }
