from django.contrib import admin

from ..models import ItemPermintaanBlangko, PenerimaanBlangko, PermintaanBlangko


class ItemInline(admin.TabularInline):
    model = ItemPermintaanBlangko
    extra = 0
    readonly_fields = ("jenis", "stok_kecamatan", "diminta", "diusulkan", "disetujui", "alasan", "mutasi")
    can_delete = False


@admin.register(PermintaanBlangko)
class PermintaanBlangkoAdmin(admin.ModelAdmin):
    """Read-mostly: the request moves through the PIAK screens (services), not through admin."""

    list_display = ("kecamatan", "tanggal_surat", "status", "nomor_bast", "tanggal_bast")
    list_filter = ("status",)
    search_fields = ("kecamatan", "nomor_bast", "nomor_surat")
    readonly_fields = ("status", "nomor_bast", "tanggal_bast", "pihak_pertama")
    inlines = [ItemInline]


@admin.register(PenerimaanBlangko)
class PenerimaanBlangkoAdmin(admin.ModelAdmin):
    list_display = ("tanggal", "jenis", "jumlah", "sumber", "nomor_dokumen")
    list_filter = ("jenis", "sumber")
    readonly_fields = ("mutasi",)
