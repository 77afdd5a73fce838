"""Admin of sosialisasi kebijakan kependudukan: the categories of participants (reference data the
office edits) and the events for reference (changed only by the services)."""

from django.contrib import admin

from ..models.sosialisasi import KategoriPeserta, Sosialisasi


@admin.register(KategoriPeserta)
class KategoriPesertaAdmin(admin.ModelAdmin):
    list_display = ["nama", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]


@admin.register(Sosialisasi)
class SosialisasiAdmin(admin.ModelAdmin):
    list_display = ["nomor", "tema", "kecamatan", "desa", "tanggal", "prioritas", "status"]
    list_filter = ["status", "prioritas"]
    list_select_related = ["perencana"]
    readonly_fields = [f.name for f in Sosialisasi._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
