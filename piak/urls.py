"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from dukcapil.routes import record_paths

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


def chain_paths(prefix: str, views, create: str, *files: tuple[str, str]) -> list:
    """The routes of a PIAK record kind with a status chain (``record_paths``): the list, the form
    ``<prefix>/<create>/``, the page, ``<prefix>/<pk>/aksi/<aksi>/`` and the downloads ``files``."""
    return record_paths(
        f"{prefix}/", prefix, views, prefix.replace("-", "_"), create=create, aksi="aksi/<slug:aksi>/", files=files
    )


def operasional_paths(url: str, kind: str, aksi: str) -> list:
    """The routes of an operasional register: ``operasional/<url>/`` the list, ``catat/`` a new row,
    ``xlsx/`` the export and ``<pk>/<aksi>/`` the one entry on a row. Views ``<kind>_<what>``
    (``_baru`` for catat), names ``operasional-<kind>[-<what>]``."""

    def route(rest: str, what: str):
        name = f"operasional-{kind}" + ("" if what == "list" else f"-{what}")
        return path(f"operasional/{url}/{rest}", getattr(operasional, f"{kind}_{what}"), name=name)

    return [route("", "list"), route("catat/", "baru"), route("xlsx/", "xlsx"), route(f"<int:pk>/{aksi}/", aksi)]


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
    *chain_paths("gangguan", gangguan, "lapor"),
    path("gangguan/<int:pk>/laporan-rekanan/", gangguan.gangguan_rekanan_berkas, name="gangguan-rekanan-berkas"),
    path("gangguan/monitoring/", gangguan.monitoring, name="gangguan-monitoring"),
    path("gangguan/monitoring/xlsx/", gangguan.monitoring_xlsx, name="gangguan-monitoring-xlsx"),
    path("gangguan/monitoring/ajukan/", gangguan.monitoring_ajukan, name="gangguan-monitoring-ajukan"),
    # --- end gangguan
    # inovasi layanan (P.6.6)
    *chain_paths("inovasi", inovasi, "usul", ("rancangan/", "rancangan")),
    # --- end inovasi
    # operasional: backup log, buku tamu ruang server, akses database, inventaris perangkat SIAK
    *operasional_paths("backup", "backup", "uji"),
    *operasional_paths("ruang-server", "kunjungan", "keluar"),
    *operasional_paths("akses-database", "akses", "pakta"),
    *operasional_paths("perangkat", "perangkat", "periksa"),
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
    *chain_paths("update-data", update_data, "baru", ("bukti/", "bukti")),
    # --- end update data
    # sosialisasi kebijakan kependudukan (Lumajang)
    *chain_paths("sosialisasi", sosialisasi, "rencana", ("berkas/<slug:berkas>/", "berkas")),
    # --- end sosialisasi
]
