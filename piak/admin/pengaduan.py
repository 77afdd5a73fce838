"""Admin of pengaduan: read-only (the state changes go through the services)."""

from django.contrib import admin

from ..models import Pengaduan


@admin.register(Pengaduan)
class PengaduanAdmin(admin.ModelAdmin):
    list_display = ["nomor_tiket", "diterima_pada", "saluran", "jenis", "kategori", "bidang_penjawab", "status"]
    list_filter = ["status", "saluran", "jenis", "kategori"]
    search_fields = ["nomor_tiket"]
    exclude = ["kode_hash"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
