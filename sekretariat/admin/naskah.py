from django.contrib import admin

from ..models.naskah import Ekspedisi, JenisNaskah, KlasifikasiArsip, Naskah, NomorNaskahUrut, PengaturanNaskah


@admin.register(KlasifikasiArsip)
class KlasifikasiArsipAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "induk", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["induk"]


@admin.register(JenisNaskah)
class JenisNaskahAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "tata", "rute_paraf", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]


@admin.register(PengaturanNaskah)
class PengaturanNaskahAdmin(admin.ModelAdmin):
    list_display = ["format_nomor", "kode_unit"]


@admin.register(NomorNaskahUrut)
class NomorNaskahUrutAdmin(admin.ModelAdmin):
    """Read-only: the counter only moves under its lock in the numbering service."""

    list_display = ["tahun", "terakhir"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Naskah)
class NaskahAdmin(admin.ModelAdmin):
    """Read-only: naskah change state only through their screens (services)."""

    list_display = ["nomor_naskah", "hal", "jenis", "status", "tanggal_naskah"]
    list_filter = ["status", "jenis"]
    search_fields = ["nomor_naskah", "hal"]
    list_select_related = ["jenis"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Ekspedisi)
class EkspedisiAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "naskah", "penerima", "cara"]
    list_select_related = ["naskah"]

    def has_change_permission(self, request, obj=None):
        return False
