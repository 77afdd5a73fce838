"""Admin of publikasi: read-only (the state changes go through the services)."""

from django.contrib import admin

from ..models import Publikasi


@admin.register(Publikasi)
class PublikasiAdmin(admin.ModelAdmin):
    list_display = ["judul_berita", "kanal", "status", "tanggal_terbit"]
    list_filter = ["status", "kanal"]
    search_fields = ["judul_berita"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
