from django.urls import include, path

from . import surat_masuk_views as sm

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
app_name = "sekretariat"
