"""Admin of update data kependudukan: for reference only (changed only by the services)."""

from django.contrib import admin

from ..models.update_data import PermohonanUpdateData


@admin.register(PermohonanUpdateData)
class PermohonanUpdateDataAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nik_samar", "jenis_masalah", "kanal", "status", "diterima_pada"]
    list_filter = ["status", "jenis_masalah", "kanal"]
    readonly_fields = [f.name for f in PermohonanUpdateData._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
