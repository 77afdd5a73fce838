"""Reads of surat masuk and disposisi, filtered to what the user may see.

A rahasia letter is visible only to its chain (whoever recorded it, held a step of it, gave or
received a disposisi of it): anyone else gets 404 and, in the agenda book, a row without perihal
and asal.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dukcapil.models import KartuKendali
from dukcapil.selectors import TimelineRow
from dukcapil.workflow.models import WorkItem

from ..models import Disposisi, SifatSurat, StatusSuratMasuk, SuratMasuk
from ..services.surat_masuk import PEMBACA_AGENDA, _roles


def _in_period(qs: QuerySet, field: str, periode: "Periode") -> QuerySet:
    bounds = {f"{field}__gte": periode.dari, f"{field}__lte": periode.sampai}
    return qs.filter(**{k: v for k, v in bounds.items() if v})


def dalam_rantai(user) -> Q:
    """Letters ``user`` is in the chain of: recorded it, held a step of it, gave or received its disposisi."""
    ct = ContentType.objects.get_for_model(SuratMasuk)
    held = WorkItem.objects.filter(content_type=ct, object_id=OuterRef("pk"), pengguna=user)
    given = Disposisi.objects.filter(Q(kepada=user) | Q(dari=user), surat=OuterRef("pk"))
    return Q(dicatat_oleh=user) | Q(Exists(held)) | Q(Exists(given))


def pembaca_agenda(user) -> bool:
    return user.is_authenticated and user.is_active and bool(_roles(user) & PEMBACA_AGENDA)


def surat_visible_to(user) -> QuerySet[SuratMasuk]:
    """Letters the user may open: the agenda's readers see every letter but rahasia ones outside
    their chain; other staff only letters they are in the chain of."""
    if not (user.is_authenticated and user.is_active):
        return SuratMasuk.objects.none()
    chain = dalam_rantai(user)
    if pembaca_agenda(user):
        return SuratMasuk.objects.filter(~Q(sifat=SifatSurat.RAHASIA) | chain)
    return SuratMasuk.objects.filter(chain)


def surat_for(user, pk: int) -> SuratMasuk:
    surat = surat_visible_to(user).select_related("asal", "dicatat_oleh").filter(pk=pk).first()
    if surat is None:
        raise Http404("Surat masuk tidak ditemukan.")
    return surat


def disposisi_for(user, pk: int) -> Disposisi:
    disposisi = (
        Disposisi.objects.select_related("surat", "surat__asal", "dari", "kepada", "induk")
        .filter(pk=pk, surat__in=surat_visible_to(user))
        .first()
    )
    if disposisi is None:
        raise Http404("Disposisi tidak ditemukan.")
    return disposisi


def disposisi_tree(surat: SuratMasuk) -> list[tuple[int, Disposisi]]:
    """Every disposisi of the letter as (depth, row), each followed by those passed down from it."""
    rows = list(surat.disposisi.select_related("dari", "kepada").prefetch_related("instruksi").order_by("dibuat", "pk"))
    children: dict[int | None, list[Disposisi]] = {}
    for row in rows:
        children.setdefault(row.induk_id, []).append(row)
    ordered: list[tuple[int, Disposisi]] = []

    def walk(parent: int | None, depth: int) -> None:
        for row in children.get(parent, []):
            ordered.append((depth, row))
            walk(row.pk, depth + 1)

    walk(None, 0)
    return ordered


def timeline(record, labels: dict[str, str]) -> list[TimelineRow]:
    """The kartu kendali of a surat masuk or disposisi: each step's actual time beside the SOP's."""
    ct = ContentType.objects.get_for_model(record)
    return [
        TimelineRow(
            entry=entry,
            dari_label=labels.get(entry.dari_status, entry.dari_status or "-"),
            ke_label=labels.get(entry.ke_status, entry.ke_status),
            durasi=entry.durasi,
            # the first card (no stage before it) takes the SOP time of its own step («catat»)
            standard_minutes=record.standar_waktu.get(entry.dari_status or entry.transisi),
        )
        for entry in KartuKendali.objects.filter(content_type=ct, object_id=record.pk)
        .select_related("pelaku")
        .order_by("waktu", "pk")
    ]


def surat_timeline(surat: SuratMasuk) -> list[TimelineRow]:
    return timeline(surat, dict(StatusSuratMasuk.choices))


# --- registers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Periode:
    dari: date | None = None
    sampai: date | None = None
    q: str = ""


@dataclass(frozen=True)
class AgendaRow:
    surat: SuratMasuk
    tersamar: bool  # rahasia and the reader is outside its chain: no perihal, no asal

    @property
    def perihal(self) -> str:
        return "RAHASIA" if self.tersamar else self.surat.perihal

    @property
    def asal(self) -> str:
        return "RAHASIA" if self.tersamar else self.surat.asal.nama

    @property
    def nomor_surat(self) -> str:
        return "-" if self.tersamar else self.surat.nomor_surat


def buku_agenda(user, periode: Periode, limit: int = 1000) -> list[AgendaRow]:
    """The buku agenda surat masuk: every letter in the period; rahasia rows masked outside the chain.

    One query (the chain is an annotation). Search matches perihal, asal, nomor surat only on rows
    the reader may read, so a search never reveals a rahasia letter's subject."""
    if pembaca_agenda(user):
        qs = SuratMasuk.objects.all()
    else:
        qs = surat_visible_to(user)
    qs = qs.annotate(_rantai=dalam_rantai(user)).select_related("asal")
    qs = _in_period(qs, "tanggal_terima", periode)
    if periode.q:
        term = periode.q.strip()
        match = Q(perihal__icontains=term) | Q(asal__nama__icontains=term) | Q(nomor_surat__icontains=term)
        readable = ~Q(sifat=SifatSurat.RAHASIA) | Q(_rantai=True)
        found = match & readable
        if term.isdigit():
            found |= Q(nomor_agenda=int(term))
        qs = qs.filter(found)
    qs = qs.order_by("tahun", "nomor_agenda")[:limit]
    return [AgendaRow(s, s.rahasia and not s._rantai) for s in qs]


