"""Reads of pengaduan: what each officer may see, the public status, the monthly statistics."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dukcapil.aggregates import Median
from dukcapil.workflow.permissions import Aksi, bidang_filter, can, can_in_bidang
from sekretariat.selectors.surat_masuk import timeline

from ..models import KategoriPengaduan, Pengaduan, SaluranPengaduan, StatusPengaduan

BIDANG_PIAK = "piak"


def boleh_kelola(user) -> bool:
    """PIAK's staff who record, triage, approve and close (they see every ticket)."""
    return user.is_authenticated and any(
        can_in_bidang(user, a, BIDANG_PIAK) for a in (Aksi.PENGADUAN_KELOLA, Aksi.PENGADUAN_SETUJUI)
    )


def boleh_lihat(user) -> bool:
    return boleh_kelola(user) or can(user, Aksi.PENGADUAN_JAWAB)


def pengaduan_visible(user) -> QuerySet[Pengaduan]:
    """Every ticket for PIAK; for another bidang's Kasi/Kabid, those their bidang must answer."""
    qs = Pengaduan.objects.select_related("bidang_penjawab")
    if boleh_kelola(user):
        return qs
    if can(user, Aksi.PENGADUAN_JAWAB):
        return qs.filter(bidang_penjawab__isnull=False).filter(
            bidang_filter(user, Aksi.PENGADUAN_JAWAB, "bidang_penjawab_id")
        )
    return qs.none()


def daftar(user, *, status: str = "", saluran: str = "", q: str = "") -> QuerySet[Pengaduan]:
    qs = pengaduan_visible(user)
    if status in StatusPengaduan.values:
        qs = qs.filter(status=status)
    if saluran in SaluranPengaduan.values:
        qs = qs.filter(saluran=saluran)
    if q:
        qs = qs.filter(nomor_tiket__icontains=q.strip())
    return qs.order_by("-diterima_pada", "-pk")


def pengaduan_for(user, pk: int) -> Pengaduan:
    p = pengaduan_visible(user).select_related("dicatat_oleh", "penjawab").filter(pk=pk).first()
    if p is None:
        raise Http404("Pengaduan tidak ditemukan.")
    return p


def pengaduan_timeline(p: Pengaduan):
    return timeline(p, dict(StatusPengaduan.choices))


# --- monthly statistics ------------------------------------------------------------------------


def _answer_metrics() -> dict:
    dijawab = Q(dijawab_pada__isnull=False)
    return {
        "jumlah": Count("pk"),
        "dijawab": Count("pk", filter=dijawab),
        "tepat_waktu": Count("pk", filter=dijawab & Q(dijawab_pada__date__lte=F("tenggat"))),
        "median": Median(F("dijawab_pada") - F("diterima_pada")),  # NULL (unanswered) rows are skipped
    }


@dataclass(frozen=True)
class Baris:
    label: str
    jumlah: int
    dijawab: int = 0
    tepat_waktu: int = 0
    median: timedelta | None = None

    @property
    def persen_tepat(self) -> float | None:
        """Share of the answered ones answered within the deadline, in percent."""
        return round(100 * self.tepat_waktu / self.dijawab, 1) if self.dijawab else None

    @property
    def median_hari(self) -> float | None:
        return round(self.median.total_seconds() / 86400, 1) if self.median is not None else None


@dataclass(frozen=True)
class Statistik:
    tahun: int
    bulan: int
    total: Baris
    per_saluran: list[Baris]
    per_kategori: list[Baris]
    per_bidang: list[Baris]


def _batas_bulan(tahun: int, bulan: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = date(tahun, bulan, 1)
    end = date(tahun + bulan // 12, bulan % 12 + 1, 1)
    return datetime.combine(start, time.min, tz), datetime.combine(end, time.min, tz)


def statistik_bulan(tahun: int, bulan: int) -> Statistik:
    """Tickets received in the month (Asia/Jakarta): per channel, kategori and answering bidang, with
    the median time to answer and the share answered within the deadline. Four queries."""
    start, end = _batas_bulan(tahun, bulan)
    qs = Pengaduan.objects.filter(diterima_pada__gte=start, diterima_pada__lt=end)
    metrics = _answer_metrics()
    total = Baris("Semua", **qs.aggregate(**metrics))
    saluran = dict(SaluranPengaduan.choices)
    kategori = dict(KategoriPengaduan.choices)

    def rows(field: str, labels) -> list[Baris]:
        found = qs.values(field).annotate(**metrics).order_by(field)
        return [Baris(labels(r.pop(field)), **r) for r in found]

    return Statistik(
        tahun=tahun,
        bulan=bulan,
        total=total,
        per_saluran=rows("saluran", lambda v: saluran.get(v, v)),
        per_kategori=rows("kategori", lambda v: kategori.get(v, v)),
        per_bidang=rows("bidang_penjawab__nama", lambda v: v or "Belum ditriase"),
    )
