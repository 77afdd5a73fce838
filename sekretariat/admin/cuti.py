"""Admin of cuti pegawai: the leave types are data the office may edit; requests are read-only here
(they move only through the services)."""

from django.contrib import admin

from ..models import JenisCuti, PermohonanCuti


@admin.register(JenisCuti)
class JenisCutiAdmin(admin.ModelAdmin):
    list_display = ("nama", "kode", "satuan", "batas", "potong_saldo", "hak_tahunan", "dikurangi_cuti_bersama", "aktif")
    list_editable = ("aktif",)


@admin.register(PermohonanCuti)
class PermohonanCutiAdmin(admin.ModelAdmin):
    list_display = ("nomor", "pegawai", "jenis", "mulai", "selesai", "lama", "status")
    list_filter = ("status", "jenis")
    search_fields = ("pegawai__nama", "pegawai__nip")
    list_select_related = ("pegawai", "jenis")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
