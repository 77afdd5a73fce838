"""Reads, filtered to what the requesting user may see."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone
from django_fsm import can_proceed, has_transition_perm

from dukcapil.db_router import replica_reads

from .choices import FINAL_STATUSES, KategoriBatal, Status
from .models import BatchTTEItem, Berkas, Dokumen, KartuKendali, Pengambilan
from .services import ACTIONS, Action
from .tte.signable import Signable
from .workflow.models import WorkflowRecord, WorkItem
from .workflow.permissions import Aksi, actions_of, bidang_filter, can
from .workflow.services import records_of


def berkas_visible_to(user) -> QuerySet[Berkas]:
    return Berkas.objects.filter(bidang_filter(user, Aksi.LIHAT))


def work_items(user) -> QuerySet[WorkItem]:
    """Open work items the user holds, over every record type: one indexed query.

    An item is held by whoever has its action in its bidang (permissions table), or by the person
    it names (a disposisi to someone)."""
    held = Q(pengguna=user)
    for aksi in actions_of(user):
        held |= Q(aksi=aksi, pengguna__isnull=True) & bidang_filter(user, aksi)
    if not user.is_authenticated:
        return WorkItem.objects.none()
    return WorkItem.objects.filter(held, selesai_pada__isnull=True).order_by("sejak", "pk")


def inbox(user, limit: int = 100, offset: int = 0) -> list["InboxRow"]:
    """The kotak masuk: every record type side by side, oldest first (one query per record type);
    ``offset`` for its later pages."""
    items = list(work_items(user)[offset : offset + limit])
    records_of(items, {Berkas: Berkas.objects.select_related("layanan", "bidang")})
    return inbox_rows([i.record for i in items if i.record is not None])


@dataclass(frozen=True)
class InboxRow:
    record: WorkflowRecord
    age: timedelta
    standard_minutes: int | None

    today: date | None = None
    ref: str = ""  # «<content type>-<pk>» when the Kadis can tick it for TTE

    @property
    def overdue(self) -> bool:
        return self.standard_minutes is not None and self.age > timedelta(minutes=self.standard_minutes)

    @property
    def past_deadline(self) -> bool:
        return self.record.tenggat is not None and self.today is not None and self.today > self.record.tenggat


def inbox_rows(records, now: datetime | None = None) -> list[InboxRow]:
    now = now or timezone.now()
    today = timezone.localdate(now)
    return [InboxRow(r, r.age_in_status(now), r.standard_minutes(), today, _tte_ref(r)) for r in records]


def tte_resign_refs(rows: list[InboxRow]) -> set[str]:
    """The refs of kotak masuk rows back in «tte» because their last batch's signing session ended
    before the documents were made (SESI_BERAKHIR): the Kadis must sign them again. One query."""
    from .tte.services import SESI_BERAKHIR

    wanted: dict[int, list[int]] = {}
    for row in rows:
        if row.ref:
            ct_id, _, pk = row.ref.partition("-")
            wanted.setdefault(int(ct_id), []).append(int(pk))
    if not wanted:
        return set()
    scope = Q()
    for ct_id, pks in wanted.items():
        scope |= Q(content_type_id=ct_id, object_id__in=pks)
    newest = BatchTTEItem.objects.filter(scope).values("content_type_id", "object_id").annotate(pk_max=Max("pk"))
    last = BatchTTEItem.objects.filter(pk__in=newest.values("pk_max")).values_list(
        "content_type_id", "object_id", "status", "pesan"
    )
    return {
        f"{ct_id}-{pk}"
        for ct_id, pk, status, pesan in last
        if status == BatchTTEItem.Status.GAGAL and pesan == SESI_BERAKHIR
    }


def _tte_ref(record) -> str:
    if isinstance(record, Signable) and record.status == record.TTE_STATUS:
        return f"{ContentType.objects.get_for_model(record).pk}-{record.pk}"
    return ""


@dataclass(frozen=True)
class TimelineRow:
    entry: KartuKendali
    dari_label: str
    ke_label: str
    durasi: timedelta
    standard_minutes: int | None

    @property
    def over_standard(self) -> bool:
        return self.standard_minutes is not None and self.durasi > timedelta(minutes=self.standard_minutes)


def timeline_rows(cards, labels: dict, standar_waktu: dict) -> list[TimelineRow]:
    """Kartu kendali rows of any record with the time spent beside the SOP's standard minutes."""
    return [
        TimelineRow(
            entry=entry,
            dari_label=labels.get(entry.dari_status, entry.dari_status),
            ke_label=labels.get(entry.ke_status, entry.ke_status),
            durasi=entry.durasi,
            standard_minutes=standar_waktu.get(entry.dari_status),
        )
        for entry in cards
    ]


