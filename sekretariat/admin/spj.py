from django.contrib import admin

from ..models.gaji import DaftarGaji, GajiPokok, ProfilGaji, TunjanganUmum
from ..models.spj import SpjAdministratif, SpjFungsional
from .naskah import ReadOnly


@admin.register(SpjAdministratif)
class SpjAdministratifAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["nomor_spj", "tanggal", "kode_rekening", "nilai", "status"]
    list_filter = ["tahun", "status"]
    search_fields = ["nomor_spj", "uraian", "kode_rekening"]


@admin.register(SpjFungsional)
class SpjFungsionalAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["tahun", "bulan", "status", "nomor_terima", "tanggal_terima"]
    list_filter = ["tahun", "status"]


@admin.register(DaftarGaji)
class DaftarGajiAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["tahun", "bulan", "status"]
    list_filter = ["tahun", "status"]


@admin.register(GajiPokok)
class GajiPokokAdmin(admin.ModelAdmin):
    """The gaji pokok table as data: the admin completes the masa kerja columns from the Lampiran."""

    list_display = ["golongan", "masa_kerja", "gaji_pokok", "sumber"]
    list_filter = ["golongan"]
    list_select_related = ["golongan"]


@admin.register(TunjanganUmum)
class TunjanganUmumAdmin(admin.ModelAdmin):
    list_display = ["ruang", "nilai", "sumber"]


@admin.register(ProfilGaji)
class ProfilGajiAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "pasangan", "jumlah_anak", "tunjangan_jabatan", "penyesuaian_mkg"]
    list_select_related = ["pegawai"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    raw_id_fields = ["pegawai"]
