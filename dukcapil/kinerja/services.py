"""The monthly laporan kinerja pelayanan: drawn up by the Kasubag as a naskah (konsep) whose chain
carries the Sekretaris's paraf and the Kadis's TTE (``naskah_bulanan_buat``, as the presensi rekap)."""

import calendar
from datetime import date
from html import escape

from sekretariat.services.naskah import naskah_bulanan_buat
from sekretariat.services.presensi import NAMA_BULAN

from ..exceptions import BerkasForbidden
from ..workflow.permissions import Aksi, can
from . import selectors as sel
from .kinerja_data import JENIS_LAPORAN
from .models import LaporanKinerja
from .tables import angka, persen

TOLAK_AJUKAN = "Laporan kinerja pelayanan disusun oleh Kasubag perencanaan dan pelaporan."


def judul_bulan(tahun: int, bulan: int) -> str:
    return f"{NAMA_BULAN[bulan]} {tahun}"


def periode_bulan(tahun: int, bulan: int) -> sel.Periode:
    """The whole month, every bidang (the report goes to the Kadis)."""
    return sel.Periode(date(tahun, bulan, 1), date(tahun, bulan, calendar.monthrange(tahun, bulan)[1]))


def isi_laporan(tahun: int, bulan: int) -> str:
    """The naskah's body: the month's figures per layanan and the steps that ran slowest."""
    p = periode_bulan(tahun, bulan)
    layanan = sel.ringkasan_layanan(p)
    jumlah = sel.total(layanan)
    tahap = [r for r in sel.per_tahap(p) if r["rasio"] is not None]
    tahap = sorted(tahap, key=lambda r: -r["rasio"])[:5]
    baris = "".join(
        f"<tr><td>{escape(r['nama'])}</td><td>{angka(r['masuk'])}</td><td>{angka(r['selesai'])}</td>"
        f"<td>{angka(r['proses'])}</td><td>{persen(r['persen_tepat'])}</td><td>{angka(r['median_jam'])}</td></tr>"
        for r in layanan
    )
    lambat = "".join(
        f"<tr><td>{escape(r['layanan'])}</td><td>{escape(r['tahap_label'])}</td><td>{angka(r['standar_menit'])}</td>"
        f"<td>{angka(r['median_menit'])}</td><td>{persen(r['persen_lewat'])}</td></tr>"
        for r in tahap
    )
    return (
        f"<p>Berikut laporan kinerja pelayanan administrasi kependudukan bulan {judul_bulan(tahun, bulan)}: "
        f"indikator kinerja, target, realisasi dan persentase capaian.</p>"
        f"<p>Berkas masuk {angka(jumlah['masuk'])}, selesai {angka(jumlah['selesai'])}, dalam proses "
        f"{angka(jumlah['proses'])}, dibatalkan {angka(jumlah['batal'])}. Target: seluruh berkas selesai dalam "
        f"jangka waktu Standar Pelayanan; realisasi: {angka(jumlah['tepat'])} dari {angka(jumlah['bertenggat'])} "
        f"berkas selesai tepat waktu (capaian {persen(jumlah['persen_tepat'])}).</p>"
        f"<table><tr><th>Layanan</th><th>Masuk</th><th>Selesai</th><th>Proses</th><th>Tepat waktu</th>"
        f"<th>Median (jam)</th></tr>{baris}</table>"
        f"<p>Tahap SOP yang paling lambat dibanding standarnya:</p>"
        f"<table><tr><th>Layanan</th><th>Tahap</th><th>Standar (menit)</th><th>Median (menit)</th>"
        f"<th>Melewati standar</th></tr>{lambat}</table>"
        f"<p>Grafik dan tabel lengkap terlampir (Laporan Kinerja Pelayanan, PDF).</p>"
    )


def laporan_kinerja_ajukan(*, user, tahun: int, bulan: int) -> LaporanKinerja:
    """The month's report as a naskah konsep for the Kadis; one per month (a withdrawn one may be replaced)."""
    if not can(user, Aksi.LAPORAN_KINERJA):
        raise BerkasForbidden(TOLAK_AJUKAN)
    return naskah_bulanan_buat(
        model=LaporanKinerja,
        user=user,
        tahun=tahun,
        bulan=bulan,
        jenis_kode=JENIS_LAPORAN,
        hal=f"Laporan kinerja pelayanan bulan {judul_bulan(tahun, bulan)}",
        isi=isi_laporan(tahun, bulan),
        label="Laporan kinerja",
        tujuan_nama="Kepala Dinas",
        lampiran="1 (satu) berkas",
    )


def daftar_laporan() -> list[LaporanKinerja]:
    return list(LaporanKinerja.objects.select_related("naskah").order_by("-tahun", "-bulan")[:24])
