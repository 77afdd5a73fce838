"""Daftar gaji per month (Lumajang "Prosedur Penyusunan Daftar Gaji"): the Bendahara gaji prepares
the month's list from the data pegawai, the PPK checks it (may return it), the PA (Kadis) signs.

Gaji pokok comes from a table kept as data (golongan × masa kerja golongan, PP 15/2019 style, the
admin edits it); tunjangan umum per golongan ruang is data too. The rows are a snapshot: what the
list says for a month never changes after the Pegawai does.
"""

from decimal import Decimal

from django.db import models
from django.urls import reverse
from django_fsm import FSMField

from dukcapil.workflow.permissions import Aksi

from .kepegawaian import Golongan, Pegawai
from .keuangan import aksi_step
from .spj import LaporanBulanan
from .surat_masuk import _choices

__all__ = ["BarisDaftarGaji", "DaftarGaji", "GajiPokok", "ProfilGaji", "StatusDaftarGaji", "TunjanganUmum"]

RP = {"max_digits": 14, "decimal_places": 2}


class GajiPokok(models.Model):
    """One cell of the gaji pokok table: the gaji pokok of a golongan from a masa kerja golongan on."""

    golongan = models.ForeignKey(Golongan, verbose_name="golongan", on_delete=models.CASCADE, related_name="+")
    masa_kerja = models.PositiveSmallIntegerField("masa kerja golongan (tahun)")
    gaji_pokok = models.DecimalField("gaji pokok (Rp)", **RP)
    sumber = models.CharField("sumber", max_length=200)

    class Meta:
        verbose_name = verbose_name_plural = "tabel gaji pokok"
        ordering = ["golongan__urutan", "masa_kerja"]
        constraints = [models.UniqueConstraint(fields=["golongan", "masa_kerja"], name="gaji_pokok_unik")]

    def __str__(self) -> str:
        return f"{self.golongan.kode} MKG {self.masa_kerja}: {self.gaji_pokok}"


class TunjanganUmum(models.Model):
    """Tunjangan umum per golongan ruang (I–IV) for those without a tunjangan jabatan."""

    ruang = models.CharField("golongan ruang", max_length=3, unique=True)
    nilai = models.DecimalField("tunjangan umum (Rp)", **RP)
    sumber = models.CharField("sumber", max_length=200)

    class Meta:
        verbose_name = verbose_name_plural = "tunjangan umum"
        ordering = ["ruang"]

    def __str__(self) -> str:
        return f"{self.ruang}: {self.nilai}"


class ProfilGaji(models.Model):
    """What the payroll needs of a pegawai beyond the data pegawai: family and tunjangan jabatan."""

    pegawai = models.OneToOneField(Pegawai, on_delete=models.CASCADE, related_name="profil_gaji")
    penyesuaian_mkg = models.SmallIntegerField(
        "penyesuaian masa kerja golongan (tahun)",
        default=0,
        help_text="Masa kerja golongan = tahun sejak TMT CPNS + penyesuaian (mis. −5 untuk naik dari II ke III).",
    )
    pasangan = models.BooleanField("istri/suami ditanggung", default=False)
    jumlah_anak = models.PositiveSmallIntegerField("anak ditanggung", default=0)
    tunjangan_jabatan = models.DecimalField(
        "tunjangan jabatan (Rp)",
        default=Decimal(0),
        help_text="Struktural atau fungsional; 0 berarti tunjangan umum golongannya.",
        **RP,
    )

    class Meta:
        verbose_name = verbose_name_plural = "profil gaji pegawai"

    def __str__(self) -> str:
        return str(self.pegawai)


StatusDaftarGaji = _choices(
    "StatusDaftarGaji",
    [
        ("konsep", "Disusun Bendahara gaji"),
        ("diajukan", "Diperiksa PPK"),
        ("diperiksa", "Menunggu tanda tangan PA"),
        ("ditandatangani", "Ditandatangani PA"),
    ],
)
G = StatusDaftarGaji


