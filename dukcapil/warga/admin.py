from django.contrib import admin

from .models import LayananOnline, PermohonanOnline, Warga


@admin.register(LayananOnline)
class LayananOnlineAdmin(admin.ModelAdmin):
    list_display = ["layanan", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]
    autocomplete_fields = ["layanan"]


@admin.register(Warga)
class WargaAdmin(admin.ModelAdmin):
    """Accounts are read here (to help a citizen at the counter); they are made by the sign-up only."""

    list_display = ["__str__", "email", "dibuat"]
    search_fields = ["=nik", "email"]
    readonly_fields = ["user", "nik", "nama", "email", "telepon", "dibuat"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PermohonanOnline)
class PermohonanOnlineAdmin(admin.ModelAdmin):
    list_display = ["nomor_permohonan", "layanan", "status", "status_sejak", "berkas"]
    list_filter = ["status", "layanan"]
    search_fields = ["=nomor_permohonan"]
    readonly_fields = [f.name for f in PermohonanOnline._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
