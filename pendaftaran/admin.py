from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dukcapil.admin import ReadOnlyFieldsMixin, ReadOnlyInlineMixin, ViewOnlyMixin

from .models import (
    AnggotaKeluarga,
    JadwalPerekaman,
    Keluarga,
    MutasiBlangko,
    Penduduk,
    PermohonanKK,
    PermohonanPenduduk,
    StokBlangko,
)


class AnggotaInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = AnggotaKeluarga
    fields = ["urutan", "nik", "nama", "hubungan", "jenis_kelamin", "tanggal_lahir"]


@admin.register(PermohonanKK)
class PermohonanKKAdmin(ReadOnlyFieldsMixin, SimpleHistoryAdmin):
    """Read-only here: the operator enters KK data through the entry screen, which checks state."""

    list_display = ["berkas", "jenis", "nomor_kk"]
    list_filter = ["jenis"]
    search_fields = ["berkas__nomor_registrasi"]
    inlines = [AnggotaInline]


class PendudukInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = Penduduk
    fields = ["urutan", "nik", "nama", "hubungan", "status"]
    show_change_link = True


@admin.register(Keluarga)
class KeluargaAdmin(ReadOnlyFieldsMixin, SimpleHistoryAdmin):
    """The register changes through approved berkas; admin reads it and its history."""

    list_display = ["nomor_kk", "desa_kelurahan", "kecamatan", "aktif"]
    list_filter = ["aktif", "kecamatan"]
    search_fields = ["nomor_kk"]
    inlines = [PendudukInline]


@admin.register(Penduduk)
class PendudukAdmin(ReadOnlyFieldsMixin, SimpleHistoryAdmin):
    list_display = ["nik", "nama", "keluarga", "status", "kewarganegaraan"]
    list_filter = ["status", "kewarganegaraan"]
    search_fields = ["=nik", "=keluarga__nomor_kk"]
    list_select_related = ["keluarga"]


@admin.register(PermohonanPenduduk)
class PermohonanPendudukAdmin(ReadOnlyFieldsMixin, SimpleHistoryAdmin):
    list_display = ["berkas", "jenis", "nomor_dokumen", "diterapkan_pada"]
    list_filter = ["jenis"]
    search_fields = ["berkas__nomor_registrasi", "nomor_dokumen"]


@admin.register(StokBlangko)
class StokBlangkoAdmin(SimpleHistoryAdmin):
    """Read-only: deliveries are recorded on the Blangko page so waiting berkas are printed."""

    list_display = ["jenis", "jumlah"]
    readonly_fields = ["jenis", "jumlah"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(MutasiBlangko)
class MutasiBlangkoAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["waktu", "jenis", "jumlah", "sisa", "berkas", "keterangan", "pelaku"]
    list_filter = ["jenis"]
    list_select_related = ["berkas", "pelaku"]


@admin.register(JadwalPerekaman)
class JadwalPerekamanAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """View-only: slots are added and closed on the perekaman page, which writes the register."""

    list_display = ["tanggal", "jam", "penduduk", "tempat", "kecamatan", "status", "operator"]
    list_filter = ["status", "tempat", "tanggal"]
    search_fields = ["=penduduk__nik"]
    list_select_related = ["penduduk", "operator"]
