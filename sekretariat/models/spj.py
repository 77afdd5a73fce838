"""SPJ: the accounts of spending (Lumajang "Prosedur Penyusunan SPJ"; Probolinggo P3.2 Verifikasi).

- **SPJ administratif**: the Bendahara Pengeluaran (or the PPTK) puts together the bukti (kuitansi,
  nota, faktur) of one SPP whose SP2D BPPKAD issued, on a line of the DPA; the PPK verifies it and may
  return it; the PPTK signs it and it is archived.
- **SPJ fungsional**: the Bendahara's monthly report to BPPKAD, its figures per DPA line computed from
  the signed SPJ administratif; the PPK verifies it, the PA (Kadis) signs, BPPKAD's receipt is recorded.

SIPD/SIMDA stay the systems of record: their numbers are recorded here, not imitated. The DPA as
imported holds the sub kegiatan as its finest line with a pagu; the kode rekening belanja of an SPJ is
recorded with it, the pagu checked is its sub kegiatan's.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin

from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi

from .keuangan import Spp, SubKegiatanDpa, aksi_step
from .surat_masuk import _choices

__all__ = [
    "AngkaFungsional",
    "BarisSpjFungsional",
    "LaporanBulanan",
    "BuktiSpj",
    "JenisBukti",
    "SpjAdministratif",
    "SpjFungsional",
]
__all__ += ["StatusSpj", "StatusSpjFungsional"]

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def _penandatangan(jabatan: str):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=f"ditandatangani ({jabatan})",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


class AngkaFungsional:
    """The derived figures of an SPJ fungsional line (``anggaran``, ``lalu``, ``ini`` given)."""

    @property
    def sampai_ini(self) -> Decimal:
        return self.lalu + self.ini

    @property
    def sisa(self) -> Decimal:
        return self.anggaran - self.sampai_ini


class LaporanBulanan(FSMModelMixin, WorkflowRecord):
    """A month's document of the finance officers (SPJ fungsional, daftar gaji): one a month,
    prepared by the Bendahara and signed by the PA."""

    tahun = models.PositiveSmallIntegerField("tahun")
    bulan = models.PositiveSmallIntegerField("bulan", choices=list(enumerate(BULAN, start=1)))
    disusun_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="disusun oleh (Bendahara)", on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    ditandatangani_oleh = _penandatangan("PA")
    ditandatangani_pada = models.DateTimeField("ditandatangani pada", null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-tahun", "-bulan"]

    @property
    def periode(self) -> str:
        return f"{BULAN[self.bulan - 1]} {self.tahun}"

    @property
    def nomor(self) -> str:
        return f"{self.bulan:02d}/{self.tahun}"


StatusSpj = _choices(
    "StatusSpj",
    [
        ("konsep", "Disusun Bendahara/PPTK"),
        ("diajukan", "Diverifikasi PPK"),
        ("diverifikasi", "Menunggu tanda tangan PPTK"),
        ("ditandatangani", "Ditandatangani PPTK, diarsip"),
    ],
)
S = StatusSpj


class SpjAdministratif(FSMModelMixin, WorkflowRecord):
    KOTAK_MASUK = {S.KONSEP: Aksi.SPJ_SUSUN, S.DIAJUKAN: Aksi.SPJ_VERIFIKASI, S.DIVERIFIKASI: Aksi.SPJ_TANDATANGAN}

    tahun = models.PositiveSmallIntegerField("tahun anggaran")
    nomor_spj = models.CharField("nomor SPJ (SIPD)", max_length=100)
    tanggal = models.DateField("tanggal SPJ")
    spp = models.ForeignKey(Spp, verbose_name="SPP/SP2D", on_delete=models.PROTECT, related_name="spj")
    sub_kegiatan = models.ForeignKey(
        SubKegiatanDpa, verbose_name="sub kegiatan", on_delete=models.PROTECT, related_name="spj"
    )
    kode_rekening = models.CharField("kode rekening belanja", max_length=40)
    uraian = models.CharField("uraian", max_length=500)
    nilai = models.DecimalField("nilai (Rp)", max_digits=16, decimal_places=2)
    disusun_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="disusun oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    ditandatangani_oleh = _penandatangan("PPTK")
    ditandatangani_pada = models.DateTimeField("ditandatangani pada", null=True, blank=True)
    status = FSMField("status", max_length=20, choices=StatusSpj.choices, default=S.KONSEP, protected=True)

    class Meta:
        ordering = ["-tanggal", "-pk"]
        verbose_name = verbose_name_plural = "SPJ administratif"
        indexes = [models.Index(fields=["tahun", "status"], name="spj_tahun_status_idx")]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "nomor_spj"], name="spj_nomor_unik"),
            models.CheckConstraint(condition=models.Q(nilai__gt=Decimal("0")), name="spj_nilai_positif"),
        ]

    def __str__(self) -> str:
        return f"SPJ {self.nomor_spj}"

    @property
    def nomor(self) -> str:
        return self.nomor_spj

    @property
    def judul(self) -> str:
        return f"SPJ administratif: {self.uraian}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:spj-detail", args=[self.pk])

    ajukan = aksi_step("ajukan", S.KONSEP, S.DIAJUKAN, Aksi.SPJ_SUSUN)
    verifikasi = aksi_step("verifikasi", S.DIAJUKAN, S.DIVERIFIKASI, Aksi.SPJ_VERIFIKASI)
    kembalikan = aksi_step("kembalikan", S.DIAJUKAN, S.KONSEP, Aksi.SPJ_VERIFIKASI)
    tandatangani = aksi_step("tandatangani", S.DIVERIFIKASI, S.DITANDATANGANI, Aksi.SPJ_TANDATANGAN)
    tolak_tandatangan = aksi_step("tolak_tandatangan", S.DIVERIFIKASI, S.KONSEP, Aksi.SPJ_TANDATANGAN)


JenisBukti = _choices("JenisBukti", [("kuitansi", "Kuitansi"), ("nota", "Nota"), ("faktur", "Faktur")])


class BuktiSpj(models.Model):
    """A bukti of an SPJ administratif: a scan checked by its content (PDF, JPEG or PNG)."""

    spj = models.ForeignKey(SpjAdministratif, on_delete=models.CASCADE, related_name="bukti")
    jenis = models.CharField("jenis bukti", max_length=10, choices=JenisBukti.choices)
    keterangan = models.CharField("keterangan", max_length=200)
    berkas = models.FileField("berkas", upload_to="sekretariat/spj/%Y/")
    diunggah = models.DateTimeField("diunggah", default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = verbose_name_plural = "bukti SPJ"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.keterangan}"


StatusSpjFungsional = _choices(
    "StatusSpjFungsional",
    [
        ("konsep", "Disusun Bendahara"),
        ("diajukan", "Diverifikasi PPK"),
        ("diverifikasi", "Menunggu tanda tangan PA"),
        ("ditandatangani", "Ditandatangani PA, dikirim ke BPPKAD"),
        ("diterima", "Diterima BPPKAD"),
    ],
)
F = StatusSpjFungsional


class SpjFungsional(LaporanBulanan):
    """The month's SPJ fungsional; its rows are computed when it is submitted and kept once signed."""

    KOTAK_MASUK = {
        F.KONSEP: Aksi.SPJ_FUNGSIONAL_SUSUN,
        F.DIAJUKAN: Aksi.SPJ_VERIFIKASI,
        F.DIVERIFIKASI: Aksi.SPJ_FUNGSIONAL_TANDATANGAN,
        F.DITANDATANGANI: Aksi.SPJ_FUNGSIONAL_SUSUN,
    }

    nomor_terima = models.CharField("nomor tanda terima BPPKAD", max_length=100, blank=True)
    tanggal_terima = models.DateField("tanggal diterima BPPKAD", null=True, blank=True)
    status = FSMField("status", max_length=20, choices=StatusSpjFungsional.choices, default=F.KONSEP, protected=True)

    class Meta(LaporanBulanan.Meta):
        verbose_name = verbose_name_plural = "SPJ fungsional"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="spj_fungsional_bulan_unik")]

    def __str__(self) -> str:
        return f"SPJ fungsional {self.periode}"

    @property
    def judul(self) -> str:
        return f"SPJ fungsional {self.periode}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:spj-fungsional-detail", args=[self.pk])

    ajukan = aksi_step("ajukan", F.KONSEP, F.DIAJUKAN, Aksi.SPJ_FUNGSIONAL_SUSUN)
    verifikasi = aksi_step("verifikasi", F.DIAJUKAN, F.DIVERIFIKASI, Aksi.SPJ_VERIFIKASI)
    kembalikan = aksi_step("kembalikan", F.DIAJUKAN, F.KONSEP, Aksi.SPJ_VERIFIKASI)
    tandatangani = aksi_step("tandatangani", F.DIVERIFIKASI, F.DITANDATANGANI, Aksi.SPJ_FUNGSIONAL_TANDATANGAN)
    tolak_tandatangan = aksi_step("tolak_tandatangan", F.DIVERIFIKASI, F.KONSEP, Aksi.SPJ_FUNGSIONAL_TANDATANGAN)
    catat_terima = aksi_step("catat_terima", F.DITANDATANGANI, F.DITERIMA, Aksi.SPJ_FUNGSIONAL_SUSUN)


class BarisSpjFungsional(AngkaFungsional, models.Model):
    """One DPA line of the month's report: anggaran, SPJ s.d. bulan lalu, bulan ini, s.d. bulan ini, sisa."""

    spj = models.ForeignKey(SpjFungsional, on_delete=models.CASCADE, related_name="baris")
    sub_kegiatan = models.ForeignKey(SubKegiatanDpa, on_delete=models.PROTECT, related_name="+")
    kode = models.CharField("kode", max_length=40)
    nama = models.CharField("uraian", max_length=300)
    anggaran = models.DecimalField("anggaran", max_digits=16, decimal_places=2)
    lalu = models.DecimalField("SPJ s.d. bulan lalu", max_digits=16, decimal_places=2)
    ini = models.DecimalField("SPJ bulan ini", max_digits=16, decimal_places=2)

    class Meta:
        ordering = ["kode"]
        verbose_name = verbose_name_plural = "baris SPJ fungsional"

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"
