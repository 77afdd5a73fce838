from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnggotaKeluarga, Keluarga, MutasiBlangko, Penduduk, PermohonanKK, PermohonanPenduduk, StokBlangko


class AnggotaInline(admin.TabularInline):
    model = AnggotaKeluarga
    extra = 0
    fields = ["urutan", "nik", "nama", "hubungan", "jenis_kelamin", "tanggal_lahir"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PermohonanKK)
class PermohonanKKAdmin(SimpleHistoryAdmin):
    """Read-only here: the operator enters KK data through the entry screen, which checks state."""

    list_display = ["berkas", "jenis", "nomor_kk"]
    list_filter = ["jenis"]
    search_fields = ["berkas__nomor_registrasi"]
    inlines = [AnggotaInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


class PendudukInline(admin.TabularInline):
    model = Penduduk
    extra = 0
    fields = ["urutan", "nik", "nama", "hubungan", "status"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Keluarga)
class KeluargaAdmin(SimpleHistoryAdmin):
    """The register changes through approved berkas; admin reads it and its history."""

    list_display = ["nomor_kk", "desa_kelurahan", "kecamatan", "aktif"]
    list_filter = ["aktif", "kecamatan"]
    search_fields = ["nomor_kk"]
    inlines = [PendudukInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Penduduk)
class PendudukAdmin(SimpleHistoryAdmin):
    list_display = ["nik", "nama", "keluarga", "status", "kewarganegaraan"]
    list_filter = ["status", "kewarganegaraan"]
    search_fields = ["=nik", "=keluarga__nomor_kk"]
    list_select_related = ["keluarga"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PermohonanPenduduk)
class PermohonanPendudukAdmin(SimpleHistoryAdmin):
    list_display = ["berkas", "jenis", "nomor_dokumen", "diterapkan_pada"]
    list_filter = ["jenis"]
    search_fields = ["berkas__nomor_registrasi", "nomor_dokumen"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(StokBlangko)
class StokBlangkoAdmin(SimpleHistoryAdmin):
    """Read-only: deliveries are recorded on the Blangko page so waiting berkas are printed."""

    list_display = ["jenis", "jumlah"]
    readonly_fields = ["jenis", "jumlah"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(MutasiBlangko)
class MutasiBlangkoAdmin(admin.ModelAdmin):
    list_display = ["waktu", "jenis", "jumlah", "sisa", "berkas", "keterangan", "pelaku"]
    list_filter = ["jenis"]
    list_select_related = ["berkas", "pelaku"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
