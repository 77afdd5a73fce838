"""Reads of permintaan data: PIAK's cases, for whoever may see the kerja sama register."""

from django.db.models import Q, QuerySet

from ..models.permintaan_data import PermintaanData, StatusPermintaan
from .kerjasama import boleh_lihat

TERBUKA = [s for s in StatusPermintaan.values if s not in (StatusPermintaan.SELESAI, StatusPermintaan.DITOLAK)]


def permintaan_list(user, *, q: str = "", status: str = "") -> QuerySet:
    if not boleh_lihat(user):
        return PermintaanData.objects.none()
    rows = PermintaanData.objects.select_related("lembaga", "surat", "kerjasama", "naskah")
    if q:
        rows = rows.filter(Q(lembaga__nama__icontains=q) | Q(surat__nomor_surat__icontains=q))
    if status == "terbuka":
        rows = rows.filter(status__in=TERBUKA)
    elif status in StatusPermintaan.values:
        rows = rows.filter(status=status)
    return rows.order_by("-dibuka_pada", "-pk")


def permintaan_detail(user, pk: int) -> PermintaanData | None:
    return (
        permintaan_list(user)
        .select_related("disposisi", "diolah_oleh", "dibuka_oleh", "surat__asal")
        .filter(pk=pk)
        .first()
    )


def permintaan_dari_surat(surat_id: int) -> PermintaanData | None:
    return PermintaanData.objects.filter(surat_id=surat_id).select_related(None).only("pk").first()
