from django.contrib import admin

from ..models.keuangan import Spp, SubKegiatanDpa
from .naskah import ReadOnly


@admin.register(SubKegiatanDpa)
class SubKegiatanDpaAdmin(admin.ModelAdmin):
    list_display = ["tahun", "kode", "nama", "kegiatan_nama", "program_nama", "pagu"]
    list_filter = ["tahun"]
    search_fields = ["kode", "nama", "kegiatan_nama", "program_nama"]


@admin.register(Spp)
class SppAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["nomor_sipd", "jenis", "tanggal", "nilai", "status", "nomor_spm", "nomor_sp2d"]
    list_filter = ["tahun", "jenis", "status"]
    search_fields = ["nomor_sipd", "nomor_spm", "nomor_sp2d", "uraian"]
