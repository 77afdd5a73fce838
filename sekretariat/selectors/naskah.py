"""Reads of naskah dinas keluar, filtered to what the user may see."""

from datetime import date

from django.db.models import Q, QuerySet

from dukcapil.selectors import TimelineRow
from dukcapil.workflow.models import KartuKendali
from dukcapil.workflow.permissions import Aksi, bidang_filter

from ..models.naskah import Ekspedisi, Naskah, StatusNaskah

_SEE = (Aksi.LIHAT, Aksi.KONSEP_NASKAH, Aksi.PERIKSA_NASKAH, Aksi.PARAF_NASKAH, Aksi.NOMOR_NASKAH, Aksi.TTE)


def naskah_visible(user) -> QuerySet[Naskah]:
    """Naskah of the bidang where the user holds a naskah action (or sees records), and their own konsep."""
    scope = Q(pembuat=user)
    for aksi in _SEE:
        scope |= bidang_filter(user, aksi)
    return Naskah.objects.filter(scope)


def naskah_list(user, *, q: str = "", status: str = "") -> QuerySet[Naskah]:
    qs = naskah_visible(user).select_related("jenis", "bidang", "pembuat")
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(hal__icontains=q) | Q(nomor_naskah__icontains=q) | Q(tujuan_nama__icontains=q))
    return qs


def agenda_keluar(user, *, dari: date | None, sampai: date | None, q: str = "") -> QuerySet[Naskah]:
    """Buku agenda surat keluar: numbered naskah in the period, by number."""
    qs = naskah_visible(user).filter(nomor_urut__isnull=False).select_related("jenis", "klasifikasi", "pembuat")
    if dari:
        qs = qs.filter(tanggal_naskah__gte=dari)
    if sampai:
        qs = qs.filter(tanggal_naskah__lte=sampai)
    if q:
        qs = qs.filter(Q(hal__icontains=q) | Q(nomor_naskah__icontains=q) | Q(tujuan_nama__icontains=q))
    return qs.order_by("tahun_nomor", "nomor_urut")


def buku_ekspedisi(user, *, dari: date | None, sampai: date | None, q: str = "") -> QuerySet[Ekspedisi]:
    qs = Ekspedisi.objects.filter(naskah__in=naskah_visible(user)).select_related("naskah", "dicatat_oleh")
    if dari:
        qs = qs.filter(tanggal__gte=dari)
    if sampai:
        qs = qs.filter(tanggal__lte=sampai)
    if q:
        qs = qs.filter(Q(penerima__icontains=q) | Q(naskah__nomor_naskah__icontains=q) | Q(naskah__hal__icontains=q))
    return qs.order_by("tanggal", "pk")


def naskah_timeline(naskah: Naskah) -> list[TimelineRow]:
    """The kartu kendali with each step's actual time beside the SOP's."""
    labels = dict(StatusNaskah.choices)
    cards = (
        KartuKendali.objects.filter(
            content_type__app_label="sekretariat", content_type__model="naskah", object_id=naskah.pk
        )
        .select_related("pelaku")
        .order_by("waktu", "pk")
    )
    return [
        TimelineRow(
            entry=c,
            dari_label=labels.get(c.dari_status, c.dari_status),
            ke_label=labels.get(c.ke_status, c.ke_status),
            durasi=c.durasi,
            standard_minutes=naskah.standar_waktu.get(c.dari_status),
        )
        for c in cards
    ]
