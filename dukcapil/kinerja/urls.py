from django.urls import path, re_path

from . import views

app_name = "kinerja"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("api/", views.api, name="api"),
    path("terlambat/", views.terlambat, name="terlambat"),
    re_path(r"^ekspor/(?P<tabel>[a-z]+)\.(?P<fmt>csv|xlsx)$", views.ekspor, name="ekspor"),
    path("laporan/", views.laporan, name="laporan"),
    path("laporan/pdf/", views.laporan_pdf, name="laporan-pdf"),
    path("laporan/ajukan/", views.laporan_ajukan, name="laporan-ajukan"),
]
