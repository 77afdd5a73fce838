"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import kerjasama, permintaan_data
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
    # kerja sama (PKS/KSB) register
    path("kerjasama/", kerjasama.kerjasama_list, name="kerjasama"),
    path("kerjasama/baru/", kerjasama.kerjasama_baru, name="kerjasama-baru"),
    path("kerjasama/<int:pk>/", kerjasama.kerjasama_detail, name="kerjasama-detail"),
    path("kerjasama/<int:pk>/aksi/<slug:aksi>/", kerjasama.kerjasama_aksi, name="kerjasama-aksi"),
    path("kerjasama/<int:pk>/berkas/<slug:berkas>/", kerjasama.kerjasama_berkas, name="kerjasama-berkas"),
    # permintaan data dan pemadanan
    path("permintaan-data/", permintaan_data.permintaan_list, name="permintaan"),
    path(
        "permintaan-data/dari-disposisi/<int:disposisi_pk>/",
        permintaan_data.permintaan_dari_disposisi,
        name="permintaan-dari-disposisi",
    ),
    path("permintaan-data/<int:pk>/", permintaan_data.permintaan_detail, name="permintaan-detail"),
    path("permintaan-data/<int:pk>/aksi/<slug:aksi>/", permintaan_data.permintaan_aksi, name="permintaan-aksi"),
]
