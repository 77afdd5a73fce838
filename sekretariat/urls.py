from django.urls import include, path

from .views import naskah as naskah_views

# --- naskah dinas keluar (sek2) ---
_naskah = [
    path("ubah/", naskah_views.naskah_ubah, name="naskah-ubah"),
    path("versi/", naskah_views.naskah_diff, name="naskah-diff"),
    path("pdf/<slug:jenis>/", naskah_views.naskah_pdf, name="naskah-pdf"),
    path("<slug:action>/", naskah_views.naskah_action, name="naskah-action"),
]
urlpatterns = [
    path("naskah/", naskah_views.naskah_list, name="naskah-list"),
    path("naskah/baru/<slug:kode>/", naskah_views.naskah_baru, name="naskah-baru"),
    path("naskah/<int:pk>/", include(_naskah)),
    path("naskah/<int:pk>/", naskah_views.naskah_detail, name="naskah-detail"),
    path("buku-agenda-keluar/", naskah_views.buku_agenda_keluar, name="buku-agenda-keluar"),
    path("buku-ekspedisi/", naskah_views.buku_ekspedisi, name="buku-ekspedisi"),
]
# --- end naskah dinas keluar ---

app_name = "sekretariat"
