from django.contrib import admin

from ..models import PermintaanData


@admin.register(PermintaanData)
class PermintaanDataAdmin(admin.ModelAdmin):
    list_display = ("surat", "lembaga", "jenis", "ruang_lingkup", "status", "dibuka_pada")
    list_filter = ("status", "jenis")
    search_fields = ("lembaga__nama", "surat__nomor_surat")
    readonly_fields = ("status",)
