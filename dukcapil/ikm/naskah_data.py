"""Default data of the IKM: the jenis naskah of the semester report. The Kasi drafts it, the
Kabid initials it (paraf koordinasi) and the Kadis signs it (Bintan Standar Pelayanan, komponen
evaluasi: IKM «setiap semester I dan II»). Idempotent; editable in admin."""

from sekretariat.naskah_data import laporan_berjudul

KODE_JENIS = "laporan-ikm"

TEMPLAT = (
    "<p>Berikut laporan hasil Survei Kepuasan Masyarakat (Permenpan-RB Nomor 14 Tahun 2017) semester ini.</p>"
    "<table><tr><th>Unsur</th><th>NRR</th></tr><tr><td>...</td><td>...</td></tr></table>"
)


def load(apps=None) -> None:
    laporan_berjudul(apps, kode=KODE_JENIS, nama="Laporan Survei Kepuasan Masyarakat", rute_paraf=["kabid"],
                     templat_isi=TEMPLAT)  # fmt: skip
