"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import kerjasama, permintaan_data

app_name = "piak"

urlpatterns: list = [
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
