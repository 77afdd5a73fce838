from django.contrib import admin
from django.db.models import Q
from simple_history.admin import SimpleHistoryAdmin

from dukcapil.admin import IndexedSearchMixin, ReadOnlyFieldsMixin, ReadOnlyInlineMixin, ViewOnlyMixin

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
class KeluargaAdmin(IndexedSearchMixin, ReadOnlyFieldsMixin, SimpleHistoryAdmin):
    """The register changes through approved berkas; admin reads it and its history.

    No list filter on kecamatan: its choices were a DISTINCT over every family on each page load."""

    list_display = ["nomor_kk", "desa_kelurahan", "kecamatan", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["nomor_kk"]
    search_help_text = "Nomor KK lengkap (16 angka), atau NIK salah satu anggota."
    ordering = ["-id"]

    def exact_search(self, term: str) -> Q | None:
        if not (term.isdigit() and len(term) == 16):
            return None
        # the member's family resolved first: a literal id list lets PostgreSQL OR two index scans,
        # where a subquery in the OR reads every family
        families = list(Penduduk.objects.filter(nik=term).order_by().values_list("keluarga_id", flat=True))
        return Q(nomor_kk=term) | Q(pk__in=families)

    inlines = [PendudukInline]


@admin.register(Penduduk)
class PendudukAdmin(IndexedSearchMixin, ReadOnlyFieldsMixin, SimpleHistoryAdmin):
    list_display = ["nik", "nama", "keluarga", "status", "kewarganegaraan"]
    list_filter = ["status", "kewarganegaraan"]
    search_fields = ["nik", "nama"]
    search_help_text = "NIK atau nomor KK lengkap (16 angka), atau sebagian nama (paling sedikit 3 huruf)."
    list_select_related = ["keluarga"]
    ordering = ["-id"]

    def exact_search(self, term: str) -> Q | None:
        """A NIK or a nomor KK: two unique-index lookups, never an OR across the Keluarga join."""
        if not (term.isdigit() and len(term) == 16):
            return None
        families = list(Keluarga.objects.filter(nomor_kk=term).values_list("pk", flat=True))
        return Q(nik=term) | Q(keluarga_id__in=families)

    def text_search(self, term: str) -> Q | None:
        """Part of a name: UPPER(nama) LIKE, answered by the trigram index (pendaftaran migration)."""
        return Q(nama__icontains=term) if len(term) >= 3 and not term.isdigit() else None


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
