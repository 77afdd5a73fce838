"""Reads of naskah dinas keluar, filtered to what the user may see."""

from datetime import date

from django.db.models import Q, QuerySet

from dukcapil.selectors import TimelineRow, timeline_rows
from dukcapil.workflow.models import KartuKendali
from dukcapil.workflow.permissions import Aksi, bidang_filter

from ..models.naskah import Ekspedisi, Naskah, StatusNaskah

_SEE = (Aksi.LIHAT, Aksi.KONSEP_NASKAH, Aksi.PERIKSA_NASKAH, Aksi.PARAF_NASKAH, Aksi.NOMOR_NASKAH, Aksi.TTE)


def naskah_visible(user) -> QuerySet[Naskah]:
    """Naskah of the bidang where the user holds a naskah action (or sees records), and their own konsep."""
    filters = [bidang_filter(user, aksi) for aksi in _SEE]
    if any(not f for f in filters):  # an empty Q: every bidang
        return Naskah.objects.all()
    scope = Q(pembuat=user)
    for f in filters:
        scope |= f
    return Naskah.objects.filter(scope)


def naskah_list(user, *, q: str = "", status: str = "") -> QuerySet[Naskah]:
    qs = naskah_visible(user).select_related("jenis", "bidang", "pembuat")
    if status:
        qs = qs.filter(status=status)
    return _search(qs, q, *_NASKAH_TEXT)


def _search(qs: QuerySet, q: str, *fields: str) -> QuerySet:
    if not q:
        return qs
    match = Q()
    for field in fields:
        match |= Q(**{f"{field}__icontains": q})
    return qs.filter(match)


def _in_period(qs: QuerySet, field: str, dari: date | None, sampai: date | None) -> QuerySet:
    bounds = {f"{field}__gte": dari, f"{field}__lte": sampai}
    return qs.filter(**{k: v for k, v in bounds.items() if v})


_NASKAH_TEXT = ("hal", "nomor_naskah", "tujuan_nama")


def agenda_keluar(user, *, dari: date | None, sampai: date | None, q: str = "") -> QuerySet[Naskah]:
    """Buku agenda surat keluar: numbered naskah in the period, by number."""
    qs = naskah_visible(user).filter(nomor_urut__isnull=False).select_related("jenis", "klasifikasi", "pembuat")
    qs = _search(_in_period(qs, "tanggal_naskah", dari, sampai), q, *_NASKAH_TEXT)
    return qs.order_by("tahun_nomor", "nomor_urut")


def buku_ekspedisi(user, *, dari: date | None, sampai: date | None, q: str = "") -> QuerySet[Ekspedisi]:
    qs = Ekspedisi.objects.filter(naskah__in=naskah_visible(user)).select_related("naskah", "dicatat_oleh")
    qs = _search(_in_period(qs, "tanggal", dari, sampai), q, "penerima", *(f"naskah__{f}" for f in _NASKAH_TEXT))
    return qs.order_by("tanggal", "pk")


def naskah_timeline(naskah: Naskah) -> list[TimelineRow]:
    """The kartu kendali with each step's actual time beside the SOP's."""
    cards = KartuKendali.objects.filter(
        content_type__app_label="sekretariat", content_type__model="naskah", object_id=naskah.pk
    ).select_related("pelaku")
    return timeline_rows(cards.order_by("waktu", "pk"), dict(StatusNaskah.choices), naskah.standar_waktu)