@dataclass(frozen=True)
class DisposisiRow:
    disposisi: Disposisi
    tersamar: bool
    terlambat: bool

    @property
    def perihal(self) -> str:
        return "RAHASIA" if self.tersamar else self.disposisi.surat.perihal


def _disposisi_rows(qs: QuerySet[Disposisi], user) -> list[DisposisiRow]:
    today = timezone.localdate()
    in_chain = set(
        SuratMasuk.objects.filter(dalam_rantai(user), pk__in={d.surat_id for d in qs}).values_list("pk", flat=True)
    )
    return [DisposisiRow(d, d.surat.rahasia and d.surat_id not in in_chain, d.terlambat(today)) for d in qs]


def disposisi_terbuka(user, periode: Periode, kepada_id: int | None = None, limit: int = 1000) -> list[DisposisiRow]:
    """The register of disposisi still open, per person (readers of the agenda see everyone's;
    others see those they received or gave). Two queries."""
    qs = Disposisi.objects.filter(status__in=Disposisi.TERBUKA_STATUSES)
    if not pembaca_agenda(user):
        qs = qs.filter(Q(kepada=user) | Q(dari=user))
    if kepada_id:
        qs = qs.filter(kepada_id=kepada_id)
    qs = _in_period(qs, "dibuat__date", periode)
    if periode.q:
        term = periode.q.strip()
        qs = qs.filter(
            Q(kepada__first_name__icontains=term)
            | Q(kepada__last_name__icontains=term)
            | Q(kepada__username__icontains=term)
            | (Q(surat__perihal__icontains=term) & ~Q(surat__sifat=SifatSurat.RAHASIA))
        )
    qs = qs.select_related("surat", "dari", "kepada").order_by("kepada__first_name", "kepada_id", "dibuat")
    return _disposisi_rows(list(qs[:limit]), user)


def disposisi_diberikan(user, limit: int = 500) -> list[DisposisiRow]:
    """The disposisi ``user`` gave, open first, the overdue ones flagged."""
    qs = Disposisi.objects.filter(dari=user).select_related("surat", "kepada").order_by("-dibuat", "-pk")
    rows = _disposisi_rows(list(qs[:limit]), user)
    return sorted(rows, key=lambda r: (not r.terlambat, not r.disposisi.terbuka))


def disposisi_terlambat_diberikan(user) -> int:
    """How many disposisi the user gave are past their batas waktu and still open (kotak masuk banner)."""
    return Disposisi.objects.filter(
        dari=user, status__in=Disposisi.TERBUKA_STATUSES, batas_waktu__lt=timezone.localdate()
    ).count()


def pemberitahuan_disposisi_terlambat(user):
    """The kotak masuk banner of whoever gives disposisi: how many they gave are overdue (one
    query, only for holders of «disposisi»; nothing when none is overdue)."""
    from django.urls import reverse

    from dukcapil.registry import InboxNotice
    from dukcapil.workflow.permissions import Aksi, can

    if not can(user, Aksi.DISPOSISI):
        return None
    n = disposisi_terlambat_diberikan(user)
    if not n:
        return None
    return InboxNotice(
        f"{n} disposisi yang Anda berikan melewati batas waktu", reverse("sekretariat:disposisi-diberikan")
    )


def surat_list(user, periode: Periode, limit: int = 200) -> QuerySet[SuratMasuk]:
    qs = surat_visible_to(user).select_related("asal")
    qs = _in_period(qs, "tanggal_terima", periode)
    return qs.order_by("-tahun", "-nomor_agenda")[:limit]
