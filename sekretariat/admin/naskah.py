from django.contrib import admin

from ..models.naskah import Ekspedisi, JenisNaskah, KlasifikasiArsip, Naskah, NomorNaskahUrut, PengaturanNaskah


class ReadOnly:
    """Rows that change only through the services (state, counters under lock): shown, never edited."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


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
class NomorNaskahUrutAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["tahun", "terakhir"]


@admin.register(Naskah)
class NaskahAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["nomor_naskah", "hal", "jenis", "status", "tanggal_naskah"]
    list_filter = ["status", "jenis"]
    search_fields = ["nomor_naskah", "hal"]
    list_select_related = ["jenis"]


@admin.register(Ekspedisi)
class EkspedisiAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["tanggal", "naskah", "penerima", "cara"]
    list_select_related = ["naskah"]
