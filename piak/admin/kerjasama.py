from django.contrib import admin

from ..models import Kerjasama, PengingatKerjasama


@admin.register(Kerjasama)
class KerjasamaAdmin(admin.ModelAdmin):
    """Read-mostly: the chain runs through the PIAK screens (services), not through admin."""

    list_display = ("nomor_dinas", "lembaga", "jenis", "status", "mulai", "berakhir")
    list_filter = ("status", "jenis")
    search_fields = ("nomor_dinas", "nomor_mitra", "lembaga__nama", "judul_kerjasama")
    readonly_fields = ("status",)


@admin.register(PengingatKerjasama)
class PengingatKerjasamaAdmin(admin.ModelAdmin):
    list_display = ("kerjasama", "ambang_hari", "dikirim_pada", "penerima")
