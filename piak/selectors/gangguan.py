"""Reads of gangguan: the tickets a user may see, the banner at the counter and the monthly
monitoring figures (counts, median/max, merged downtime intervals)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Max, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from dukcapil.aggregates import Median
from dukcapil.documents.common import format_tanggal, format_tanggal_waktu
from dukcapil.models import Layanan
from dukcapil.registry import InboxNotice
from dukcapil.workflow.permissions import Aksi, can_in_bidang
from sekretariat.selectors.surat_masuk import timeline
from sekretariat.services.perencanaan import BULAN

from ..models.gangguan import TERBUKA, Gangguan, KategoriGangguan, LaporanMonitoring, StatusGangguan

BIDANG_PIAK = "piak"


def boleh_tangani(user) -> bool:
    return can_in_bidang(user, Aksi.GANGGUAN_TANGANI, BIDANG_PIAK)


def boleh_rekap(user) -> bool:
    return can_in_bidang(user, Aksi.GANGGUAN_REKAP, BIDANG_PIAK)


def gangguan_list(user, *, status: str = "", q: str = "") -> QuerySet[Gangguan]:
    """PIAK and the leaders see every ticket; any other officer their own reports."""
    qs = Gangguan.objects.select_related("pelapor", "layanan", "rekanan")
    if not boleh_rekap(user):
        qs = qs.filter(pelapor=user)
    if status == "terbuka":
        qs = qs.filter(status__in=TERBUKA)
    elif status in StatusGangguan.values:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(lokasi__icontains=q) | Q(uraian__icontains=q) | Q(nomor_tiket__icontains=q))
    return qs.order_by("-dilaporkan_pada", "-pk")


def gangguan_for(user, pk: int) -> Gangguan:
    found = gangguan_list(user).select_related("petugas", "spj_naskah").filter(pk=pk).first()
    if found is None:
        raise Http404("Laporan gangguan tidak ditemukan.")
    return found


def gangguan_timeline(gangguan: Gangguan):
    return timeline(gangguan, dict(StatusGangguan.choices))


def durasi_teks(value: timedelta | None) -> str:
    """«2 hari 3 jam 5 menit» (whole minutes)."""
    if value is None:
        return "-"
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = (
        [f"{days} hari"] * bool(days)
        + [f"{hours} jam"] * bool(hours)
        + [f"{mins} menit"] * bool(mins or not days and not hours)
    )
    return " ".join(parts)


# --- the banner at the counter -------------------------------------------------------------------


def layanan_terhenti() -> list[Gangguan]:
    """Open incidents that stop a layanan, oldest first: one query on the partial index."""
    return list(
        Gangguan.objects.filter(terhenti=True, status__in=TERBUKA).select_related("layanan").order_by("mulai", "pk")
    )


def pemberitahuan_layanan_terhenti(user) -> InboxNotice | None:
    """The line above every officer's kotak masuk and intake pages while a layanan is stopped."""
    if not user.is_authenticated:
        return None
    rows = layanan_terhenti()
    if not rows:
        return None
    parts = [
        f"{g.layanan.nama if g.layanan_id else 'semua layanan'} sejak {format_tanggal_waktu(g.mulai)} "
        f"({g.get_kategori_display().lower()}, {g.lokasi})"
        for g in rows
    ]
    return InboxNotice(
        text="Layanan terhenti: " + "; ".join(parts) + ".", url=reverse("piak:gangguan-list") + "?status=terbuka"
    )


# --- the monthly monitoring report ---------------------------------------------------------------


@dataclass(frozen=True)
class RekapBulan:
    tahun: int
    bulan: int
    per_kategori: list[tuple[str, int]]  # (kategori label, count) for every kategori
    downtime: list[tuple[str, timedelta]]  # (layanan, merged time stopped within the month)
    median: timedelta | None
    maksimum: timedelta | None
    selesai: int
    terbuka_akhir_bulan: int

    @property
    def judul_bulan(self) -> str:
        return f"{BULAN[self.bulan]} {self.tahun}"

    @property
    def jumlah(self) -> int:
        return sum(n for _, n in self.per_kategori)


