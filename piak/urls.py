"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import distribusi_blangko as blangko
from .views import (
    gangguan,
    inovasi,
    kerjasama,
    operasional,
    pengaduan,
    permintaan_data,
    publikasi,
    sosialisasi,
    update_data,
)
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
    # inovasi layanan (P.6.6)
    path("inovasi/", inovasi.inovasi_list, name="inovasi-list"),
    path("inovasi/usul/", inovasi.inovasi_usul, name="inovasi-usul"),
    path("inovasi/<int:pk>/", inovasi.inovasi_detail, name="inovasi-detail"),
    path("inovasi/<int:pk>/aksi/<slug:aksi>/", inovasi.inovasi_aksi, name="inovasi-aksi"),
    path("inovasi/<int:pk>/rancangan/", inovasi.inovasi_rancangan, name="inovasi-rancangan"),
    # --- end inovasi
    # operasional: backup log, buku tamu ruang server, akses database, inventaris perangkat SIAK
    path("operasional/backup/", operasional.backup_list, name="operasional-backup"),
    path("operasional/backup/catat/", operasional.backup_baru, name="operasional-backup-baru"),
    path("operasional/backup/xlsx/", operasional.backup_xlsx, name="operasional-backup-xlsx"),
    path("operasional/backup/<int:pk>/uji/", operasional.backup_uji, name="operasional-backup-uji"),
    path("operasional/ruang-server/", operasional.kunjungan_list, name="operasional-kunjungan"),
    path("operasional/ruang-server/catat/", operasional.kunjungan_baru, name="operasional-kunjungan-baru"),
    path("operasional/ruang-server/xlsx/", operasional.kunjungan_xlsx, name="operasional-kunjungan-xlsx"),
    path(
        "operasional/ruang-server/<int:pk>/keluar/", operasional.kunjungan_keluar, name="operasional-kunjungan-keluar"
    ),
    path("operasional/akses-database/", operasional.akses_list, name="operasional-akses"),
    path("operasional/akses-database/catat/", operasional.akses_baru, name="operasional-akses-baru"),
    path("operasional/akses-database/xlsx/", operasional.akses_xlsx, name="operasional-akses-xlsx"),
    path("operasional/akses-database/<int:pk>/pakta/", operasional.akses_pakta, name="operasional-akses-pakta"),
    path("operasional/perangkat/", operasional.perangkat_list, name="operasional-perangkat"),
    path("operasional/perangkat/catat/", operasional.perangkat_baru, name="operasional-perangkat-baru"),
    path("operasional/perangkat/xlsx/", operasional.perangkat_xlsx, name="operasional-perangkat-xlsx"),
    path(
        "operasional/perangkat/<int:pk>/periksa/", operasional.perangkat_periksa, name="operasional-perangkat-periksa"
    ),
    # --- end operasional
    # distribusi blangko, ribbon, film dan cleaning kit ke kecamatan
    path("distribusi-blangko/", blangko.daftar, name="distribusi-blangko"),
    path("distribusi-blangko/stok/", blangko.stok, name="distribusi-blangko-stok"),
    path("distribusi-blangko/stok/terima/", blangko.terima, name="distribusi-blangko-terima"),
    path("distribusi-blangko/baru/", blangko.baru, name="distribusi-blangko-baru"),
    path("distribusi-blangko/<int:pk>/", blangko.detail, name="distribusi-blangko-detail"),
    path("distribusi-blangko/<int:pk>/aksi/<slug:aksi>/", blangko.aksi, name="distribusi-blangko-aksi"),
    path("distribusi-blangko/<int:pk>/bast/", blangko.bast, name="distribusi-blangko-bast"),
    # --- end distribusi blangko
    # update data kependudukan (P.6.7)
    path("update-data/", update_data.update_data_list, name="update-data-list"),
    path("update-data/baru/", update_data.update_data_baru, name="update-data-baru"),
    path("update-data/<int:pk>/", update_data.update_data_detail, name="update-data-detail"),
    path("update-data/<int:pk>/aksi/<slug:aksi>/", update_data.update_data_aksi, name="update-data-aksi"),
    path("update-data/<int:pk>/bukti/", update_data.update_data_bukti, name="update-data-bukti"),
    # --- end update data
    # sosialisasi kebijakan kependudukan (Lumajang)
    path("sosialisasi/", sosialisasi.sosialisasi_list, name="sosialisasi-list"),
    path("sosialisasi/rencana/", sosialisasi.sosialisasi_rencana, name="sosialisasi-rencana"),
    path("sosialisasi/<int:pk>/", sosialisasi.sosialisasi_detail, name="sosialisasi-detail"),
    path("sosialisasi/<int:pk>/aksi/<slug:aksi>/", sosialisasi.sosialisasi_aksi, name="sosialisasi-aksi"),
    path("sosialisasi/<int:pk>/berkas/<slug:berkas>/", sosialisasi.sosialisasi_berkas, name="sosialisasi-berkas"),
    # --- end sosialisasi
]
