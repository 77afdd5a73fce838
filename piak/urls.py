"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import pengaduan, publikasi

app_name = "piak"

urlpatterns: list = [
    # --- pengaduan dan informasi (P.6.5): the citizen's pages, then PIAK's and the bidang's
    path("pengaduan/kirim/", pengaduan.kirim_publik, name="pengaduan-kirim"),
    path("pengaduan/cek/", pengaduan.cek_publik, name="pengaduan-cek"),
    path("pengaduan/", pengaduan.daftar, name="pengaduan"),
    path("pengaduan/catat/", pengaduan.catat, name="pengaduan-catat"),
    path("pengaduan/statistik/", pengaduan.statistik, name="pengaduan-statistik"),
    path("pengaduan/statistik/xlsx/", pengaduan.statistik_xlsx, name="pengaduan-statistik-xlsx"),
    path("pengaduan/<int:pk>/", pengaduan.detail, name="pengaduan-detail"),
    path("pengaduan/<int:pk>/lampiran/", pengaduan.lampiran, name="pengaduan-lampiran"),
    path("pengaduan/<int:pk>/<slug:aksi>/", pengaduan.aksi, name="pengaduan-aksi"),
    # --- publikasi (P.6.2)
    path("publikasi/", publikasi.daftar, name="publikasi"),
    path("publikasi/baru/", publikasi.buat, name="publikasi-buat"),
    path("publikasi/<int:pk>/", publikasi.detail, name="publikasi-detail"),
    path("publikasi/<int:pk>/gambar/<int:gambar_id>/", publikasi.gambar, name="publikasi-gambar"),
    path("publikasi/<int:pk>/<slug:aksi>/", publikasi.aksi, name="publikasi-aksi"),
]
