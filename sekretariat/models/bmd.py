"""Barang milik daerah (BMD) of the office: the rooms, the Kartu Inventaris Ruangan (KIR) of each,
the moves of a barang between rooms, and the usulan pemeliharaan / penghapusan.

SOPs: Lumajang «Prosedur Penyusunan Inventaris Ruangan» and «Prosedur Penyusunan Laporan
Inventaris Barang» (the Staf types and matches the list, the Kasubag Umum checks it, the Sekretaris
initials, the Kadis signs); Probolinggo P1.3.1 «Pemeliharaan Sarana dan Prasarana» and P1.3.2
«Penatausahaan BMD» (the pengurus barang keeps the KIR, labels every barang, analyses its condition:
rusak ringan → pemeliharaan, rusak berat → usulan penghapusan to the Kadis, then BPPKAD's SK).
"""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi, can, requires

from .keuangan import aksi_step
from .surat_masuk import _choices

__all__ = ["Barang", "JenisUsulanBmd", "KondisiBarang", "MutasiBarang", "Ruangan", "StatusUsulanBmd", "UsulanBmd"]
__all__ += ["validate_kode_barang"]

# Permendagri 108/2016 (kodefikasi kept by Kepmendagri 050-5889/2021 after Permendagri 47/2021):
# akun.kelompok.jenis.objek.rincian objek.sub rincian objek.sub-sub rincian objek, e.g.
# 1.3.2.10.01.02.001 (Personal Computer). A KIR lists aset tetap: akun 1, kelompok 3.
KODE_BARANG_RE = re.compile(r"^1\.3\.[1-6]\.\d{2}\.\d{2}\.\d{2}\.\d{3}$")
KODE_BARANG_CONTOH = "1.3.2.10.01.02.001"


def validate_kode_barang(value: str) -> None:
    if not KODE_BARANG_RE.match(value or ""):
        raise ValidationError(
            f"Kode barang «{value}» tidak sesuai kodefikasi Permendagri 108/2016: tujuh segmen "
            f"akun.kelompok.jenis.objek.rincian objek.sub rincian.sub-sub rincian, "
            f"contoh {KODE_BARANG_CONTOH} (aset tetap diawali 1.3.)."
        )


def validate_nomor_register(value: str) -> None:
    if not re.fullmatch(r"\d{1,6}", value or ""):
        raise ValidationError(f"Nomor register «{value}» harus berupa angka, paling banyak 6 digit (contoh 000001).")


KondisiBarang = models.TextChoices(
    "KondisiBarang", [("B", ("B", "Baik")), ("RR", ("RR", "Rusak Ringan")), ("RB", ("RB", "Rusak Berat"))]
)


class Ruangan(models.Model):
    """A room of the office; its KIR is the barang in it."""

    kode = models.CharField("kode ruangan", max_length=20, unique=True)
    nama = models.CharField("nama ruangan", max_length=150)
    penanggung_jawab = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="ruangan_dipegang",
        verbose_name="penanggung jawab",
    )

    class Meta:
        verbose_name = "ruangan"
        verbose_name_plural = "ruangan"
        ordering = ("kode",)

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:kir", args=[self.pk])


