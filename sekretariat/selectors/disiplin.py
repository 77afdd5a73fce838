"""Reads of disiplin: the cases with their steps (open, closed or all)."""

from django.db.models import Prefetch, Q, QuerySet

from ..models.disiplin import URUTAN, KasusDisiplin, LangkahDisiplin

STATUS_KASUS = {"terbuka": False, "selesai": True}


def kasus_list(q: str = "", status: str = "") -> QuerySet:
    """``status``: «terbuka», «selesai» or anything else for all."""
    rows = KasusDisiplin.objects.select_related("pegawai", "ditutup_oleh").prefetch_related(
        Prefetch(
            "langkah",
            queryset=LangkahDisiplin.objects.select_related("naskah", "dicatat_oleh").order_by("tanggal", "pk"),
        )
    )
    if q:
        rows = rows.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__contains=q))
    if status in STATUS_KASUS:
        rows = rows.filter(selesai=STATUS_KASUS[status])
    return rows.order_by("selesai", "-dibuka_pada")


def langkah_berikut(kasus: KasusDisiplin) -> str | None:
    """The one step the ladder offers next (None at SP III or when closed)."""
    done = {step.tingkat for step in kasus.langkah.all()}
    if kasus.selesai:
        return None
    return next((t for t in URUTAN if t not in done), None)
