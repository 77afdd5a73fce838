from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import Berkas, Bidang, Dokumen, KartuKendali, LangkahSOP, Layanan, Persyaratan, User


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
    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}}
    fields = ["urutan", "uraian", "pelaksana", "waktu_menit", "tahap", "output"]


class PersyaratanInline(admin.TabularInline):
    model = Persyaratan
    extra = 0
    fields = ["urutan", "nama", "wajib", "kondisi"]


@admin.register(Layanan)
class LayananAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "bidang", "jangka_waktu_hari_kerja", "aktif"]
    list_filter = ["bidang", "aktif"]
    search_fields = ["kode", "nama"]
    inlines = [PersyaratanInline, LangkahInline]


@admin.register(LangkahSOP)
class LangkahSOPAdmin(SimpleHistoryAdmin):
    list_display = ["layanan", "urutan", "uraian", "pelaksana", "waktu_menit", "tahap"]
    list_filter = ["layanan", "pelaksana"]
    list_editable = ["waktu_menit"]
    search_fields = ["uraian"]


@admin.register(Persyaratan)
class PersyaratanAdmin(SimpleHistoryAdmin):
    list_display = ["layanan", "urutan", "nama", "wajib", "kondisi"]
    list_filter = ["layanan", "wajib"]


class KartuKendaliInline(admin.TabularInline):
    model = KartuKendali
    extra = 0
    can_delete = False
    fields = ["waktu", "dari_status", "ke_status", "pelaku", "catatan"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Berkas)
class BerkasAdmin(SimpleHistoryAdmin):
    """Read-only: berkas change state only through the workflow screens."""

    list_display = ["nomor_registrasi", "layanan", "status", "status_sejak", "dibuat_pada"]
    list_filter = ["status", "bidang", "layanan"]
    search_fields = ["nomor_registrasi"]
    list_select_related = ["layanan"]
    inlines = [KartuKendaliInline]
    exclude = ["persyaratan_diserahkan"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Dokumen)
class DokumenAdmin(admin.ModelAdmin):
    list_display = ["berkas", "jenis", "dibuat_pada"]
    list_filter = ["jenis"]
    readonly_fields = ["berkas", "jenis", "berkas_pdf", "sha256", "token", "dibuat_pada"]

    def has_add_permission(self, request) -> bool:
        return False
