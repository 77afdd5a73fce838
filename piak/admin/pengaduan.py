"""Admin of pengaduan: the state changes and the answer go through the services; an open ticket's
citizen contact data may be corrected here, a ticket whose answer the citizen has received is
read-only (its answer is theirs)."""

from django.contrib import admin

from ..models import TERJAWAB, Pengaduan

# what only the services write: the ticket, its state, the routing and the answer
DIKUNCI = [
    "nomor_tiket", "saluran", "jenis", "kategori", "isi", "lampiran", "diterima_pada", "dicatat_oleh",
    "bidang", "bidang_penjawab", "jawaban", "penjawab", "dijawab_pada", "ditutup_pada", "status",
    "status_sejak", "catatan", "standar_waktu", "tenggat",
]  # fmt: skip


@admin.register(Pengaduan)
class PengaduanAdmin(admin.ModelAdmin):
    list_display = ["nomor_tiket", "diterima_pada", "saluran", "jenis", "kategori", "bidang_penjawab", "status"]
    list_filter = ["status", "saluran", "jenis", "kategori"]
    search_fields = ["nomor_tiket"]
    exclude = ["kode_hash"]

    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        if obj is not None and obj.status in TERJAWAB:
            return [f.name for f in Pengaduan._meta.fields if f.name != "kode_hash"]
        return DIKUNCI

    def save_model(self, request, obj, form, change) -> None:
        """Only the corrected fields: a whole-row save would write back a state a service changed meanwhile."""
        if form.changed_data:
            obj.save(update_fields=form.changed_data)
