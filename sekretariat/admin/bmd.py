from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models.bmd import Barang, MutasiBarang, Ruangan, UsulanBmd
from .naskah import ReadOnly


@admin.register(Ruangan)
class RuanganAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "penanggung_jawab"]
    search_fields = ["kode", "nama"]


@admin.register(Barang)
class BarangAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["kode_barang", "nomor_register", "nama", "ruangan", "kondisi", "dihapus"]
    list_filter = ["kondisi", "dihapus", "ruangan"]
    search_fields = ["kode_barang", "nomor_register", "nama"]


@admin.register(MutasiBarang)
class MutasiBarangAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["barang", "tanggal", "dari", "ke", "dicatat_oleh"]


@admin.register(UsulanBmd)
class UsulanBmdAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["nomor", "jenis", "status", "nomor_keputusan"]
    list_filter = ["jenis", "status"]
