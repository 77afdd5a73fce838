"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import laporan_penduduk as lapduk

app_name = "piak"

urlpatterns: list = [
    # laporan perkembangan kependudukan (semester) and the monthly report to DP3AK
    path("laporan-penduduk/", lapduk.laporan_list, name="laporan-penduduk"),
    path("laporan-penduduk/buat/", lapduk.laporan_buat, name="laporan-penduduk-buat"),
    path("laporan-penduduk/<int:pk>/", lapduk.laporan_detail, name="laporan-penduduk-detail"),
    path("laporan-penduduk/<int:pk>/pdf/", lapduk.laporan_pdf, name="laporan-penduduk-pdf"),
    path("laporan-penduduk/<int:pk>/xlsx/", lapduk.laporan_xlsx, name="laporan-penduduk-xlsx"),
    path("laporan-penduduk/<int:pk>/ditandatangani/", lapduk.laporan_ttd, name="laporan-penduduk-ttd"),
    path("laporan-penduduk/<int:pk>/<slug:aksi>/", lapduk.laporan_aksi, name="laporan-penduduk-aksi"),
    # --- end laporan perkembangan kependudukan
]
