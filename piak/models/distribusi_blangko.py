"""Distribusi blangko KTP-el, ribbon, film dan cleaning kit ke kecamatan (issue 16).

SOP: Lumajang «Pendistribusian Blangko KTP Elektronik, Ribbon Printer, Film Printer dan Cleaning
Kit»: the kecamatan reports its stock (stok opname) and sends a request (surat pengajuan); the Dinas
decides the quantity it gets from the Dinas's stock; a berita acara serah terima (BAST) is signed.

One ledger: the office's consumables are the rows of ``pendaftaran.StokBlangko`` (KTP-el and KIA
blanks, ribbon, film, cleaning kit) and every movement is a row of its append-only
``pendaftaran.MutasiBlangko``: a delivery received (+, with its ``PenerimaanBlangko`` record naming
the source), a card printed at the counter or a spoiled blank (-, pendaftaran), and an item handed
over to a kecamatan (-, with its ``ItemPermintaanBlangko``). The ledger was already generic (an item
kind, a signed quantity, the balance after it, who and when), so a second ledger for the printer
supplies would only split the office's stock in two places.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin

from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi, requires
from pendaftaran.models import MutasiBlangko, StokBlangko
from sekretariat.models.surat_masuk import _choices, _step

__all__ = [
    "ItemPermintaanBlangko",
    "PenerimaanBlangko",
    "PermintaanBlangko",
    "SumberBlangko",
    "StatusPermintaanBlangko",
]

JenisBarang = StokBlangko.Jenis
SumberBlangko = _choices(
    "SumberBlangko", [("ditjen", "Ditjen Dukcapil Kemendagri"), ("provinsi", "Dinas Dukcapil Provinsi")]
)
StatusPermintaanBlangko = _choices(
    "StatusPermintaanBlangko",
    [
        ("diajukan", "Diajukan kecamatan"),
        ("diusulkan", "Diusulkan Kasi PIAK"),
        ("diputuskan", "Diputuskan Kabid PIAK"),
        ("diserahkan", "Diserahterimakan (BAST)"),
    ],
)
S = StatusPermintaanBlangko
WARNA = {S.DISERAHKAN: "green", S.DIPUTUSKAN: "blue"}


class PenerimaanBlangko(models.Model):
    """A delivery into the office's stock (its ledger row is ``mutasi``)."""

    tanggal = models.DateField("tanggal diterima")
    jenis = models.CharField("barang", max_length=10, choices=JenisBarang.choices)
    jumlah = models.PositiveIntegerField("jumlah")
    sumber = models.CharField("sumber", max_length=10, choices=SumberBlangko.choices)
    nomor_dokumen = models.CharField("nomor dokumen pengiriman", max_length=100, blank=True)
    mutasi = models.OneToOneField(MutasiBlangko, on_delete=models.PROTECT, related_name="+")
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField("dicatat pada", default=timezone.now)

    class Meta:
        verbose_name = "penerimaan blangko"
        verbose_name_plural = "penerimaan blangko"
        ordering = ["-tanggal", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(jumlah__gt=0), name="penerimaan_blangko_positif")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} +{self.jumlah} ({self.tanggal:%d-%m-%Y})"


class PermintaanBlangko(FSMModelMixin, WorkflowRecord):
    """A kecamatan's request: its stock and the quantities asked, the Dinas's decision, the BAST."""

    KOTAK_MASUK = {
        S.DIAJUKAN: Aksi.BLANGKO_DIST_USUL,
        S.DIUSULKAN: Aksi.BLANGKO_DIST_PUTUS,
        S.DIPUTUSKAN: Aksi.BLANGKO_DIST_CATAT,
    }

    kecamatan = models.CharField("kecamatan", max_length=100)
    nomor_surat = models.CharField("nomor surat pengajuan", max_length=100, blank=True)
    tanggal_surat = models.DateField("tanggal surat pengajuan")
    pengaju = models.CharField("diajukan oleh (petugas kecamatan)", max_length=150)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dicatat oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("dicatat pada", default=timezone.now)
    # the BAST: its number from a locked counter per year, the two parties
    nomor_bast = models.CharField("nomor BAST", max_length=60, blank=True)
    tanggal_bast = models.DateField("tanggal serah terima", null=True, blank=True)
    pihak_pertama = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="pihak pertama (Dinas)", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    penerima_nama = models.CharField("pihak kedua (petugas kecamatan)", max_length=150, blank=True)
    penerima_nip = models.CharField("NIP pihak kedua", max_length=18, blank=True)
    status = FSMField("status", max_length=20, choices=S.choices, default=S.DIAJUKAN, protected=True)

    class Meta:
        verbose_name = "permintaan blangko"
        verbose_name_plural = "permintaan blangko"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["nomor_bast"], condition=~models.Q(nomor_bast=""), name="nomor_bast_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nomor} {self.kecamatan}"

    @property
    def nomor(self) -> str:
        return self.nomor_bast or f"PB-{self.pk}"

    @property
    def judul(self) -> str:
        return f"Permintaan blangko Kecamatan {self.kecamatan}"

    @property
    def warna(self) -> str:
        return WARNA.get(self.status, "grey")

    def get_absolute_url(self) -> str:
        return reverse("piak:distribusi-blangko-detail", args=[self.pk])

    usulkan = _step("usulkan", S.DIAJUKAN, S.DIUSULKAN, requires(Aksi.BLANGKO_DIST_USUL))
    putuskan = _step("putuskan", S.DIUSULKAN, S.DIPUTUSKAN, requires(Aksi.BLANGKO_DIST_PUTUS))
    serahkan = _step("serahkan", S.DIPUTUSKAN, S.DISERAHKAN, requires(Aksi.BLANGKO_DIST_CATAT))


class ItemPermintaanBlangko(models.Model):
    """One item of a request: the kecamatan's stock and ask, the Kasi's proposal, the Kabid's decision."""

    permintaan = models.ForeignKey(PermintaanBlangko, on_delete=models.CASCADE, related_name="items")
    jenis = models.CharField("barang", max_length=10, choices=JenisBarang.choices)
    stok_kecamatan = models.PositiveIntegerField("stok kecamatan")
    diminta = models.PositiveIntegerField("diminta")
    diusulkan = models.PositiveIntegerField("diusulkan Kasi", null=True, blank=True)
    disetujui = models.PositiveIntegerField("disetujui Kabid", null=True, blank=True)
    alasan = models.CharField("alasan (bila kurang dari permintaan)", max_length=300, blank=True)
    mutasi = models.OneToOneField(MutasiBlangko, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "barang permintaan blangko"
        verbose_name_plural = "barang permintaan blangko"
        ordering = ["permintaan", "pk"]
        constraints = [models.UniqueConstraint(fields=["permintaan", "jenis"], name="item_permintaan_blangko_unik")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.diminta}"
