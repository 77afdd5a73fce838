"""Reads of PIAK's operational registers: PIAK's ADB/Kasi/Kabid and the Kadis only."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..models.operasional import (
    AksesDatabase,
    Backup,
    HasilUji,
    KunjunganRuangServer,
    PemeriksaanPerangkat,
    PerangkatSiak,
    UjiPemulihan,
)

PIAK = "piak"


def boleh_lihat(user) -> bool:
    return can_in_bidang(user, Aksi.OPERASIONAL_LIHAT, PIAK)


def boleh_kelola(user) -> bool:
    return can_in_bidang(user, Aksi.OPERASIONAL_KELOLA, PIAK)


def batas_uji_hari() -> int:
    """How many days a successful restore test stays valid (setting, default 90)."""
    return settings.PIAK_BATAS_UJI_PEMULIHAN_HARI


def triwulan_dari(tanggal: date) -> tuple[int, int]:
    return tanggal.year, (tanggal.month - 1) // 3 + 1


def backup_list(user, *, jenis: str = "", belum_uji: bool = False) -> QuerySet:
    """Backups with the date of their last successful restore test and «perlu_uji» (none in N days)."""
    if not boleh_lihat(user):
        return Backup.objects.none()
    sejak = timezone.localdate() - timedelta(days=batas_uji_hari())
    rows = Backup.objects.select_related("petugas").annotate(
        uji_terakhir=Max("uji__tanggal", filter=Q(uji__hasil=HasilUji.BERHASIL)),
        uji_valid=Exists(
            UjiPemulihan.objects.filter(backup=OuterRef("pk"), hasil=HasilUji.BERHASIL, tanggal__gte=sejak)
        ),
    )
    if jenis:
        rows = rows.filter(jenis=jenis)
    if belum_uji:
        rows = rows.filter(uji_valid=False)
    return rows.order_by("-waktu", "-pk")


def backup_detail(user, pk: int) -> Backup | None:
    return backup_list(user).filter(pk=pk).first()


def kunjungan_list(user, *, di_dalam: bool = False, q: str = "") -> QuerySet:
    if not boleh_lihat(user):
        return KunjunganRuangServer.objects.none()
    rows = KunjunganRuangServer.objects.select_related("staf", "pendamping")
    if di_dalam:
        rows = rows.filter(keluar__isnull=True)
    if q:
        rows = rows.filter(
            Q(nama_tamu__icontains=q) | Q(instansi__icontains=q) | Q(keperluan__icontains=q)
            | Q(staf__first_name__icontains=q) | Q(staf__last_name__icontains=q)
        )  # fmt: skip
    return rows.order_by("-masuk", "-pk")


def akses_list(user, *, status: str = "", q: str = "") -> QuerySet:
    """«aktif», «dicabut» or «tanpa_pakta» (active access without a signed agreement)."""
    if not boleh_lihat(user):
        return AksesDatabase.objects.none()
    today = timezone.localdate()
    aktif = Q(dicabut__isnull=True) | Q(dicabut__gt=today)
    rows = AksesDatabase.objects.select_related("staf")
    if status == "aktif":
        rows = rows.filter(aktif)
    elif status == "dicabut":
        rows = rows.exclude(aktif)
    elif status == "tanpa_pakta":
        rows = rows.filter(aktif, pakta="")
    if q:
        rows = rows.filter(
            Q(nama_luar__icontains=q) | Q(instansi__icontains=q)
            | Q(staf__first_name__icontains=q) | Q(staf__last_name__icontains=q)
        )  # fmt: skip
    return rows.order_by("-diberikan", "-pk")


def akses_detail(user, pk: int) -> AksesDatabase | None:
    return akses_list(user).filter(pk=pk).first()


def perangkat_list(user, *, jenis: str = "", lokasi: str = "", belum_diperiksa: bool = False) -> QuerySet:
    """Devices with «diperiksa» (checked this quarter) and the condition of their last check."""
    if not boleh_lihat(user):
        return PerangkatSiak.objects.none()
    tahun, triwulan = triwulan_dari(timezone.localdate())
    checks = PemeriksaanPerangkat.objects.filter(perangkat=OuterRef("pk"))
    rows = PerangkatSiak.objects.annotate(
        diperiksa=Exists(checks.filter(tahun=tahun, triwulan=triwulan)),
        kondisi_terakhir=Subquery(checks.order_by("-tahun", "-triwulan").values("kondisi")[:1]),
        diperiksa_terakhir=Subquery(checks.order_by("-tahun", "-triwulan").values("diperiksa_pada")[:1]),
    )
    if jenis:
        rows = rows.filter(jenis=jenis)
    if lokasi:
        rows = rows.filter(lokasi__icontains=lokasi)
    if belum_diperiksa:
        rows = rows.filter(diperiksa=False)
    return rows.order_by("lokasi", "jenis", "nomor_seri")


def perangkat_detail(user, pk: int) -> PerangkatSiak | None:
    return perangkat_list(user).filter(pk=pk).first()
