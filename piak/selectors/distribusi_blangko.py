"""Reads of the distribusi blangko: the office's stock per item and the kecamatan's requests, for
PIAK's officers and the Kadis."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from dukcapil.workflow.permissions import Aksi, can_in_bidang
from pendaftaran.models import MutasiBlangko, StokBlangko

from ..models.distribusi_blangko import ItemPermintaanBlangko, PenerimaanBlangko, PermintaanBlangko

PIAK = "piak"


def boleh_lihat(user) -> bool:
    return can_in_bidang(user, Aksi.BLANGKO_DIST_LIHAT, PIAK)


@dataclass(frozen=True)
class BarisStok:
    jenis: str
    label: str
    diterima: int
    didistribusikan: int
    dipakai: int
    saldo: int


def stok_per_barang() -> list[BarisStok]:
    """Per item: received, handed over to the kecamatan, used at the counter (printed cards and
    spoiled blanks) and the balance. Two queries whatever the ledger's length."""
    totals = {
        r["jenis"]: r
        for r in MutasiBlangko.objects.values("jenis").annotate(
            diterima=Sum("jumlah", filter=Q(jumlah__gt=0), default=0),
            keluar=Sum("jumlah", filter=Q(jumlah__lt=0, berkas__isnull=True, rusak=False), default=0),
            dipakai=Count("pk", filter=Q(jumlah__lt=0) & (Q(berkas__isnull=False) | Q(rusak=True))),
        )
    }
    saldo = dict(StokBlangko.objects.values_list("jenis", "jumlah"))
    rows = []
    for jenis, label in StokBlangko.Jenis.choices:
        t = totals.get(jenis, {})
        rows.append(BarisStok(jenis, label, t.get("diterima", 0), -t.get("keluar", 0), t.get("dipakai", 0),
                              saldo.get(jenis, 0)))  # fmt: skip
    return rows


def penerimaan_terakhir(user, n: int = 20) -> list[PenerimaanBlangko]:
    if not boleh_lihat(user):
        return []
    return list(PenerimaanBlangko.objects.select_related("dicatat_oleh").order_by("-tanggal", "-pk")[:n])


def permintaan_list(user, *, status: str = "", q: str = "") -> QuerySet:
    if not boleh_lihat(user):
        return PermintaanBlangko.objects.none()
    rows = PermintaanBlangko.objects.annotate(
        jumlah_diminta=Sum("items__diminta"), jumlah_disetujui=Sum("items__disetujui")
    )
    if status:
        rows = rows.filter(status=status)
    if q:
        rows = rows.filter(Q(kecamatan__icontains=q) | Q(nomor_bast__icontains=q))
    return rows.order_by("-dibuat_pada", "-pk")


def permintaan_detail(user, pk: int) -> PermintaanBlangko | None:
    if not boleh_lihat(user):
        return None
    items = ItemPermintaanBlangko.objects.order_by("jenis")
    return (
        PermintaanBlangko.objects.select_related("dibuat_oleh", "pihak_pertama")
        .prefetch_related(Prefetch("items", queryset=items))
        .filter(pk=pk)
        .first()
    )
