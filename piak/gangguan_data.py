"""Default data of gangguan: the jenis naskah of the monthly monitoring report (Lumajang «SOP
Monitoring Jaringan Komunikasi Data» step 6: the Kabid checks and signs it). Idempotent."""

from sekretariat.naskah_data import laporan_berjudul

TEMPLAT_LAPORAN = (
    "<p>Berikut laporan berkala monitoring jaringan komunikasi data, SIAK dan perangkat.</p>"
    "<table><tr><th>Kategori gangguan</th><th>Jumlah</th></tr><tr><td>...</td><td>...</td></tr></table>"
)


TEMPLAT_SPJ = (
    "<p>Bersama ini disampaikan laporan hasil perbaikan peralatan jaringan komunikasi data SIAK oleh "
    "rekanan pemeliharaan beserta pertanggungjawaban (SPJ) biayanya.</p>"
)


# kode, nama, rute paraf, templat isi, urutan
JENIS = (
    ("laporan-monitoring-jaringan", "Laporan Monitoring Jaringan", ["kabid"], TEMPLAT_LAPORAN, 30),
    # Bintan «Pemeliharaan Sistem Jarkomdat SIAK» steps 3–6: Kasi → Kabid → Sekretaris → Kadis
    ("spj-perbaikan-jaringan", "Laporan Hasil Perbaikan dan SPJ Jarkomdat", ["kabid", "sekretaris"], TEMPLAT_SPJ, 31),
)


def load(apps=None) -> None:
    for kode, nama, rute_paraf, templat, urutan in JENIS:
        laporan_berjudul(apps, kode=kode, nama=nama, rute_paraf=rute_paraf, templat_isi=templat, urutan=urutan)
