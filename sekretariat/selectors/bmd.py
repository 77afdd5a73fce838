"""Reads of BMD: the rooms with their KIR totals, a room's KIR, one barang with its history and
moves, the usulan. Who reads: the pengurus barang and the leaders (``pembaca``)."""

from django.db.models import Count, DecimalField, F, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from dukcapil.workflow.permissions import Aksi, can_in_bidang

from ..models.bmd import Barang, MutasiBarang, Ruangan, UsulanBmd

BIDANG = "sekretariat"


def pembaca(user) -> bool:
    return can_in_bidang(user, Aksi.BMD_LIHAT, BIDANG) or can_in_bidang(user, Aksi.BMD_KELOLA, BIDANG)


def ruangan_list() -> QuerySet:
    aktif = Q(barang__dihapus=False)
    nilai = Sum(F("barang__harga_perolehan") * F("barang__jumlah"), filter=aktif, output_field=DecimalField())
    return (
        Ruangan.objects.select_related("penanggung_jawab")
        .annotate(
            jumlah_barang=Count("barang", filter=aktif),
            rusak=Count("barang", filter=aktif & ~Q(barang__kondisi="B")),
            nilai=Coalesce(nilai, Value(0), output_field=DecimalField()),
        )
        .order_by("kode")
    )


def kir(ruangan: Ruangan | int) -> QuerySet:
    """The KIR lines of a room: the barang in it, not removed."""
    return Barang.objects.filter(ruangan=ruangan, dihapus=False).order_by("kode_barang", "nomor_register")


def barang_detail() -> QuerySet:
    return Barang.objects.select_related("ruangan").prefetch_related(
        Prefetch("mutasi", queryset=MutasiBarang.objects.select_related("dari", "ke", "dicatat_oleh"))
    )


def riwayat(barang: Barang) -> list[dict]:
    """The barang's history as a person reads it: who changed what, from what to what."""
    records = list(barang.history.select_related("history_user").order_by("history_date", "history_id"))
    labels = {f.name: str(f.verbose_name) for f in Barang._meta.fields}
    ruangan = dict(Ruangan.objects.values_list("pk", "nama"))
    kondisi = dict(Barang._meta.get_field("kondisi").choices)
    rows = []
    for older, newer in zip([None, *records], records, strict=False):
        changes = []
        if older is not None:
            for change in newer.diff_against(older).changes:
                old, new = change.old, change.new
                if change.field == "ruangan":
                    old, new = ruangan.get(old, old), ruangan.get(new, new)
                elif change.field == "kondisi":
                    old, new = kondisi.get(old, old), kondisi.get(new, new)
                changes.append({"field": labels.get(change.field, change.field), "old": old, "new": new})
        rows.append({"record": newer, "changes": changes, "created": older is None})
    return rows[::-1]


def usulan_list() -> QuerySet:
    return UsulanBmd.objects.select_related("diusulkan_oleh", "naskah").annotate(jumlah_barang=Count("barang"))