class DaftarGaji(LaporanBulanan):
    """One month's payroll list (one a month)."""

    KOTAK_MASUK = {G.KONSEP: Aksi.GAJI_SUSUN, G.DIAJUKAN: Aksi.GAJI_PERIKSA, G.DIPERIKSA: Aksi.GAJI_TANDATANGAN}

    status = FSMField("status", max_length=20, choices=StatusDaftarGaji.choices, default=G.KONSEP, protected=True)

    class Meta(LaporanBulanan.Meta):
        verbose_name = verbose_name_plural = "daftar gaji"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="daftar_gaji_bulan_unik")]

    def __str__(self) -> str:
        return f"Daftar gaji {self.periode}"

    @property
    def judul(self) -> str:
        return f"Daftar gaji {self.periode}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:daftar-gaji-detail", args=[self.pk])

    ajukan = aksi_step("ajukan", G.KONSEP, G.DIAJUKAN, Aksi.GAJI_SUSUN)
    periksa = aksi_step("periksa", G.DIAJUKAN, G.DIPERIKSA, Aksi.GAJI_PERIKSA)
    kembalikan = aksi_step("kembalikan", G.DIAJUKAN, G.KONSEP, Aksi.GAJI_PERIKSA)
    tandatangani = aksi_step("tandatangani", G.DIPERIKSA, G.DITANDATANGANI, Aksi.GAJI_TANDATANGAN)
    tolak_tandatangan = aksi_step("tolak_tandatangan", G.DIPERIKSA, G.KONSEP, Aksi.GAJI_TANDATANGAN)


class BarisDaftarGaji(models.Model):
    """One employee's line, copied from the data pegawai when the list was prepared (a snapshot)."""

    daftar = models.ForeignKey(DaftarGaji, on_delete=models.CASCADE, related_name="baris")
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+")
    nip = models.CharField("NIP", max_length=18)
    nama = models.CharField("nama", max_length=250)
    golongan = models.CharField("golongan", max_length=6)
    status_pegawai = models.CharField("status", max_length=4)
    masa_kerja = models.PositiveSmallIntegerField("masa kerja golongan")
    masa_kerja_tabel = models.PositiveSmallIntegerField("kolom masa kerja tabel yang dipakai")
    gaji_pokok = models.DecimalField("gaji pokok", **RP)
    pasangan = models.PositiveSmallIntegerField("istri/suami")
    jumlah_anak = models.PositiveSmallIntegerField("anak")
    tunjangan_pasangan = models.DecimalField("tunjangan istri/suami", **RP)
    tunjangan_anak = models.DecimalField("tunjangan anak", **RP)
    tunjangan_jabatan = models.DecimalField("tunjangan jabatan", **RP)
    tunjangan_umum = models.DecimalField("tunjangan umum", **RP)
    iwp_8 = models.DecimalField("IWP 8% (pensiun dan THT)", **RP)
    iwp_2 = models.DecimalField("IWP 2%", **RP)
    pph21 = models.DecimalField("PPh 21 (diisi)", default=Decimal(0), **RP)

    class Meta:
        ordering = ["daftar", "-golongan", "nama"]
        verbose_name = verbose_name_plural = "baris daftar gaji"
        constraints = [models.UniqueConstraint(fields=["daftar", "pegawai"], name="baris_gaji_unik")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nip})"

    @property
    def tabel_belum_lengkap(self) -> bool:
        """The table had no column within the two years the PP's columns step by (see gaji_data)."""
        return self.masa_kerja - self.masa_kerja_tabel >= 2

    @property
    def tunjangan_keluarga(self) -> Decimal:
        return self.tunjangan_pasangan + self.tunjangan_anak

    @property
    def kotor(self) -> Decimal:
        return self.gaji_pokok + self.tunjangan_keluarga + self.tunjangan_jabatan + self.tunjangan_umum

    @property
    def iwp(self) -> Decimal:
        return self.iwp_8 + self.iwp_2

    @property
    def potongan(self) -> Decimal:
        return self.iwp + self.pph21

    @property
    def bersih(self) -> Decimal:
        return self.kotor - self.potongan
