"""Reads of the perencanaan dan pelaporan calendar."""

from django.db.models import Q, QuerySet
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..models import DokumenPerencanaan, StatusPerencanaan
from .surat_masuk import timeline


def boleh_lihat(user) -> bool:
    """The Sekretariat's staff who write, check or sign these documents."""
    return user.is_authenticated and any(
        can_in_bidang(user, a, "sekretariat")
        for a in (Aksi.PERENCANAAN_SUSUN, Aksi.PERENCANAAN_PERIKSA, Aksi.PERENCANAAN_PARAF, Aksi.PERENCANAAN_SETUJUI)
    )


def kalender(tahun: int, q: str = "", status: str = "") -> QuerySet[DokumenPerencanaan]:
    qs = DokumenPerencanaan.objects.filter(tahun=tahun).select_related("pemegang").prefetch_related("tim")
    if q:
        qs = qs.filter(
            Q(periode__icontains=q)
            | Q(jenis__icontains=q)
            | Q(pemegang__first_name__icontains=q)
            | Q(pemegang__last_name__icontains=q)
        )
    if status in StatusPerencanaan.values:
        qs = qs.filter(status=status)
    return qs.order_by("tenggat", "jenis", "periode_ke")


def dokumen_for(user, pk: int) -> DokumenPerencanaan:
    dok = DokumenPerencanaan.objects.select_related("pemegang").filter(pk=pk).first()
    if dok is None or not boleh_lihat(user):
        raise Http404("Dokumen tidak ditemukan.")
    return dok


def dokumen_timeline(dok: DokumenPerencanaan):
    return timeline(dok, dict(StatusPerencanaan.choices))
