"""Reads, filtered to what the requesting user may see."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone
from django_fsm import can_proceed, has_transition_perm

from .choices import FINAL_STATUSES, Status
from .models import Berkas, KartuKendali, user_can_access_bidang, user_has_role_perm
from .services import ACTIONS, Action

# Which role permission works each state in the kotak masuk.
INBOX_PERMISSION = {
    Status.DIKEMBALIKAN: "terima_berkas",
    Status.MENUNGGU_KONFIRMASI: "entri_berkas",
    Status.DITERIMA: "entri_berkas",
    Status.PERBAIKAN: "entri_berkas",
    Status.VERIFIKASI: "verifikasi_berkas",
    Status.VALIDASI: "validasi_berkas",
    Status.TTE: "tte_berkas",
    Status.SIAP_DIAMBIL: "serahkan_berkas",
}


def berkas_visible_to(user) -> QuerySet[Berkas]:
    qs = Berkas.objects.all()
    if not user.is_authenticated or not user.has_perm("dukcapil.view_berkas"):
        return qs.none()
    if user.is_superuser or user.bidang_id is None:
        return qs
    return qs.filter(bidang_id=user.bidang_id)


def inbox_statuses(user) -> list[str]:
    perms = user.get_all_permissions()
    return [s for s, codename in INBOX_PERMISSION.items() if f"dukcapil.{codename}" in perms]


def berkas_inbox(user) -> QuerySet[Berkas]:
    """Berkas waiting for this user's role in their bidang, oldest first."""
    return (
        berkas_visible_to(user)
        .filter(status__in=inbox_statuses(user))
        .select_related("layanan", "bidang")
        .order_by("status_sejak", "pk")
    )


@dataclass(frozen=True)
class InboxRow:
    berkas: Berkas
    age: timedelta
    standard_minutes: int | None

    today: date | None = None

    @property
    def overdue(self) -> bool:
        return self.standard_minutes is not None and self.age > timedelta(minutes=self.standard_minutes)

    @property
    def past_deadline(self) -> bool:
        return self.berkas.tenggat is not None and self.today is not None and self.today > self.berkas.tenggat


def inbox_rows(berkas_list, now: datetime | None = None) -> list[InboxRow]:
    now = now or timezone.now()
    today = timezone.localdate(now)
    return [InboxRow(b, b.age_in_status(now), b.standard_minutes(), today) for b in berkas_list]


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


def berkas_timeline(berkas: Berkas) -> list[TimelineRow]:
    labels = dict(Status.choices)
    rows = []
    for entry in berkas.kartu_kendali.select_related("pelaku").order_by("waktu", "pk"):
        rows.append(
            TimelineRow(
                entry=entry,
                dari_label=labels.get(entry.dari_status, entry.dari_status),
                ke_label=labels.get(entry.ke_status, entry.ke_status),
                durasi=entry.durasi,
                standard_minutes=berkas.standar_waktu.get(entry.dari_status),
            )
        )
    return rows


def berkas_can_resubmit(berkas: Berkas, user) -> bool:
    return (
        berkas.status == Status.DIKEMBALIKAN
        and user_has_role_perm(user, "terima_berkas")
        and user_can_access_bidang(user, berkas.bidang_id)
    )


def berkas_can_enter_data(berkas: Berkas, user) -> bool:
    return (
        berkas.status in (Status.DITERIMA, Status.PERBAIKAN, Status.MENUNGGU_KONFIRMASI)
        and user_has_role_perm(user, "entri_berkas")
        and user_can_access_bidang(user, berkas.bidang_id)
    )


def berkas_available_actions(berkas: Berkas, user) -> list[Action]:
    if not user_can_access_bidang(user, berkas.bidang_id):
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


def public_status_lookup(nomor_registrasi: str, nik: str) -> PublicStatus | None:
    """The status only if both nomor and NIK match; None otherwise (same answer either way).

    Two index lookups (berkas with its layanan, then its kartu kendali): cheaper to plan than
    one three-way join (measured with bench/status_endpoint.py).
    """
    berkas = (
        Berkas.objects.filter(nomor_registrasi=nomor_registrasi.strip().upper(), pemohon_nik=nik.strip())
        .values("pk", "nomor_registrasi", "layanan__nama", "status", "status_sejak")
        .first()
    )
    if berkas is None:
        return None
    labels = dict(Status.choices)
    rows = KartuKendali.objects.filter(berkas_id=berkas["pk"]).order_by("waktu", "pk").values_list("ke_status", "waktu")
    return PublicStatus(
        nomor_registrasi=berkas["nomor_registrasi"],
        layanan=berkas["layanan__nama"],
        status=berkas["status"],
        status_label=labels.get(berkas["status"], berkas["status"]),
        sejak=berkas["status_sejak"],
        riwayat=[{"status": labels.get(ke, ke), "waktu": waktu} for ke, waktu in rows],
    )


def queue_summary(queryset: QuerySet[Berkas]) -> dict:
    active = queryset.exclude(status__in=FINAL_STATUSES)
    return {
        "per_status": list(active.values("status").annotate(jumlah=Count("pk")).order_by("status")),
        "per_layanan": list(
            active.values("layanan__kode", "layanan__nama").annotate(jumlah=Count("pk")).order_by("layanan__kode")
        ),
        "per_bidang": list(
            active.values("bidang__kode", "bidang__nama").annotate(jumlah=Count("pk")).order_by("bidang__kode")
        ),
    }
