"""PDFs of the IKM produced on request (dukcapil.cetakan): the semester report with its chart."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from dukcapil.cetakan.registry import register_cetakan

from .models import LaporanIKM
from .selectors import boleh_lihat


@register_cetakan("laporan-ikm")
def laporan_ikm_pdf(params: dict, user) -> tuple[str, bytes]:
    from .documents import render_laporan_pdf

    if not boleh_lihat(user):
        raise PermissionDenied("Laporan IKM hanya untuk pimpinan, Kasi dan admin.")
    laporan = LaporanIKM.objects.filter(pk=params.get("pk")).first()
    if laporan is None:
        raise Http404("Laporan IKM tidak ditemukan.")
    return f"laporan-ikm-{laporan.tahun}-semester-{laporan.semester}.pdf", render_laporan_pdf(laporan)
