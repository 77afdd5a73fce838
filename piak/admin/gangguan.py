"""Admin of gangguan: the rekanan register (data); the tickets for reference (changed only by the services)."""

from django.contrib import admin

from ..models.gangguan import Gangguan, LaporanMonitoring, Rekanan


@admin.register(Rekanan)
class RekananAdmin(admin.ModelAdmin):
    list_display = ["nama", "lingkup", "kontak", "telepon", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["nama"]


@admin.register(Gangguan)
class GangguanAdmin(admin.ModelAdmin):
    list_display = ["nomor", "kategori", "lokasi", "status", "terhenti", "dilaporkan_pada"]
    list_filter = ["status", "kategori", "terhenti"]
    list_select_related = ["pelapor"]
    readonly_fields = [f.name for f in Gangguan._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(LaporanMonitoring)
class LaporanMonitoringAdmin(admin.ModelAdmin):
    list_display = ["tahun", "bulan", "naskah", "dibuat_oleh"]
    list_select_related = ["naskah", "dibuat_oleh"]
