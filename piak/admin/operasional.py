from django.contrib import admin

from ..models import AksesDatabase, Backup, KunjunganRuangServer, PemeriksaanPerangkat, PerangkatSiak


@admin.register(Backup)
class BackupAdmin(admin.ModelAdmin):
    list_display = ("waktu", "jenis", "media", "lokasi_penyimpanan", "ukuran_mb", "petugas")
    list_filter = ("jenis",)


@admin.register(KunjunganRuangServer)
class KunjunganRuangServerAdmin(admin.ModelAdmin):
    list_display = ("masuk", "keluar", "staf", "nama_tamu", "instansi", "keperluan")


@admin.register(AksesDatabase)
class AksesDatabaseAdmin(admin.ModelAdmin):
    """Read-mostly: the pakta is uploaded (and checked) through the PIAK screen."""

    list_display = ("staf", "nama_luar", "instansi", "hak", "diberikan", "dicabut")
    readonly_fields = ("pakta",)


@admin.register(PerangkatSiak)
class PerangkatSiakAdmin(admin.ModelAdmin):
    list_display = ("jenis", "merek", "nomor_seri", "lokasi")
    list_filter = ("jenis",)
    search_fields = ("nomor_seri", "merek", "lokasi")


@admin.register(PemeriksaanPerangkat)
class PemeriksaanPerangkatAdmin(admin.ModelAdmin):
    list_display = ("perangkat", "tahun", "triwulan", "kondisi", "pemeriksa")
