"""Reads of inovasi layanan: the programmes a user may see (Bidang PIAK and the leaders)."""

from django.db.models import Q, QuerySet
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can_in_bidang
from sekretariat.selectors.surat_masuk import timeline

from ..models.inovasi import Inovasi, StatusInovasi

BIDANG_PIAK = "piak"


def boleh_lihat(user) -> bool:
    return can_in_bidang(user, Aksi.INOVASI_LIHAT, BIDANG_PIAK)


def inovasi_list(user, *, status: str = "", q: str = "") -> QuerySet[Inovasi]:
    if not boleh_lihat(user):
        return Inovasi.objects.none()
    qs = Inovasi.objects.select_related("pengusul")
    if status in StatusInovasi.values:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(cakupan__icontains=q) | Q(rekanan__icontains=q))
    return qs.order_by("-diusulkan_pada", "-pk")


def inovasi_for(user, pk: int) -> Inovasi:
    found = inovasi_list(user).select_related("nota_dinas").prefetch_related("tim").filter(pk=pk).first()
    if found is None:
        raise Http404("Program inovasi tidak ditemukan.")
    return found


def inovasi_timeline(inovasi: Inovasi):
    return timeline(inovasi, dict(StatusInovasi.choices))
