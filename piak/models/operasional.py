"""PIAK's operational registers of the data centre (pusat data) and the SIAK equipment.

SOPs: Lumajang «SOP Backup Database» (the ADB backs the database up by the schedule, keeps the
duplicate in a safe place and writes the backup report, 2 jam; the Kasi receives and keeps it,
1 jam), «SOP Pengelolaan Akses ke Pusat Data» (the Kasi lists everyone who may reach the data
centre and the database, the Kabid checks and signs the list, every person signs an access
agreement, the Kasi keeps the agreements and a buku tamu of the data centre) and «SOP
Pengelolaan dan Pemeliharaan Pusat Data» (device list, a schedule of checks); Bintan «Monitoring
Perangkat» (the inventory of SIAK devices at the office and the kecamatan, checked periodically).
These are registers, not workflows: each row is written once by PIAK's ADB or Kasi.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dukcapil.workflow.models import optional_staff

__all__ = [
    "AksesDatabase",
    "Backup",
    "HakAkses",
    "HasilUji",
    "JenisBackup",
    "JenisPerangkat",
    "KondisiPerangkat",
    "KunjunganRuangServer",
    "PemeriksaanPerangkat",
    "PerangkatSiak",
    "UjiPemulihan",
]


class JenisBackup(models.TextChoices):
    DATABASE = "database", "Database SIAK"
    BERKAS = "berkas", "Berkas"
    KONFIGURASI = "konfigurasi", "Konfigurasi"


class HasilUji(models.TextChoices):
    BERHASIL = "berhasil", "Berhasil"
    GAGAL = "gagal", "Gagal"


class HakAkses(models.TextChoices):
    READ = "read", "Baca (read)"
    WRITE = "write", "Tulis (write)"
    ADMIN = "admin", "Administrator (admin)"


class JenisPerangkat(models.TextChoices):
    PEREKAM = "perekam", "Perekam KTP-el"
    PRINTER = "printer", "Printer"
    SERVER = "server", "Server"
    PC = "pc", "PC"
    JARINGAN = "jaringan", "Perangkat jaringan"


class KondisiPerangkat(models.TextChoices):
    BAIK = "baik", "Baik"
    RUSAK_RINGAN = "rusak_ringan", "Rusak ringan"
    RUSAK_BERAT = "rusak_berat", "Rusak berat"


def _pencatat():
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")


class Backup(models.Model):
    """One backup run: what, when, where the duplicate is kept, its size and checksum, who made it."""

    jenis = models.CharField("yang di-backup", max_length=20, choices=JenisBackup.choices)
    waktu = models.DateTimeField("waktu backup")
    media = models.CharField("media", max_length=100)
    lokasi_penyimpanan = models.CharField("lokasi penyimpanan", max_length=200)
    ukuran_mb = models.DecimalField("ukuran (MB)", max_digits=12, decimal_places=1)
    checksum = models.CharField("checksum (SHA-256/MD5)", max_length=128)
    petugas = _pencatat()
    dicatat_pada = models.DateTimeField("dicatat pada", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "log backup"
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["-waktu"], name="backup_waktu_idx")]

    def __str__(self) -> str:
        return f"Backup {self.get_jenis_display()} {self.waktu:%Y-%m-%d %H:%M}"


class UjiPemulihan(models.Model):
    """A restore test of one backup: on what date, the result, notes, who tested."""

    backup = models.ForeignKey(Backup, on_delete=models.CASCADE, related_name="uji", verbose_name="backup")
    tanggal = models.DateField("tanggal uji")
    hasil = models.CharField("hasil", max_length=10, choices=HasilUji.choices)
    catatan = models.TextField("catatan", blank=True)
    petugas = _pencatat()

    class Meta:
        verbose_name = verbose_name_plural = "verifikasi pemulihan (restore)"
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"Uji pemulihan {self.tanggal} {self.get_hasil_display()}"


class KunjunganRuangServer(models.Model):
    """The buku tamu of the server room, with the key: a staff member or a visitor."""

    staf = optional_staff("pegawai")
    nama_tamu = models.CharField("nama tamu", max_length=200, blank=True)
    instansi = models.CharField("instansi tamu", max_length=200, blank=True)
    keperluan = models.CharField("keperluan", max_length=300)
    masuk = models.DateTimeField("waktu masuk")
    keluar = models.DateTimeField("waktu keluar", null=True, blank=True)
    pendamping = optional_staff("didampingi oleh")
    kunci_diambil = models.BooleanField("kunci diambil", default=False)
    kunci_dikembalikan = models.BooleanField("kunci dikembalikan", default=False)
    dicatat_oleh = _pencatat()

    class Meta:
        verbose_name = verbose_name_plural = "buku tamu ruang server"
        ordering = ["-masuk", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(keluar__isnull=True) | models.Q(keluar__gte=models.F("masuk")),
                name="kunjungan_keluar_setelah_masuk",
                violation_error_message="Waktu keluar tidak boleh sebelum waktu masuk.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} {self.masuk:%Y-%m-%d %H:%M}"

    @property
    def nama(self) -> str:
        return self.staf.get_full_name() if self.staf_id else self.nama_tamu

    @property
    def masih_di_dalam(self) -> bool:
        return self.keluar is None


class AksesDatabase(models.Model):
    """Someone who holds access to the SIAK database, with the signed access agreement."""

    staf = optional_staff("pegawai")
    nama_luar = models.CharField("nama (pihak luar)", max_length=200, blank=True)
    instansi = models.CharField("instansi (pihak luar)", max_length=200, blank=True)
    hak = models.CharField("hak akses", max_length=10, choices=HakAkses.choices)
    diberikan = models.DateField("diberikan tanggal")
    dicabut = models.DateField("dicabut tanggal", null=True, blank=True)
    pakta = models.FileField("pakta integritas (PDF)", upload_to="piak/operasional/pakta/%Y/", blank=True)
    dicatat_oleh = _pencatat()

    class Meta:
        verbose_name = verbose_name_plural = "daftar akses database"
        ordering = ["-diberikan", "-pk"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.hak})"

    @property
    def nama(self) -> str:
        return self.staf.get_full_name() if self.staf_id else self.nama_luar

    @property
    def aktif(self) -> bool:
        return self.dicabut is None or self.dicabut > timezone.localdate()


class PerangkatSiak(models.Model):
    """One SIAK device of the inventory (Bintan «Monitoring Perangkat»)."""

    jenis = models.CharField("jenis perangkat", max_length=20, choices=JenisPerangkat.choices)
    merek = models.CharField("merek/tipe", max_length=200)
    nomor_seri = models.CharField("nomor seri", max_length=100, unique=True)
    lokasi = models.CharField("lokasi (kantor/kecamatan)", max_length=200)
    dicatat_oleh = _pencatat()

    class Meta:
        verbose_name = verbose_name_plural = "inventaris perangkat SIAK"
        ordering = ["lokasi", "jenis", "nomor_seri"]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor_seri}"


class PemeriksaanPerangkat(models.Model):
    """The quarterly condition check of one device: one per device and quarter."""

    perangkat = models.ForeignKey(PerangkatSiak, on_delete=models.CASCADE, related_name="pemeriksaan")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=[(i, f"Triwulan {i}") for i in range(1, 5)])
    kondisi = models.CharField("kondisi", max_length=20, choices=KondisiPerangkat.choices)
    catatan = models.TextField("catatan", blank=True)
    diperiksa_pada = models.DateField("diperiksa tanggal")
    pemeriksa = _pencatat()

    class Meta:
        verbose_name = verbose_name_plural = "pemeriksaan perangkat per triwulan"
        ordering = ["-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat", "tahun", "triwulan"], name="pemeriksaan_satu_per_triwulan")
        ]

    def __str__(self) -> str:
        return f"{self.perangkat} T{self.triwulan}/{self.tahun}"
