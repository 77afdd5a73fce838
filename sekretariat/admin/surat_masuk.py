"""Admin of the surat masuk part: the instansi address book and the disposisi checklist."""

from django.contrib import admin

from ..models import Instansi, InstruksiDisposisi


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "alamat", "email", "telepon"]
    search_fields = ["nama", "alamat", "email"]


@admin.register(InstruksiDisposisi)
class InstruksiDisposisiAdmin(admin.ModelAdmin):
    list_display = ["nama", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]
    list_filter = ["aktif"]
