from django.urls import path

from . import views

app_name = "warga"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("daftar/", views.daftar, name="daftar"),
    path("daftar/kode/", views.kode, name="kode"),
    path("daftar/kirim-ulang/", views.kirim_ulang, name="kirim-ulang"),
    path("masuk/", views.masuk, name="masuk"),
    path("ajukan/<slug:kode>/", views.buat, name="buat"),
    path("permohonan/<str:nomor>/", views.permohonan, name="permohonan"),
    path("permohonan/<str:nomor>/unggahan/<int:pk>/", views.unggahan, name="unggahan"),
    path("permohonan/<str:nomor>/dokumen/<slug:jenis>/", views.dokumen, name="dokumen"),
    path("permohonan/<str:nomor>/konsep/", views.konsep, name="konsep"),
    # the loket's side
    path("petugas/", views.daftar_petugas, name="petugas"),
    path("petugas/<str:nomor>/", views.verifikasi, name="verifikasi"),
]
