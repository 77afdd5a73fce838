"""Reads of sosialisasi kebijakan kependudukan: the events a user may see (Bidang PIAK and the leaders)."""

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can_in_bidang
from sekretariat.selectors.surat_masuk import timeline

from ..models.sosialisasi import Sosialisasi, StatusSosialisasi

BIDANG_PIAK = "piak"


def boleh_lihat(user) -> bool:
    return can_in_bidang(user, Aksi.SOSIALISASI_LIHAT, BIDANG_PIAK)


def sosialisasi_list(user, *, status: str = "", q: str = "") -> QuerySet[Sosialisasi]:
    if not boleh_lihat(user):
        return Sosialisasi.objects.none()
    qs = Sosialisasi.objects.select_related("perencana").annotate(jumlah_peserta=Sum("kehadiran__jumlah"))
    if status in StatusSosialisasi.values:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(tema__icontains=q) | Q(kecamatan__icontains=q) | Q(desa__icontains=q))
    return qs.order_by("-tanggal", "-pk")


def sosialisasi_for(user, pk: int) -> Sosialisasi:
    found = (
        sosialisasi_list(user)
        .select_related("surat", "surat_tugas", "nota_dinas")
        .prefetch_related("kehadiran__kategori")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Sosialisasi tidak ditemukan.")
    return found


def sosialisasi_timeline(sos: Sosialisasi):
    return timeline(sos, dict(StatusSosialisasi.choices))
