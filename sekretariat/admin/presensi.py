"""Admin of presensi: the office hours per weekday (data), the imports for reference."""

from django.contrib import admin

from ..models import ImporPresensi, JamKerja


@admin.register(JamKerja)
class JamKerjaAdmin(admin.ModelAdmin):
    list_display = ["hari", "jam_masuk", "jam_pulang"]


@admin.register(ImporPresensi)
class ImporPresensiAdmin(admin.ModelAdmin):
    list_display = ["nama_berkas", "jumlah_baris", "diimpor_oleh", "diimpor_pada"]
    list_select_related = ["diimpor_oleh"]
    readonly_fields = ["nama_berkas", "jumlah_baris", "diimpor_oleh", "diimpor_pada"]

    def has_add_permission(self, request) -> bool:
        return False
