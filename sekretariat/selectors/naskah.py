"""Reads of naskah dinas keluar, filtered to what the user may see."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from dukcapil.selectors import TimelineRow, timeline_rows
from dukcapil.workflow.models import KartuKendali
from dukcapil.workflow.permissions import Aksi, bidang_filter

from ..models import Disposisi, SuratMasuk
from ..models.naskah import Ekspedisi, Naskah, StatusNaskah

_ROUTE = (Aksi.PERIKSA_NASKAH, Aksi.PARAF_NASKAH, Aksi.NOMOR_NASKAH, Aksi.TTE)
_SEE = (Aksi.LIHAT, Aksi.KONSEP_NASKAH, *_ROUTE)


def _any(filters: list[Q]) -> Q | None:
    """The union of bidang filters; None when one of them is every bidang (an empty Q)."""
    if any(not f for f in filters):
        return None
    scope = Q(pk__in=[])
    for f in filters:
        scope |= f
    return scope


def naskah_visible(user) -> QuerySet[Naskah]:
    """Naskah of the bidang where the user holds a naskah action (or sees records), and their own konsep.

    A reply to a rahasia surat masuk is visible only to its author, the naskah's own route
    (periksa, paraf, nomor, TTE) and the letter's chain; other readers of the bidang do not see it."""
    from .surat_masuk import dalam_rantai

    route, see = _any([bidang_filter(user, a) for a in _ROUTE]), _any([bidang_filter(user, a) for a in _SEE])
    if route is None:  # the route acts office-wide (the Kasubag, the Agendaris, the Kadis)
        return Naskah.objects.all()
    rahasia = Disposisi.objects.filter(pk=OuterRef("membalas_disposisi_id"), surat__sifat="rahasia")
    chain = SuratMasuk.objects.filter(dalam_rantai(user)).values("pk")
    scope = Q(pembuat=user) | Q(_rahasia=True, membalas_disposisi__surat_id__in=chain) | route
    scope |= Q(_rahasia=False) & see if see is not None else Q(_rahasia=False)
    return Naskah.objects.annotate(_rahasia=Exists(rahasia)).filter(scope)


def balasan_surat(surat) -> list[Naskah]:
    """The naskah answering a surat masuk's disposisi (withdrawn ones left out), oldest first."""
    return list(
        Naskah.objects.filter(membalas_disposisi__surat=surat)
        .exclude(status=StatusNaskah.DITARIK)
        .select_related("membalas_disposisi__kepada")
        .order_by("dibuat_pada", "pk")
    )


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
