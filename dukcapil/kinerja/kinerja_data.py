"""Default data of kinerja: the jenis naskah of the monthly laporan kinerja pelayanan (Bintan:
«Indikator Kinerja, target, realisasi, dan presentase capaian kinerja»), drawn up by the Kasubag,
initialled by the Sekretaris and signed by the Kadis. Idempotent."""

from sekretariat.naskah_data import laporan_berjudul

JENIS_LAPORAN = "laporan-kinerja"

TEMPLAT_LAPORAN = (
    "<p>Berikut laporan kinerja pelayanan administrasi kependudukan.</p>"
    "<table><tr><th>Layanan</th><th>Berkas masuk</th><th>Selesai</th><th>Tepat waktu</th></tr>"
    "<tr><td>...</td><td>...</td><td>...</td><td>...</td></tr></table>"
)


def load(apps=None) -> None:
    laporan_berjudul(apps, kode=JENIS_LAPORAN, nama="Laporan Kinerja Pelayanan", rute_paraf=["sekretaris"],
                     templat_isi=TEMPLAT_LAPORAN)  # fmt: skip
