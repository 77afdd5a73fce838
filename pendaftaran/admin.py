from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnggotaKeluarga, PermohonanKK


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
