from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils.functional import cached_property
from simple_history.admin import SimpleHistoryAdmin

from .forms import LangkahSOPForm
from .models import (
    SOP,
    AksesDataPribadi,
    Berkas,
    Bidang,
    Cetakan,
    Dokumen,
    HariLibur,
    Kantor,
    KartuKendali,
    LangkahSOP,
    Layanan,
    Pengambilan,
    PercobaanTTE,
    Persyaratan,
    PesanKeluar,
    SertifikatPenandatangan,
    StandarPelayanan,
    User,
)
from .sop_export import sop_csv, sop_xlsx


class LargeTablePaginator(Paginator):
    """Page counts that do not read millions of rows.

    A whole table is counted from PostgreSQL's own statistics (``pg_class.reltuples``, kept by
    autovacuum's ANALYZE: an estimate, shown as such by the size of the number); a filtered or
    searched list is counted up to ``cap`` rows (``SELECT count(*) FROM (… LIMIT cap)``), so a
    status filter over a million berkas stops counting at the cap. Small tables and other databases
    get the exact count."""

    cap = 10_000
    # how the count above the list reads (templates/admin/pagination.html): «sekitar» for the
    # statistics' estimate, «sedikitnya» when counting stopped at the cap, nothing when exact
    perkiraan = ""

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not hasattr(queryset, "query"):
            return super().count
        if not queryset.query.where:
            estimate = self._estimate(queryset)
            if estimate is not None and estimate > self.cap:
                self.perkiraan = "sekitar"
                return estimate
        counted = queryset.order_by()[: self.cap].count()
        if counted == self.cap:
            self.perkiraan = "sedikitnya"
        return counted

    @staticmethod
    def _estimate(queryset) -> int | None:
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            table = queryset.model._meta.db_table
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
            row = cursor.fetchone()
        return row[0] if row and row[0] > 0 else None


class IndexedSearchMixin:
    """Admin search answered from indexes at register size (millions of rows).

    ``exact_search(term)`` returns a ``Q`` for a term that is a whole key (a NIK, a nomor KK, a
    nomor registrasi): an equality the unique index answers, not ``UPPER(x) LIKE``. Other terms go to
    ``text_search(term)`` (a name through the trigram index) when the admin has one, else nothing is
    found. No full count of the table on any page."""

    show_full_result_count = False
    paginator = LargeTablePaginator

    def exact_search(self, term: str) -> models.Q | None:
        return None

    def text_search(self, term: str) -> models.Q | None:
        return None

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        wanted = self.exact_search(term)
        if wanted is None:
            wanted = self.text_search(term)
        return (queryset.none() if wanted is None else queryset.filter(wanted)), False


class ReadOnlyFieldsMixin:
    """Every field (but the excluded ones) read-only and nothing added here: the record is written by
    the application's own screens; admin looks it up."""

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name not in (self.exclude or ())]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class UndeletableMixin:
    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ViewOnlyMixin(UndeletableMixin):
    """An audit trail: looked at, never added, changed or deleted."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInlineMixin:
    """The rows of a record, shown read-only under it."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Bidang)
class BidangAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama"]


@admin.register(User)
class PegawaiAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "bidang", "nip", "is_active"]
    list_filter = ["bidang", "groups", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Kepegawaian", {"fields": ["bidang", "nip"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Kepegawaian", {"fields": ["bidang", "nip"]}),)


class LangkahInline(admin.TabularInline):
    model = LangkahSOP
    form = LangkahSOPForm
    extra = 0
    # the form's fields, compact for the inline: no sop (the parent) and no keterangan
    fields = [f for f in LangkahSOPForm.Meta.fields if f not in ("sop", "keterangan")]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class PersyaratanInline(admin.TabularInline):
    model = Persyaratan
    extra = 0
    fields = ["urutan", "nama", "wajib", "kondisi", "kondisi_dari_kantor", "sumber", "catatan"]


class StandarPelayananInline(admin.StackedInline):
    model = StandarPelayanan
    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 80})}}


@admin.register(Kantor)
class KantorAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "nama_dinas", "kabupaten_kota", "menit_kerja_per_hari", "aktif"]


@admin.register(Layanan)
class LayananAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "bidang", "jenis_berkas", "sop", "alur", "aktif"]
    list_filter = ["bidang", "aktif"]
    search_fields = ["kode", "nama"]
    list_select_related = ["bidang", "sop__kantor"]