def berkas_timeline(berkas: Berkas) -> list[TimelineRow]:
    cards = berkas.kartu_kendali.select_related("pelaku").order_by("waktu", "pk")
    return timeline_rows(cards, dict(Status.choices), berkas.standar_waktu)


def berkas_can_resubmit(berkas: Berkas, user) -> bool:
    return berkas.status == Status.DIKEMBALIKAN and can(user, Aksi.TERIMA, berkas.bidang_id)


def berkas_can_enter_data(berkas: Berkas, user) -> bool:
    return berkas.status in (Status.DITERIMA, Status.PERBAIKAN, Status.MENUNGGU_KONFIRMASI) and can(
        user, Aksi.ENTRI, berkas.bidang_id
    )


def berkas_available_actions(berkas: Berkas, user) -> list[Action]:
    if not can(user, Aksi.LIHAT, berkas.bidang_id):
        return []
    available = []
    for action in ACTIONS.values():
        bound = getattr(berkas, action.method)
        if can_proceed(bound) and has_transition_perm(bound, user):
            available.append(action)
    return available


@dataclass(frozen=True)
class PublicStatus:
    """What a citizen may see: no names, no NIK, no notes (notes may hold personal data)."""

    nomor_registrasi: str
    layanan: str
    status: str
    status_label: str
    sejak: datetime
    riwayat: list[dict]
    # what the citizen must bring (catalogue names) or why it was cancelled (a category, not the note)
    persyaratan_kurang: list[str]
    alasan_batal: str


@replica_reads
def public_status_lookup(nomor_registrasi: str, nik: str) -> PublicStatus | None:
    """The status only if both nomor and NIK match; None otherwise (same answer either way).

    Two index lookups (berkas with its layanan, then its kartu kendali): cheaper to plan than
    one three-way join (measured with bench/status_endpoint.py).
    """
    berkas = (
        Berkas.objects.filter(nomor_registrasi=nomor_registrasi.strip().upper(), pemohon_nik=nik.strip())
        .values(
            "pk", "nomor_registrasi", "layanan__nama", "status", "status_sejak", "persyaratan_kurang", "kategori_batal"
        )
        .first()
    )
    if berkas is None:
        return None
    labels = dict(Status.choices)
    rows = (
        KartuKendali.objects.filter(content_type=ContentType.objects.get_for_model(Berkas), object_id=berkas["pk"])
        .order_by("waktu", "pk")
        .values_list("ke_status", "waktu")
    )
    return PublicStatus(
        nomor_registrasi=berkas["nomor_registrasi"],
        layanan=berkas["layanan__nama"],
        status=berkas["status"],
        status_label=labels.get(berkas["status"], berkas["status"]),
        sejak=berkas["status_sejak"],
        riwayat=[{"status": labels.get(ke, ke), "waktu": waktu} for ke, waktu in rows],
        persyaratan_kurang=list(berkas["persyaratan_kurang"]) if berkas["status"] == Status.DIKEMBALIKAN else [],
        alasan_batal=KategoriBatal(berkas["kategori_batal"]).label
        if berkas["status"] == Status.DIBATALKAN and berkas["kategori_batal"]
        else "",
    )


def queue_summary(queryset: QuerySet[Berkas]) -> dict:
    # COUNT(*), not COUNT(id): the three counts are then read from the partial index
    # berkas_ringkasan_idx alone (an index-only scan), not from a million-row heap
    active = queryset.exclude(status__in=FINAL_STATUSES)
    return {
        "per_status": list(active.values("status").annotate(jumlah=Count("*")).order_by("status")),
        "per_layanan": list(
            active.values("layanan__kode", "layanan__nama").annotate(jumlah=Count("*")).order_by("layanan__kode")
        ),
        "per_bidang": list(
            active.values("bidang__kode", "bidang__nama").annotate(jumlah=Count("*")).order_by("bidang__kode")
        ),
    }


def buku_pengambilan(user, tanggal: date) -> list[Pengambilan]:
    """One day of the register pengambilan in the bidang where the user hands documents over, in
    order: berkas, layanan, petugas and the documents (without the resi) in two queries."""
    start = timezone.make_aware(datetime.combine(tanggal, time.min))
    return list(
        Pengambilan.objects.filter(
            bidang_filter(user, Aksi.SERAHKAN, "berkas__bidang_id"),
            waktu__gte=start,
            waktu__lt=start + timedelta(days=1),
        )
        .select_related("berkas__layanan", "petugas")
        .prefetch_related(Prefetch("berkas__dokumen", queryset=Dokumen.objects.exclude(jenis="resi").order_by("pk")))
        .order_by("waktu", "pk")
    )
