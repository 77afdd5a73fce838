"""Keuangan: the DPA as data and the SPP → SPM → SP2D chain (Lumajang, "Prosedur Pengajuan SPP dan SPM").

SIPD (and BPPKAD's SP2D) stay the systems of record: the app records their numbers and dates and
who held each step, it does not imitate them. An SPM exists only as a step of its SPP (the nomor
SPM is a field of the SPP, set by the PA's signing step), so an SPM without its SPP cannot be made.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin

from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi, requires

from .surat_masuk import _choices, _step

__all__ = ["JenisSpp", "Spp", "StatusSpp", "SubKegiatanDpa"]  # aksi_step is shared, not re-exported


class SubKegiatanDpa(models.Model):
    """One sub kegiatan line of the year's DPA: program → kegiatan → sub kegiatan with its pagu."""

    tahun = models.PositiveSmallIntegerField("tahun anggaran")
    program_kode = models.CharField("kode program", max_length=40)
    program_nama = models.CharField("program", max_length=300)
    kegiatan_kode = models.CharField("kode kegiatan", max_length=40)
    kegiatan_nama = models.CharField("kegiatan", max_length=300)
    kode = models.CharField("kode sub kegiatan", max_length=40)
    nama = models.CharField("sub kegiatan", max_length=300)
    pagu = models.DecimalField("pagu (Rp)", max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = "sub kegiatan DPA"
        verbose_name_plural = "DPA (sub kegiatan)"
        ordering = ["tahun", "program_kode", "kegiatan_kode", "kode"]
        constraints = [models.UniqueConstraint(fields=["tahun", "kode"], name="dpa_sub_kegiatan_unik")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama} ({self.tahun})"


JenisSpp = _choices(
    "JenisSpp",
    [("up", "UP (uang persediaan)"), ("gu", "GU (ganti uang)"), ("tu", "TU (tambahan uang)"), ("ls", "LS (langsung)")],
)
StatusSpp = _choices(
    "StatusSpp",
    [
        ("konsep", "Disiapkan PPTK"),
        ("diajukan", "Diperiksa PPK"),
        ("disetujui", "Menunggu SPM ditandatangani PA"),
        ("spm", "SPM terbit, menunggu SP2D"),
        ("sp2d", "SP2D terbit"),
        ("cair", "Dana cair"),
    ],
)


S = StatusSpp
# Realisasi counts an SPP once BPPKAD issued its SP2D.
STATUS_REALISASI = (S.SP2D, S.CAIR)


def aksi_step(name: str, source, target: str, aksi: str):
    """A transition held by whoever has ``aksi`` in the record's bidang (no side effects)."""
    return _step(name, source, target, requires(aksi))


class Spp(FSMModelMixin, WorkflowRecord):
    """An SPP prepared by the PPTK, submitted by the Bendahara, checked by the PPK, its SPM signed by
    the PA (Kadis); then BPPKAD's SP2D is recorded and the money is cair."""

    KOTAK_MASUK = {
        S.KONSEP: Aksi.SPP_AJUKAN,
        S.DIAJUKAN: Aksi.SPP_PERIKSA,
        S.DISETUJUI: Aksi.SPM_TANDATANGAN,
        S.SPM: Aksi.SP2D_CATAT,
        S.SP2D: Aksi.SP2D_CATAT,
    }

    tahun = models.PositiveSmallIntegerField("tahun anggaran")
    jenis = models.CharField("jenis SPP", max_length=2, choices=JenisSpp.choices)
    nomor_sipd = models.CharField("nomor SPP (SIPD)", max_length=100)
    tanggal = models.DateField("tanggal SPP")
    nilai = models.DecimalField("nilai (Rp)", max_digits=16, decimal_places=2)
    sub_kegiatan = models.ForeignKey(
        SubKegiatanDpa, verbose_name="sub kegiatan", on_delete=models.PROTECT, related_name="spp"
    )
    uraian = models.CharField("uraian", max_length=500)
    disiapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="disiapkan oleh (PPTK)", on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    nomor_spm = models.CharField("nomor SPM (SIPD)", max_length=100, blank=True)
    tanggal_spm = models.DateField("tanggal SPM", null=True, blank=True)
    nomor_sp2d = models.CharField("nomor SP2D (BPPKAD)", max_length=100, blank=True)
    tanggal_sp2d = models.DateField("tanggal SP2D", null=True, blank=True)
    tanggal_cair = models.DateField("tanggal cair", null=True, blank=True)
    status = FSMField("status", max_length=20, choices=StatusSpp.choices, default=S.KONSEP, protected=True)

    class Meta:
        ordering = ["-tanggal", "-pk"]
        indexes = [models.Index(fields=["tahun", "status"], name="spp_tahun_status_idx")]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "nomor_sipd"], name="spp_nomor_sipd_unik"),
            models.CheckConstraint(condition=models.Q(nilai__gt=Decimal("0")), name="spp_nilai_positif"),
            # the SPM is a step of its SPP: no nomor SPM before the SPP reached it
            models.CheckConstraint(
                condition=models.Q(nomor_spm="") | models.Q(status__in=[S.SPM, S.SP2D, S.CAIR]),
                name="spp_spm_hanya_setelah_disetujui",
            ),
        ]
        verbose_name = verbose_name_plural = "SPP"

    def __str__(self) -> str:
        return f"SPP {self.nomor}"

    @property
    def nomor(self) -> str:
        return self.nomor_sipd

    @property
    def judul(self) -> str:
        return f"SPP-{self.jenis.upper()}: {self.uraian}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:spp-detail", args=[self.pk])

    ajukan = aksi_step("ajukan", S.KONSEP, S.DIAJUKAN, Aksi.SPP_AJUKAN)
    setujui = aksi_step("setujui", S.DIAJUKAN, S.DISETUJUI, Aksi.SPP_PERIKSA)
    kembalikan = aksi_step("kembalikan", S.DIAJUKAN, S.KONSEP, Aksi.SPP_PERIKSA)
    tandatangani_spm = aksi_step("tandatangani_spm", S.DISETUJUI, S.SPM, Aksi.SPM_TANDATANGAN)
    catat_sp2d = aksi_step("catat_sp2d", S.SPM, S.SP2D, Aksi.SP2D_CATAT)
    catat_cair = aksi_step("catat_cair", S.SP2D, S.CAIR, Aksi.SP2D_CATAT)
