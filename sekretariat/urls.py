from django.urls import path

from . import surat_masuk_views

app_name = "sekretariat"

urlpatterns = [
    # --- surat masuk and disposisi ---
    path("surat-masuk/", surat_masuk_views.surat_masuk_list, name="surat-masuk"),
    path("surat-masuk/baru/", surat_masuk_views.surat_masuk_baru, name="surat-masuk-baru"),
    path("surat-masuk/buku-agenda/", surat_masuk_views.buku_agenda, name="buku-agenda-masuk"),
    path("surat-masuk/<int:pk>/", surat_masuk_views.surat_masuk_detail, name="surat-masuk-detail"),
    path("surat-masuk/<int:pk>/pindaian/", surat_masuk_views.surat_masuk_pindaian, name="surat-masuk-pindaian"),
    path("surat-masuk/<int:pk>/lembar-disposisi/", surat_masuk_views.lembar_disposisi, name="lembar-disposisi"),
    path("surat-masuk/<int:pk>/<slug:aksi>/", surat_masuk_views.surat_masuk_aksi, name="surat-masuk-aksi"),
    path("disposisi/", surat_masuk_views.register_disposisi, name="register-disposisi"),
    path("disposisi/saya-berikan/", surat_masuk_views.disposisi_saya, name="disposisi-diberikan"),
    path("disposisi/<int:pk>/", surat_masuk_views.disposisi_detail, name="disposisi-detail"),
    path("disposisi/<int:pk>/<slug:aksi>/", surat_masuk_views.disposisi_aksi, name="disposisi-aksi"),
    # --- end surat masuk ---
]
