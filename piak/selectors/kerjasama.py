"""Reads of the kerja sama register: what PIAK's officers and the leaders may see."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..models.kerjasama import Kerjasama, StatusKerjasama
from ..models.permintaan_data import PermintaanData

PIAK = "piak"


def boleh_lihat(user) -> bool:
    return can_in_bidang(user, Aksi.KERJASAMA_LIHAT, PIAK)


def kerjasama_list(user, *, q: str = "", status: str = "") -> QuerySet:
    if not boleh_lihat(user):
        return Kerjasama.objects.none()
    rows = Kerjasama.objects.select_related("lembaga").annotate(jumlah_permintaan=Count("permintaan"))
    if q:
        rows = rows.filter(
            Q(lembaga__nama__icontains=q) | Q(judul_kerjasama__icontains=q) | Q(nomor_dinas__icontains=q)
        )
    if status == "hampir":
        today = timezone.localdate()
        rows = rows.filter(status=StatusKerjasama.BERLAKU, berakhir__lte=today + timedelta(days=90))
    elif status in StatusKerjasama.values:
        rows = rows.filter(status=status)
    return rows.order_by("-dibuat_pada", "-pk")


def kerjasama_detail(user, pk: int) -> Kerjasama | None:
    """The agreement with the requests made under it (one query for them)."""
    permintaan = PermintaanData.objects.select_related("lembaga", "surat").order_by("-dibuka_pada")
    return (
        kerjasama_list(user)
        .select_related("diperpanjang_dari", "dibuat_oleh")
        .prefetch_related(Prefetch("permintaan", queryset=permintaan))
        .filter(pk=pk)
        .first()
    )
