"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import gangguan, kerjasama, pengaduan, permintaan_data, publikasi, update_data
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
    # gangguan SIAK, jaringan dan perangkat
    path("gangguan/", gangguan.gangguan_list, name="gangguan-list"),
    path("gangguan/lapor/", gangguan.gangguan_lapor, name="gangguan-lapor"),
    path("gangguan/<int:pk>/", gangguan.gangguan_detail, name="gangguan-detail"),
    path("gangguan/<int:pk>/aksi/<slug:aksi>/", gangguan.gangguan_aksi, name="gangguan-aksi"),
    path("gangguan/<int:pk>/laporan-rekanan/", gangguan.gangguan_rekanan_berkas, name="gangguan-rekanan-berkas"),
    path("gangguan/monitoring/", gangguan.monitoring, name="gangguan-monitoring"),
    path("gangguan/monitoring/xlsx/", gangguan.monitoring_xlsx, name="gangguan-monitoring-xlsx"),
    path("gangguan/monitoring/ajukan/", gangguan.monitoring_ajukan, name="gangguan-monitoring-ajukan"),
    # --- end gangguan
    # update data kependudukan (P.6.7)
    path("update-data/", update_data.update_data_list, name="update-data-list"),
    path("update-data/baru/", update_data.update_data_baru, name="update-data-baru"),
    path("update-data/<int:pk>/", update_data.update_data_detail, name="update-data-detail"),
    path("update-data/<int:pk>/aksi/<slug:aksi>/", update_data.update_data_aksi, name="update-data-aksi"),
    path("update-data/<int:pk>/bukti/", update_data.update_data_bukti, name="update-data-bukti"),
    # --- end update data
]