def batas_bulan(tahun: int, bulan: int) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's, in the office's time zone."""
    tz = timezone.get_current_timezone()
    start = datetime(tahun, bulan, 1, tzinfo=tz)
    end = datetime(tahun + bulan // 12, bulan % 12 + 1, 1, tzinfo=tz)
    return start, end


def downtime_bulan(start: datetime, end: datetime, now: datetime | None = None) -> dict[int | None, timedelta]:
    """Time each layanan stood still within the month: its «layanan terhenti» intervals clipped to
    the month (an open incident counts until now) and merged where they overlap. NULL layanan:
    «semua layanan». A month holds a handful of such incidents, read in one query."""
    now = now or timezone.now()
    rows = (
        Gangguan.objects.filter(terhenti=True, mulai__lt=end)
        .filter(Q(selesai_pada__isnull=True) | Q(selesai_pada__gt=start))
        .order_by("layanan_id", "mulai")
        .values_list("layanan_id", "mulai", "selesai_pada")
    )
    merged: dict[int | None, list[list[datetime]]] = {}
    for layanan_id, mulai, selesai in rows:
        lo, hi = max(mulai, start), min(selesai or now, end)
        if hi <= lo:
            continue
        spans = merged.setdefault(layanan_id, [])
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return {k: sum((hi - lo for lo, hi in spans), timedelta()) for k, spans in merged.items()}


def rekap_bulan(tahun: int, bulan: int, now: datetime | None = None) -> RekapBulan:
    start, end = batas_bulan(tahun, bulan)
    counts = dict(
        Gangguan.objects.filter(dilaporkan_pada__gte=start, dilaporkan_pada__lt=end)
        .values_list("kategori")
        .annotate(n=Count("pk"))
        .order_by()
    )
    durasi = ExpressionWrapper(F("selesai_pada") - F("dilaporkan_pada"), output_field=DurationField())
    stats = Gangguan.objects.filter(selesai_pada__gte=start, selesai_pada__lt=end).aggregate(
        median=Median(durasi), maksimum=Max(durasi), selesai=Count("pk")
    )
    terbuka = (
        Gangguan.objects.filter(dilaporkan_pada__lt=end)
        .filter(Q(selesai_pada__isnull=True) | Q(selesai_pada__gte=end))
        .count()
    )
    down = downtime_bulan(start, end, now)
    names = dict(Layanan.objects.filter(pk__in=[k for k in down if k]).values_list("pk", "nama"))
    downtime = sorted(((names.get(k, "Semua layanan") if k else "Semua layanan", v) for k, v in down.items()))
    return RekapBulan(
        tahun=tahun,
        bulan=bulan,
        per_kategori=[(label, counts.get(value, 0)) for value, label in KategoriGangguan.choices],
        downtime=downtime,
        median=stats["median"],
        maksimum=stats["maksimum"],
        selesai=stats["selesai"],
        terbuka_akhir_bulan=terbuka,
    )


def laporan_bulan(tahun: int, bulan: int) -> LaporanMonitoring | None:
    return LaporanMonitoring.objects.select_related("naskah").filter(tahun=tahun, bulan=bulan).first()


def rekap_rows(rekap: RekapBulan) -> list[list]:
    """The report as one table (page, XLSX): section, item, value."""
    rows = [["Gangguan per kategori", label, n] for label, n in rekap.per_kategori]
    rows += [["Lama layanan terhenti", nama, durasi_teks(d)] for nama, d in rekap.downtime]
    rows += [
        ["Penyelesaian", "Jumlah diselesaikan", rekap.selesai],
        ["Penyelesaian", "Median waktu penyelesaian", durasi_teks(rekap.median)],
        ["Penyelesaian", "Waktu penyelesaian terlama", durasi_teks(rekap.maksimum)],
        [
            "Akhir bulan",
            f"Masih terbuka pada {format_tanggal(batas_bulan(rekap.tahun, rekap.bulan)[1] - timedelta(days=1))}",
            rekap.terbuka_akhir_bulan,
        ],
    ]
    return rows
