"""Reads of presensi: the monthly rekap per Pegawai (the register of employees, with or without a
login), the keterangan of a month."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from dukcapil.hari_kerja import is_hari_kerja, office_closures

from ..models.kepegawaian import Pegawai
from ..models.presensi import KOLOM_REKAP, JamKerja, KeteranganPresensi, Presensi, RekapPresensi


@dataclass
class BarisRekap:
    """One employee's month: counts of working days, minutes late and early."""

    pegawai: object
    hari_kerja: int = 0
    hadir: int = 0
    terlambat: int = 0  # days
    menit_terlambat: int = 0
    pulang_cepat: int = 0  # days (including no scan out)
    menit_pulang_cepat: int = 0
    izin: int = 0
    sakit: int = 0
    cuti: int = 0
    dinas_luar: int = 0
    tanpa_keterangan: int = 0


def pegawai_aktif() -> QuerySet[Pegawai]:
    """The office's active employees (data pegawai): the fingerprint machine knows them by NIP or
    by their ID mesin."""
    return Pegawai.objects.filter(aktif=True).order_by("nama", "nip")


def bulan_range(tahun: int, bulan: int) -> tuple[date, date]:
    return date(tahun, bulan, 1), date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _minutes(a: time, b: time) -> int:
    """Whole minutes from ``a`` to ``b`` (negative when ``b`` is earlier)."""
    day = date(2000, 1, 1)
    return int((datetime.combine(day, b) - datetime.combine(day, a)).total_seconds() // 60)


def hari_kerja_bulan(tahun: int, bulan: int, sampai: date | None = None) -> list[date]:
    """The month's working days (office calendar), up to ``sampai`` (today for the running month)."""
    awal, akhir = bulan_range(tahun, bulan)
    return hari_kerja_antara(awal, min(akhir, sampai or timezone.localdate()))


def hari_kerja_antara(awal: date, akhir: date) -> list[date]:
    """The working days from ``awal`` to ``akhir`` inclusive: weekdays with jam kerja, not closed."""
    closures = office_closures(awal, akhir)
    jadwal = set(JamKerja.objects.values_list("hari", flat=True))
    days = (awal + timedelta(days=n) for n in range((akhir - awal).days + 1))
    return [d for d in days if d.weekday() in jadwal and is_hari_kerja(d, closures)]


def rekap_bulan(tahun: int, bulan: int, sampai: date | None = None) -> list[BarisRekap]:
    """The rekap of every active Pegawai: five queries whatever the office's size.

    On each working day: a scan in → hadir, late by the minutes after that weekday's jam masuk; a
    missing or early scan out → pulang cepat (minutes counted when there is a scan). A keterangan
    counts in its column and excuses lateness and leaving early that day; a day without scan and
    keterangan is tanpa keterangan. Scans on days off are ignored."""
    days = hari_kerja_bulan(tahun, bulan, sampai)
    jadwal = {j.hari: j for j in JamKerja.objects.all()}
    awal, akhir = bulan_range(tahun, bulan)
    scans = {(p.pegawai_id, p.tanggal): p for p in Presensi.objects.filter(tanggal__range=(awal, akhir))}
    notes = {
        (k.pegawai_id, k.tanggal): k.jenis for k in KeteranganPresensi.objects.filter(tanggal__range=(awal, akhir))
    }
    rows = []
    for pegawai in pegawai_aktif():
        row = BarisRekap(pegawai=pegawai, hari_kerja=len(days))
        for day in days:
            scan, note = scans.get((pegawai.pk, day)), notes.get((pegawai.pk, day))
            if note:
                kolom = KOLOM_REKAP[note]
                setattr(row, kolom, getattr(row, kolom) + 1)
            if scan and scan.jam_masuk:
                row.hadir += 1
                jam = jadwal[day.weekday()]
                late = _minutes(jam.jam_masuk, scan.jam_masuk)
                if late > 0 and not note:
                    row.terlambat += 1
                    row.menit_terlambat += late
                early = _minutes(scan.jam_pulang, jam.jam_pulang) if scan.jam_pulang else 0
                if (early > 0 or not scan.jam_pulang) and not note:
                    row.pulang_cepat += 1
                    row.menit_pulang_cepat += max(early, 0)
            elif not note:
                row.tanpa_keterangan += 1
        rows.append(row)
    return rows


def keterangan_bulan(tahun: int, bulan: int) -> QuerySet:
    return KeteranganPresensi.objects.filter(tanggal__range=bulan_range(tahun, bulan)).select_related(
        "pegawai", "dicatat_oleh"
    )


def rekap_tercatat(tahun: int, bulan: int) -> RekapPresensi | None:
    return RekapPresensi.objects.filter(tahun=tahun, bulan=bulan).select_related("naskah").first()


def impor_terakhir(limit: int = 10) -> QuerySet:
    from ..models.presensi import ImporPresensi

    return ImporPresensi.objects.select_related("diimpor_oleh").order_by("-diimpor_pada")[:limit]
