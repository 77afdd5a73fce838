"""Reads of disiplin: the cases with their steps."""

from django.db.models import Prefetch, QuerySet

from ..models.disiplin import URUTAN, KasusDisiplin, LangkahDisiplin


def kasus_list(q: str = "") -> QuerySet:
    rows = KasusDisiplin.objects.select_related("pegawai").prefetch_related(
        Prefetch("langkah", queryset=LangkahDisiplin.objects.select_related("naskah").order_by("tanggal", "pk"))
    )
    if q:
        rows = rows.filter(pegawai__first_name__icontains=q) | rows.filter(pegawai__nip__contains=q)
    return rows.order_by("selesai", "-dibuka_pada")


def langkah_berikut(kasus: KasusDisiplin) -> str | None:
    """The one step the ladder offers next (None at SP III or when closed)."""
    done = {step.tingkat for step in kasus.langkah.all()}
    if kasus.selesai:
        return None
    return next((t for t in URUTAN if t not in done), None)
