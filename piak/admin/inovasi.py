"""Admin of inovasi layanan: the programmes for reference (changed only by the services)."""

from django.contrib import admin

from ..models.inovasi import Inovasi


@admin.register(Inovasi)
class InovasiAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama", "jenis", "status", "target", "diusulkan_pada"]
    list_filter = ["status", "jenis"]
    list_select_related = ["pengusul"]
    readonly_fields = [f.name for f in Inovasi._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