@admin.register(SOP)
class SOPAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "nomor", "kantor", "bidang", "layanan", "jumlah_langkah"]
    list_filter = ["kantor", "bidang", "layanan"]
    search_fields = ["nama", "nomor", "slug", "langkah__uraian"]
    list_select_related = ["kantor", "bidang", "layanan"]
    inlines = [StandarPelayananInline, PersyaratanInline, LangkahInline]
    actions = ["ekspor_csv", "ekspor_xlsx"]

    def get_queryset(self, request):
        # A subquery, not Count over the join: the search on langkah__uraian joins langkah again and
        # a joined count would be multiplied by the matching steps.
        steps = LangkahSOP.objects.filter(sop=OuterRef("pk")).order_by().values("sop").annotate(n=Count("pk"))
        jumlah = Coalesce(Subquery(steps.values("n"), output_field=IntegerField()), 0)
        return super().get_queryset(request).annotate(_jumlah_langkah=jumlah)

    @admin.display(description="langkah", ordering="_jumlah_langkah")
    def jumlah_langkah(self, obj) -> int:
        return obj._jumlah_langkah

    def _one(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Pilih tepat satu SOP untuk diekspor.", level="error")
            return None
        return queryset.select_related("kantor").get()

    @admin.action(description="Ekspor SOP terpilih ke CSV")
    def ekspor_csv(self, request, queryset):
        sop = self._one(request, queryset)
        if sop is None:
            return None
        response = HttpResponse(sop_csv(sop), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{sop.kantor.slug}-{sop.slug}.csv"'
        return response

    @admin.action(description="Ekspor SOP terpilih ke XLSX")
    def ekspor_xlsx(self, request, queryset):
        sop = self._one(request, queryset)
        if sop is None:
            return None
        response = HttpResponse(
            sop_xlsx(sop), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{sop.kantor.slug}-{sop.slug}.xlsx"'
        return response


@admin.register(LangkahSOP)
class LangkahSOPAdmin(SimpleHistoryAdmin):
    form = LangkahSOPForm
    list_display = ["sop", "urutan", "uraian", "pelaksana", "waktu_jumlah", "waktu_satuan", "tahap"]
    list_filter = ["sop__kantor", "sop__bidang", "waktu_satuan"]
    list_editable = ["waktu_jumlah", "waktu_satuan"]
    list_select_related = ["sop__kantor"]
    search_fields = ["uraian", "sop__nama"]


@admin.register(Persyaratan)
class PersyaratanAdmin(SimpleHistoryAdmin):
    list_display = ["sop", "urutan", "nama", "wajib", "kondisi"]
    list_filter = ["sop__kantor", "wajib"]
    list_select_related = ["sop__kantor"]
    search_fields = ["nama"]


@admin.register(HariLibur)
class HariLiburAdmin(SimpleHistoryAdmin):
    list_display = ["tanggal", "jenis", "keterangan"]
    list_filter = ["jenis"]
    date_hierarchy = "tanggal"


class KartuKendaliInline(ReadOnlyInlineMixin, GenericTabularInline):
    model = KartuKendali
    fields = ["waktu", "dari_status", "ke_status", "pelaku", "catatan"]


@admin.register(Berkas)
class BerkasAdmin(IndexedSearchMixin, ReadOnlyFieldsMixin, UndeletableMixin, SimpleHistoryAdmin):
    """Read-only: berkas change state only through the workflow screens."""

    list_display = ["nomor_registrasi", "layanan", "status", "status_sejak", "dibuat_pada"]
    list_filter = ["status", "bidang", "layanan"]
    search_fields = ["nomor_registrasi"]
    search_help_text = "Nomor registrasi lengkap, atau NIK pemohon (16 angka)."
    ordering = ["-id"]

    def exact_search(self, term: str) -> models.Q:
        if term.isdigit() and len(term) == 16:
            return models.Q(pemohon_nik=term)
        return models.Q(nomor_registrasi=term.upper())

    list_select_related = ["layanan"]
    inlines = [KartuKendaliInline]
    exclude = ["persyaratan_diserahkan"]


class CabutForm(forms.Form):
    alasan = forms.CharField(label="Alasan pencabutan", widget=forms.Textarea(attrs={"rows": 2}))


@admin.register(Dokumen)
class DokumenAdmin(ReadOnlyFieldsMixin, UndeletableMixin, SimpleHistoryAdmin):
    """Documents are made by the TTE step only; here they can be looked up and revoked."""

    list_display = ["jenis", "nomor", "content_type", "object_id", "status", "ditandatangani_oleh", "dibuat_pada"]
    list_filter = ["jenis", "status", "content_type"]
    search_fields = ["berkas__nomor_registrasi", "nomor"]
    list_select_related = ["content_type"]
    actions = ["cabut"]
    exclude = ["berkas_pdf"]

    @admin.action(description="Cabut dokumen terpilih (status di halaman verifikasi menjadi «dicabut»)")
    def cabut(self, request, queryset):
        """Asks for the reason on a confirmation page, then revokes through the service."""
        from django.template.response import TemplateResponse

        from .tte.services import dokumen_revoke

        form = CabutForm(request.POST if "konfirmasi" in request.POST else None)
        if form.is_valid():
            for dokumen in queryset:
                dokumen_revoke(dokumen=dokumen, reason=form.cleaned_data["alasan"], user=request.user)
            self.message_user(request, f"{queryset.count()} dokumen dicabut.")
            return None
        return TemplateResponse(
            request,
            "admin/dukcapil/dokumen/cabut.html",
            {
                **self.admin_site.each_context(request),
                "title": "Cabut dokumen",
                "dokumen_list": queryset,
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            },
        )


@admin.register(SertifikatPenandatangan)
class SertifikatPenandatanganAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jabatan", "pengguna", "nik", "aktif"]
    list_filter = ["aktif"]


@admin.register(PercobaanTTE)
class PercobaanTTEAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """Audit trail of passphrase checks: read only."""

    list_display = ["waktu", "pengguna", "berhasil", "keterangan", "jumlah_berkas"]
    list_filter = ["berhasil", "pengguna"]
    date_hierarchy = "waktu"


@admin.register(Pengambilan)
class PengambilanAdmin(ReadOnlyFieldsMixin, UndeletableMixin, admin.ModelAdmin):
    """Register pengambilan: read-only, written by the pickup desk."""

    list_display = ["waktu", "berkas", "jenis", "penerima_nama", "hubungan", "aktivasi_ktp_el", "petugas"]
    list_filter = ["jenis", "hubungan"]
    search_fields = ["berkas__nomor_registrasi"]
    list_select_related = ["berkas", "petugas"]


@admin.register(AksesDataPribadi)
class AksesDataPribadiAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """Log akses data pribadi (UU 27/2022): read only, written by the pages that show a person's data."""

    list_display = ["waktu", "pengguna", "nik", "halaman", "konteks", "ip"]
    list_filter = ["halaman", "pengguna", "waktu"]
    search_fields = ["=nik"]
    date_hierarchy = "waktu"
    list_select_related = ["pengguna"]
    show_full_result_count = False


@admin.register(PesanKeluar)
class PesanKeluarAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """The outbox (email, WhatsApp, SMS): what is queued, sent or given up and why; «Kirim ulang»
    queues failed messages again. Addresses are masked in the list."""

    # the error early: with the admin's side menu open, the last columns scroll off a 1280 px screen
    list_display = ["dibuat", "kanal", "subjek", "status", "galat_terakhir", "percobaan", "kepada_samar",
                    "coba_lagi_pada"]  # fmt: skip
    list_filter = ["status", "kanal", "dibuat"]
    search_fields = ["subjek"]
    date_hierarchy = "dibuat"
    exclude = ["kepada"]
    readonly_fields = ["kepada_samar"]
    actions = ["kirim_ulang"]
    show_full_result_count = False

    @admin.display(description="kepada")
    def kepada_samar(self, obj: PesanKeluar) -> str:
        from .notifikasi.kanal import mask_alamat

        return ", ".join(mask_alamat(alamat) for alamat in obj.kepada)

    @admin.action(description="Kirim ulang pesan yang gagal")
    def kirim_ulang(self, request, queryset) -> None:
        from .notifikasi.services import pesan_kirim_ulang

        dipilih = list(queryset.values_list("pk", flat=True))  # before the update changes what the filter matches
        jumlah = pesan_kirim_ulang(pesan_ids=dipilih, user=request.user)
        lewat = len(dipilih) - jumlah
        pesan = f"{jumlah} pesan diantrekan ulang."
        if lewat:
            pesan += f" {lewat} pesan lain dilewati (hanya pesan berstatus «gagal» yang dikirim ulang)."
        self.message_user(request, pesan)


@admin.register(Cetakan)
class CetakanAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """Documents produced on request: which wait, which failed and why (the files are the requester's)."""

    exclude = ["file", "kunci"]
    list_display = ["dibuat", "jenis", "diminta_oleh", "status", "galat"]
    list_filter = ["status", "jenis"]
    list_select_related = ["diminta_oleh"]
