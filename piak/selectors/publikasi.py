"""Reads of publikasi: the tim pengelola and its approvers (Kasi PIAK, Sekretaris, Kadis)."""

from django.db.models import QuerySet
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can_in_bidang
from sekretariat.selectors.surat_masuk import timeline

from ..models import Publikasi, StatusPublikasi

AKSI_PUBLIKASI = (Aksi.PUBLIKASI_SUSUN, Aksi.PUBLIKASI_PERIKSA, Aksi.PUBLIKASI_SEKRETARIS, Aksi.PUBLIKASI_KADIS)


def boleh_lihat(user) -> bool:
    return user.is_authenticated and any(can_in_bidang(user, a, "piak") for a in AKSI_PUBLIKASI)


def daftar(user, status: str = "") -> QuerySet[Publikasi]:
    if not boleh_lihat(user):
        return Publikasi.objects.none()
    qs = Publikasi.objects.select_related("dibuat_oleh")
    if status in StatusPublikasi.values:
        qs = qs.filter(status=status)
    return qs.order_by("-status_sejak", "-pk")


def publikasi_for(user, pk: int) -> Publikasi:
    pub = daftar(user).filter(pk=pk).first()
    if pub is None:
        raise Http404("Publikasi tidak ditemukan.")
    return pub


def publikasi_timeline(pub: Publikasi):
    return timeline(pub, dict(StatusPublikasi.choices))
