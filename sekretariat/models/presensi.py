"""Presensi: the office's jam kerja as data, the fingerprint machine's daily rows (imported), the
keterangan entered in the app (izin keluar, sakit, cuti, dinas luar) and the monthly rekap that
goes to the Kadis as a naskah (jenis «rekap-presensi»)."""

from django.conf import settings
from django.db import models

__all__ = [
    "KOLOM_REKAP",
    "ImporPresensi",
    "JamKerja",
    "JenisKeterangan",
    "KeteranganPresensi",
    "Presensi",
    "RekapPresensi",
]

HARI = [(0, "Senin"), (1, "Selasa"), (2, "Rabu"), (3, "Kamis"), (4, "Jumat"), (5, "Sabtu"), (6, "Minggu")]


class JamKerja(models.Model):
    """Office hours of one weekday (a weekday without a row is not a working day)."""

    hari = models.PositiveSmallIntegerField("hari", choices=HARI, unique=True)
    jam_masuk = models.TimeField("jam masuk")
    jam_pulang = models.TimeField("jam pulang")

    class Meta:
        verbose_name = verbose_name_plural = "jam kerja"
        ordering = ["hari"]

    def __str__(self) -> str:
        hari = self.get_hari_display()
        return f"{hari} {self.jam_masuk:%H.%M}–{self.jam_pulang:%H.%M}"


class ImporPresensi(models.Model):
    """One uploaded export of the fingerprint machine (all its rows saved, or none)."""

    nama_berkas = models.CharField("nama berkas", max_length=200)
    jumlah_baris = models.PositiveIntegerField("jumlah baris")
    diimpor_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diimpor_pada = models.DateTimeField("diimpor pada", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "impor presensi"

    def __str__(self) -> str:
        return f"{self.nama_berkas} ({self.jumlah_baris} baris)"


class Presensi(models.Model):
    """An employee's scans on one day, as the machine exported them."""

    pegawai = models.ForeignKey("sekretariat.Pegawai", on_delete=models.PROTECT, related_name="presensi")
    tanggal = models.DateField("tanggal")
    jam_masuk = models.TimeField("jam masuk", null=True, blank=True)
    jam_pulang = models.TimeField("jam pulang", null=True, blank=True)
    impor = models.ForeignKey(ImporPresensi, on_delete=models.PROTECT, related_name="baris", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "presensi"
        ordering = ["tanggal"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tanggal"], name="presensi_satu_per_hari")]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tanggal}"


# why someone was away: (value, label, the rekap's column)
_KETERANGAN = [("izin_keluar", "Izin keluar", "izin"), ("sakit", "Sakit", "sakit"), ("cuti", "Cuti", "cuti"),
               ("dinas_luar", "Dinas luar", "dinas_luar")]  # fmt: skip
JenisKeterangan = models.TextChoices("JenisKeterangan", [(v.upper(), (v, label)) for v, label, _ in _KETERANGAN])
KOLOM_REKAP = {value: kolom for value, _, kolom in _KETERANGAN}


class KeteranganPresensi(models.Model):
    """Why an employee was away (or left early) on a day: one per person per day."""

    pegawai = models.ForeignKey("sekretariat.Pegawai", on_delete=models.PROTECT, related_name="keterangan_presensi")
    tanggal = models.DateField("tanggal")
    jenis = models.CharField("jenis", max_length=20, choices=JenisKeterangan.choices)
    catatan = models.CharField("catatan", max_length=300, blank=True)
    lampiran = models.FileField("lampiran", upload_to="presensi/%Y/%m/", blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "keterangan presensi"
        ordering = ["tanggal", "pegawai_id"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tanggal"], name="keterangan_satu_per_hari")]

    def __str__(self) -> str:
        jenis = self.get_jenis_display()
        return f"{jenis} {self.tanggal}"


class NaskahBulanan(models.Model):
    """A monthly report sent up as a naskah (one per month): the naskah carries the signature chain
    (``sekretariat.services.naskah.naskah_bulanan_buat``). The presensi rekap, PIAK's monitoring report."""

    tahun = models.PositiveSmallIntegerField("tahun")
    bulan = models.PositiveSmallIntegerField("bulan")
    naskah = models.ForeignKey(
        "sekretariat.Naskah", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="naskah"
    )
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)

    class Meta:
        abstract = True


class RekapPresensi(NaskahBulanan):
    """The monthly rekap sent to the Kadis: its naskah carries the signature chain."""

    class Meta:
        verbose_name = verbose_name_plural = "rekap presensi"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="rekap_presensi_satu_per_bulan")]

    def __str__(self) -> str:
        return f"Rekap presensi {self.bulan:02d}/{self.tahun}"
