from django.contrib import admin

from .models import JalurAntrian, Loket, Panggilan, Tiket


@admin.register(JalurAntrian)
class JalurAntrianAdmin(admin.ModelAdmin):
    list_display = ["huruf", "nama", "kuota_harian", "jam_buka", "jam_tutup", "urutan", "aktif"]
    list_editable = ["kuota_harian", "jam_buka", "jam_tutup", "urutan", "aktif"]
    filter_horizontal = ["layanan"]


@admin.register(Loket)
class LoketAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama", "bidang", "aktif"]
    list_filter = ["bidang", "aktif"]
    filter_horizontal = ["jalur"]


@admin.register(Tiket)
class TiketAdmin(admin.ModelAdmin):
    """Read-only: tickets change only through the kiosk, the website and the loket console."""

    list_display = ["__str__", "jalur", "sumber", "status", "diambil_pada", "dipanggil_pada", "loket", "petugas"]
    list_filter = ["tanggal", "jalur", "status", "sumber"]
    list_select_related = ["jalur", "loket", "petugas"]
    date_hierarchy = "tanggal"
    exclude = ["nik", "token"]  # personal data and the holder's key stay out of the admin

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Panggilan)
class PanggilanAdmin(admin.ModelAdmin):
    list_display = ["pk", "tiket", "loket", "waktu", "ulang"]
    list_select_related = ["tiket__jalur", "loket"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
