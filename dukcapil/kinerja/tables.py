"""Every table of the dashboards, written once: the page, the CSV/XLSX exports and the PDF report
read the same columns and rows."""

from collections.abc import Callable
from dataclasses import dataclass

from . import selectors as sel


def angka(value) -> str:
    """1234.5 → «1.234,5»; None → «–» (Indonesian number format)."""
    if value is None:
        return "–"
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    return text.replace(",", "#").replace(".", ",").replace("#", ".")


def persen(value) -> str:
    return "–" if value is None else f"{angka(value)}%"


@dataclass(frozen=True)
class Tabel:
    kode: str
    judul: str
    kolom: tuple[str, ...]
    rows: Callable[[sel.Periode], list[dict]]
    cells: Callable[[dict], list]


TABEL: dict[str, Tabel] = {
    t.kode: t
    for t in (
        Tabel(
            "layanan",
            "Berkas per layanan",
            ("Layanan", "Masuk", "Selesai", "Dalam proses", "Dibatalkan", "Menunggu blangko",
             "Selesai tepat waktu", "% tepat waktu", "Median (jam)", "P90 (jam)"),
            sel.ringkasan_layanan,
            lambda r: [r["nama"], r["masuk"], r["selesai"], r["proses"], r["batal"], r["menunggu_blangko"],
                       r["tepat"], r["persen_tepat"], r["median_jam"], r["p90_jam"]],
        ),
        Tabel(
            "tahap",
            "Waktu per tahap SOP dibanding standar",
            ("Layanan", "Tahap", "Jumlah serah-terima", "Standar (menit)", "Median (menit)", "P90 (menit)",
             "Median ÷ standar", "Melewati standar", "% melewati standar"),
            sel.per_tahap,
            lambda r: [r["layanan"], r["tahap_label"], r["jumlah"], r["standar_menit"], r["median_menit"],
                       r["p90_menit"], r["rasio"], r["lewat"], r["persen_lewat"]],
        ),
        Tabel(
            "petugas",
            "Beban dan waktu kerja per petugas",
            ("Petugas", "Jumlah serah-terima", "Median (menit)", "P90 (menit)", "Melewati standar",
             "% melewati standar"),
            sel.per_petugas,
            lambda r: [r["petugas"], r["jumlah"], r["median_menit"], r["p90_menit"], r["lewat"], r["persen_lewat"]],
        ),
        Tabel(
            "loket",
            "Loket: penerimaan berkas per petugas loket",
            ("Petugas loket", "Berkas diproses", "Diterima", "Dikembalikan", "Median (menit)", "P90 (menit)"),
            sel.per_loket,
            lambda r: [r["petugas"], r["jumlah"], r["diterima"], r["dikembalikan"], r["median_menit"], r["p90_menit"]],
        ),
        Tabel(
            "pengembalian",
            "Pengembalian dan pembatalan menurut alasan",
            ("Jenis", "Alasan", "Jumlah"),
            sel.pengembalian,
            lambda r: [r["jenis_label"], r["alasan_label"], r["jumlah"]],
        ),
        Tabel(
            "lainnya",
            "Naskah, disposisi, gangguan dan pengaduan",
            ("Jenis", "Masuk", "Selesai", "Masih terbuka", "Selesai dalam batas waktu", "Bertenggat",
             "% dalam batas waktu", "Median (jam)", "P90 (jam)"),
            sel.lainnya,
            lambda r: [r["nama"], r["masuk"], r["selesai"], r["terbuka"], r["tepat"], r["bertenggat"],
                       r["persen_tepat"], r["median_jam"], r["p90_jam"]],
        ),
        Tabel(
            "statistik",
            "Statistik berkas per layanan, kecamatan dan bulan (tanpa data pribadi)",
            ("Bulan", "Layanan", "Kecamatan", "Masuk", "Selesai", "Dibatalkan"),
            sel.statistik,
            lambda r: [r["bulan"], r["layanan"], r["kecamatan"], r["masuk"], r["selesai"], r["batal"]],
        ),
    )
}  # fmt: skip


def dashboard(p: sel.Periode) -> dict[str, list[dict]]:
    """The rows of every dashboard table for ``p`` (the hand-off tables from one scan)."""
    kartu = sel.kartu_kendali(p)
    return {
        "layanan": sel.ringkasan_layanan(p),
        **kartu,
        "pengembalian": sel.pengembalian(p),
        "lainnya": sel.lainnya(p),
    }