class Barang(models.Model):
    """One line of a room's KIR. A barang removed by an SK penghapusan stays here with the SK
    (``dihapus``) and leaves the KIR."""

    ruangan = models.ForeignKey(Ruangan, models.PROTECT, related_name="barang", verbose_name="ruangan")
    kode_barang = models.CharField("kode barang", max_length=20, validators=[validate_kode_barang])
    nomor_register = models.CharField("nomor register", max_length=6, validators=[validate_nomor_register])
    nama = models.CharField("nama barang", max_length=150)
    merk_type = models.CharField("merk/type", max_length=150, blank=True)
    bahan = models.CharField("bahan", max_length=60, blank=True)
    tahun_perolehan = models.PositiveSmallIntegerField("tahun perolehan")
    jumlah = models.PositiveIntegerField("jumlah", default=1)
    kondisi = models.CharField("kondisi", max_length=2, choices=KondisiBarang.choices, default=KondisiBarang.B)
    harga_perolehan = models.DecimalField("harga perolehan (Rp)", max_digits=15, decimal_places=2)
    keterangan = models.CharField("keterangan", max_length=255, blank=True)
    # what the QR label carries: an opaque id, never the register data or a person
    token = models.UUIDField("kode label", default=uuid.uuid4, unique=True, editable=False)
    dihapus = models.BooleanField("dihapus", default=False)
    sk_penghapusan = models.CharField("nomor SK penghapusan", max_length=100, blank=True)
    tanggal_sk_penghapusan = models.DateField("tanggal SK penghapusan", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "barang"
        verbose_name_plural = "barang"
        ordering = ("kode_barang", "nomor_register")
        constraints = [
            models.UniqueConstraint(
                fields=["ruangan", "kode_barang", "nomor_register"],
                condition=models.Q(dihapus=False),
                name="barang_register_unik_per_ruangan",
            ),
            models.CheckConstraint(condition=models.Q(jumlah__gte=1), name="barang_jumlah_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode_barang}/{self.nomor_register})"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:barang-detail", args=[self.pk])


class MutasiBarang(models.Model):
    """A barang moved from one room to another: both KIRs follow."""

    barang = models.ForeignKey(Barang, models.PROTECT, related_name="mutasi", verbose_name="barang")
    tanggal = models.DateField("tanggal mutasi")
    dari = models.ForeignKey(Ruangan, models.PROTECT, related_name="+", verbose_name="dari ruangan")
    ke = models.ForeignKey(Ruangan, models.PROTECT, related_name="+", verbose_name="ke ruangan")
    alasan = models.CharField("alasan", max_length=500)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    class Meta:
        verbose_name = "mutasi barang"
        verbose_name_plural = "mutasi barang"
        ordering = ("-tanggal", "-pk")

    def __str__(self) -> str:
        return f"{self.barang} {self.dari.kode} → {self.ke.kode}"


JenisUsulanBmd = _choices("JenisUsulanBmd", [("pemeliharaan", "Pemeliharaan"), ("penghapusan", "Penghapusan")])
StatusUsulanBmd = _choices(
    "StatusUsulanBmd",
    [
        ("konsep", "Konsep (pengusul)"),
        ("kasubag", "Diperiksa Kasubag Umum"),
        ("sekretaris", "Diparaf Sekretaris"),
        ("kadis", "Menunggu persetujuan Kadis"),
        ("diusulkan", "Diusulkan, menunggu keputusan BPKAD/Bupati"),
        ("selesai", "Keputusan dicatat"),
    ],
)
S = StatusUsulanBmd


def _pengusul_permission(instance, user) -> bool:
    """The pengurus barang, or whoever drafted it (a room's penanggung jawab), sends the konsep on."""
    return can(user, Aksi.BMD_KELOLA, instance.bidang_id) or user.pk == instance.diusulkan_oleh_id


_pengusul_permission.actions = (Aksi.BMD_KELOLA,)  # type: ignore[attr-defined]


def _kembalikan_permission(instance, user) -> bool:
    """Whoever may take the usulan further from its step may return it from there."""
    aksi = UsulanBmd.KOTAK_MASUK.get(instance.status)
    return aksi is not None and requires(aksi)(instance, user)


_kembalikan_permission.actions = (Aksi.BMD_PERIKSA, Aksi.BMD_PARAF, Aksi.BMD_SETUJUI)  # type: ignore[attr-defined]


class UsulanBmd(FSMModelMixin, WorkflowRecord):
    """An usulan pemeliharaan or penghapusan of barang: pengusul → Kasubag Umum → Sekretaris → Kadis;
    the Kadis's approval drafts the surat usulan (naskah chain), then the outside decision is recorded."""

    KOTAK_MASUK = {
        S.KONSEP: Aksi.BMD_KELOLA,
        S.KASUBAG: Aksi.BMD_PERIKSA,
        S.SEKRETARIS: Aksi.BMD_PARAF,
        S.KADIS: Aksi.BMD_SETUJUI,
        S.DIUSULKAN: Aksi.BMD_KELOLA,
    }

    jenis = models.CharField("jenis usulan", max_length=20, choices=JenisUsulanBmd.choices)
    barang = models.ManyToManyField(Barang, verbose_name="barang", related_name="usulan")
    alasan = models.TextField("alasan usulan")
    diusulkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    naskah = models.ForeignKey(
        "sekretariat.Naskah", models.SET_NULL, null=True, blank=True, verbose_name="surat usulan", related_name="+"
    )
    status = FSMField("status", max_length=20, choices=StatusUsulanBmd.choices, default=S.KONSEP, protected=True)
    # the outside decision (BPKAD / Bupati): SK or berita acara
    nomor_keputusan = models.CharField("nomor SK/BA", max_length=100, blank=True)
    tanggal_keputusan = models.DateField("tanggal SK/BA", null=True, blank=True)
    penerbit_keputusan = models.CharField("diterbitkan oleh", max_length=100, blank=True)
    hasil = models.TextField("hasil pemeliharaan", blank=True)
    biaya = models.DecimalField("biaya pemeliharaan (Rp)", max_digits=15, decimal_places=2, null=True, blank=True)
    kondisi_baru = models.CharField("kondisi sesudah", max_length=2, choices=KondisiBarang.choices, blank=True)

    class Meta:
        verbose_name = "usulan BMD"
        verbose_name_plural = "usulan pemeliharaan/penghapusan BMD"
        ordering = ("-dibuat",)

    def __str__(self) -> str:
        return self.judul

    nomor = property(lambda self: f"BMD-{self.pk:05d}")
    judul = property(lambda self: f"Usulan {self.get_jenis_display().lower()} BMD")
    get_absolute_url = lambda self: reverse("sekretariat:usulan-bmd-detail", args=[self.pk])  # noqa: E731

    @transition(field="status", source=S.KONSEP, target=S.KASUBAG, permission=_pengusul_permission)
    def ajukan(self) -> None:
        pass

    periksa = aksi_step("periksa", S.KASUBAG, S.SEKRETARIS, Aksi.BMD_PERIKSA)
    paraf = aksi_step("paraf", S.SEKRETARIS, S.KADIS, Aksi.BMD_PARAF)
    setujui = aksi_step("setujui", S.KADIS, S.DIUSULKAN, Aksi.BMD_SETUJUI)

    @transition(field="status", source=[S.KASUBAG, S.SEKRETARIS, S.KADIS], target=S.KONSEP,
                permission=_kembalikan_permission)  # fmt: skip
    def kembalikan(self) -> None:
        pass

    catat_keputusan = aksi_step("catat_keputusan", S.DIUSULKAN, S.SELESAI, Aksi.BMD_KELOLA)
