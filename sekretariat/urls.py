from django.urls import include, path

from .views import naskah as naskah_views
from .views import surat_masuk as sm

# --- surat masuk and disposisi ---
satu_surat = [
    path("", sm.surat_masuk_detail, name="surat-masuk-detail"),
    path("pindaian/", sm.surat_masuk_pindaian, name="surat-masuk-pindaian"),
    path("lembar-disposisi/", sm.lembar_disposisi, name="lembar-disposisi"),
    path("<slug:aksi>/", sm.surat_masuk_aksi, name="surat-masuk-aksi"),
]

urlpatterns = [
    path("surat-masuk/", sm.surat_masuk_list, name="surat-masuk"),
    path("surat-masuk/baru/", sm.surat_masuk_baru, name="surat-masuk-baru"),
    path("surat-masuk/buku-agenda/", sm.buku_agenda, name="buku-agenda-masuk"),
    path("surat-masuk/<int:pk>/", include(satu_surat)),
    path(
        "disposisi/",
        include(
            [
                path("", sm.register_disposisi, name="register-disposisi"),
                path("saya-berikan/", sm.disposisi_saya, name="disposisi-diberikan"),
                path("<int:pk>/", sm.disposisi_detail, name="disposisi-detail"),
                path("<int:pk>/<slug:aksi>/", sm.disposisi_aksi, name="disposisi-aksi"),
            ]
        ),
    ),
    # --- end surat masuk ---
]

# --- naskah dinas keluar (sek2) ---
_naskah = [
    path("ubah/", naskah_views.naskah_ubah, name="naskah-ubah"),
    path("versi/", naskah_views.naskah_diff, name="naskah-diff"),
    path("pdf/<slug:jenis>/", naskah_views.naskah_pdf, name="naskah-pdf"),
    path("<slug:action>/", naskah_views.naskah_action, name="naskah-action"),
]
urlpatterns += [
    path("naskah/", naskah_views.naskah_list, name="naskah-list"),
    path("naskah/baru/<slug:kode>/", naskah_views.naskah_baru, name="naskah-baru"),
    path("naskah/balas/<int:pk>/", naskah_views.naskah_balas, name="naskah-balas"),
    path("naskah/<int:pk>/", include(_naskah)),
    path("naskah/<int:pk>/", naskah_views.naskah_detail, name="naskah-detail"),
    path("buku-agenda-keluar/", naskah_views.buku_agenda_keluar, name="buku-agenda-keluar"),
    path("buku-ekspedisi/", naskah_views.buku_ekspedisi, name="buku-ekspedisi"),
]
# --- end naskah dinas keluar ---

app_name = "sekretariat"
