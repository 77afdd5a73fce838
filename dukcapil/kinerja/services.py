"""The monthly laporan kinerja pelayanan: drawn up by the Kasubag as a naskah (konsep) whose chain
carries the Sekretaris's paraf and the Kadis's TTE (``naskah_bulanan_buat``, as the presensi rekap)."""

import calendar
from datetime import date, timedelta
from html import escape

from django.db import connection, transaction
from django.utils import timezone

from sekretariat.services.naskah import naskah_bulanan_buat
from sekretariat.services.presensi import NAMA_BULAN

from ..exceptions import BerkasForbidden
from ..workflow.permissions import Aksi, can
from . import rekap
from . import selectors as sel
from .kinerja_data import JENIS_LAPORAN
from .models import LaporanKinerja, RekapHari
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


def rekap_hitung(*, hari: list[date]) -> int:
    """Roll up each day of ``hari`` again: its rows deleted and inserted from the base tables in one
    transaction per day (idempotent), and the day marked computed now. Returns the days done."""
    for d in sorted(set(hari)):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM kinerja_rekaphari WHERE tanggal = %s FOR UPDATE", [d])
            for tabel, kolom in rekap.KOLOM.items():
                cursor.execute(f"DELETE FROM {tabel} WHERE tanggal = %s", [d])
                select, bounds = rekap.sql(tabel, [d])
                insert = f"INSERT INTO {tabel} ({kolom}) SELECT {kolom} FROM ({select}) x"
                cursor.execute(insert, rekap.params([d], **bounds))
            RekapHari.objects.update_or_create(tanggal=d, defaults={"dihitung_pada": timezone.now()})
    return len(set(hari))


def rekap_harian() -> int:
    """The nightly roll-up: yesterday, the last ``HARI_ULANG`` days still without a roll-up, and every
    day made dirty by a later change (``rekap.hari_live``)."""
    today = timezone.localdate()
    kemarin = today - timedelta(days=1)
    hari = {kemarin, *rekap.hari_live(today - timedelta(days=rekap.HARI_ULANG), kemarin, berkas=True)}
    lama = RekapHari.objects.filter(tanggal__lt=today - timedelta(days=rekap.HARI_ULANG)).values_list(
        "tanggal", flat=True
    )
    if lama:
        hari |= set(rekap.hari_live(min(lama), today - timedelta(days=rekap.HARI_ULANG + 1), berkas=True))
    return rekap_hitung(hari=[d for d in hari if d < today])
