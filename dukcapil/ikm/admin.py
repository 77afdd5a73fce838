from django.contrib import admin

from .models import LaporanIKM, ResponIKM, UndanganIKM


@admin.register(ResponIKM)
class ResponIKMAdmin(admin.ModelAdmin):
    """Answers are read, never edited: the index must be the citizens' own."""

    list_display = ("tanggal", "layanan", "saluran", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
    list_filter = ("saluran", "layanan", "tanggal")
    date_hierarchy = "tanggal"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(UndanganIKM)
class UndanganIKMAdmin(admin.ModelAdmin):
    list_display = ("berkas", "dibuat_pada", "dijawab_pada")
    readonly_fields = ("berkas", "dibuat_pada", "dijawab_pada")
    exclude = ("token",)  # the token is the citizen's key to the form; staff need not see it

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(LaporanIKM)
class LaporanIKMAdmin(admin.ModelAdmin):
    list_display = ("judul", "naskah", "dibuat_oleh", "dibuat_pada")
    readonly_fields = ("data", "dihitung_pada", "naskah", "dibuat_oleh", "dibuat_pada")
