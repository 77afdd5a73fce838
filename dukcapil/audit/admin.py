from django.contrib import admin

from dukcapil.admin import ViewOnlyMixin

from .models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """Jejak audit keamanan: read only, written by the login and access-change receivers."""

    list_display = ["waktu", "jenis", "username", "pengguna", "oleh", "ip", "keterangan"]
    list_filter = ["jenis", "waktu", ("pengguna", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["=username", "keterangan"]
    date_hierarchy = "waktu"
    list_select_related = ["pengguna", "oleh"]
    show_full_result_count = False
