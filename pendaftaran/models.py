"""Pendaftaran Penduduk: the data each population-registration berkas carries."""

from django.db import models
from simple_history.models import HistoricalRecords

from dukcapil.choices import JenisKelamin
from dukcapil.models import Berkas

from .choices import (
    Agama,
    GolonganDarah,
    Hubungan,
    JenisPermohonanKK,
    Kewarganegaraan,
    Pendidikan,
    StatusPerkawinan,
)


class PermohonanKK(models.Model):
    """A Kartu Keluarga application: the family as the operator enters it in SIAK."""

    berkas = models.OneToOneField(Berkas, primary_key=True, related_name="permohonan_kk", on_delete=models.CASCADE)
    jenis = models.CharField("jenis permohonan", max_length=20, choices=JenisPermohonanKK.choices)
    nomor_kk = models.CharField("nomor KK", max_length=16, blank=True)
    alamat = models.CharField("alamat", max_length=200, blank=True)
    rt = models.CharField("RT", max_length=3, blank=True)
    rw = models.CharField("RW", max_length=3, blank=True)
    desa_kelurahan = models.CharField("desa/kelurahan", max_length=100, blank=True)
    kecamatan = models.CharField("kecamatan", max_length=100, blank=True)
    kabupaten_kota = models.CharField("kabupaten/kota", max_length=100, blank=True)
    provinsi = models.CharField("provinsi", max_length=100, blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "permohonan KK"
        verbose_name_plural = "permohonan KK"

    def __str__(self) -> str:
        return f"KK {self.berkas_id}"


class AnggotaKeluarga(models.Model):
    permohonan = models.ForeignKey(
        PermohonanKK, related_name="anggota", on_delete=models.CASCADE, verbose_name="permohonan"
    )
    urutan = models.PositiveSmallIntegerField("no. urut")
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama lengkap", max_length=150)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tempat_lahir = models.CharField("tempat lahir", max_length=100)
    tanggal_lahir = models.DateField("tanggal lahir")
    agama = models.CharField("agama", max_length=20, choices=Agama.choices)
    pendidikan = models.CharField("pendidikan", max_length=40, choices=Pendidikan.choices)
    pekerjaan = models.CharField("jenis pekerjaan", max_length=100)
    golongan_darah = models.CharField("golongan darah", max_length=2, choices=GolonganDarah.choices, blank=True)
    status_perkawinan = models.CharField("status perkawinan", max_length=20, choices=StatusPerkawinan.choices)
    tanggal_perkawinan = models.DateField("tanggal perkawinan", null=True, blank=True)
    hubungan = models.CharField("status hubungan dalam keluarga", max_length=20, choices=Hubungan.choices)
    kewarganegaraan = models.CharField(
        "kewarganegaraan", max_length=3, choices=Kewarganegaraan.choices, default=Kewarganegaraan.WNI
    )
    no_paspor = models.CharField("no. paspor", max_length=20, blank=True)
    no_kitap = models.CharField("no. KITAP", max_length=20, blank=True)
    nama_ayah = models.CharField("nama ayah", max_length=150)
    nama_ibu = models.CharField("nama ibu", max_length=150)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "anggota keluarga"
        verbose_name_plural = "anggota keluarga"
        ordering = ["permohonan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["permohonan", "nik"], name="anggota_nik_unik_per_kk"),
        ]

    def __str__(self) -> str:
        return self.nama
