from django.contrib import admin

from ..models.anjab import ProgramSdm, PutaranAnjab
from .naskah import ReadOnly


@admin.register(PutaranAnjab)
class PutaranAnjabAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["tahun", "nomor_surat_permintaan", "status", "nomor_perwali"]


@admin.register(ProgramSdm)
class ProgramSdmAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["judul", "jenis", "penyelenggara", "tanggal", "status"]
    list_filter = ["jenis", "status"]
