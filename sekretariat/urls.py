from django.urls import path

from .views import naskah as naskah_views

app_name = "sekretariat"

urlpatterns = [
    # --- naskah dinas keluar (sek2) ---
    path("naskah/", naskah_views.naskah_list, name="naskah-list"),
    path("naskah/baru/<slug:kode>/", naskah_views.naskah_baru, name="naskah-baru"),
    path("naskah/<int:pk>/", naskah_views.naskah_detail, name="naskah-detail"),
    path("naskah/<int:pk>/ubah/", naskah_views.naskah_ubah, name="naskah-ubah"),
    path("naskah/<int:pk>/versi/", naskah_views.naskah_diff, name="naskah-diff"),
    path("naskah/<int:pk>/pdf/<slug:jenis>/", naskah_views.naskah_pdf, name="naskah-pdf"),
    path("naskah/<int:pk>/<slug:action>/", naskah_views.naskah_action, name="naskah-action"),
    path("buku-agenda-keluar/", naskah_views.buku_agenda_keluar, name="buku-agenda-keluar"),
    path("buku-ekspedisi/", naskah_views.buku_ekspedisi, name="buku-ekspedisi"),
    # --- end naskah dinas keluar ---
]
