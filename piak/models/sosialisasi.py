"""Sosialisasi kebijakan kependudukan: one socialisation event from its plan to the Kadis's report.

SOP: Lumajang «Prosedur Sosialisasi Kebijakan Kependudukan» (SOP Bidang Pemanfaatan Data dan
Inovasi Pelayanan): 1 the Kasi draws up the schedule and plan from the priority data (2 hari);
2 collects and prepares the material, in coordination with the bidang concerned (2 hari); 3 writes
the surat pemberitahuan to the target kecamatan, coordinating with the kecamatan/desa (2 jam);
4 holds the socialisation with the surat tugas and the material; output: the notulen (1 hari);
5 the results go to the Kadis as a Nota Dinas Laporan Pelaksanaan (Kabid, Kadis; 1 jam), output:
the Kadis's disposisi.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.models import WorkflowRecord, optional_link
from dukcapil.workflow.permissions import SYSTEM, Aksi, can, requires

__all__ = ["KategoriPeserta", "KehadiranSosialisasi", "PrioritasSosialisasi", "Sosialisasi", "StatusSosialisasi"]


class PrioritasSosialisasi(models.TextChoices):
    TINGGI = "tinggi", "Tinggi"
    SEDANG = "sedang", "Sedang"
    RENDAH = "rendah", "Rendah"


class StatusSosialisasi(models.TextChoices):
    DIRENCANAKAN = "direncanakan", "Jadwal disusun"
    MATERI_SIAP = "materi_siap", "Materi siap"
    SURAT = "surat", "Surat ke kecamatan diproses"
    SIAP = "siap", "Siap dilaksanakan"
    DILAKSANAKAN = "dilaksanakan", "Dilaksanakan"
    DILAPORKAN = "dilaporkan", "Laporan ke Kadis diproses"
    SELESAI = "selesai", "Selesai"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


S = StatusSosialisasi
_kelola = requires(Aksi.SOSIALISASI_KELOLA)


def _kelola_naskah(instance, user) -> bool:
    """The steps that draft a naskah: PIAK's officer who may also draft letters (the Kasi; the Kabid
    parafs them in the naskah chain)."""
    return _kelola(instance, user) and can(user, Aksi.KONSEP_NASKAH, instance.bidang_id)


_kelola_naskah.actions = (Aksi.SOSIALISASI_KELOLA,)  # type: ignore[attr-defined]


class KategoriPeserta(models.Model):
    """A category of participants counted from the daftar hadir (aparat kecamatan, perangkat desa, …);
    reference data the office edits in admin."""

    nama = models.CharField("nama", max_length=100, unique=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "kategori peserta sosialisasi"
        verbose_name_plural = "kategori peserta sosialisasi"
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama


class Sosialisasi(FSMModelMixin, WorkflowRecord):
    """One socialisation: where (kecamatan/desa), when, to whom, why there first; its material, the
    letter to the kecamatan, who came, the notulen and the report to the Kadis."""

    KOTAK_MASUK = {
        S.DIRENCANAKAN: Aksi.SOSIALISASI_KELOLA,
        S.MATERI_SIAP: Aksi.SOSIALISASI_KELOLA,
        S.SIAP: Aksi.SOSIALISASI_KELOLA,
        S.DILAKSANAKAN: Aksi.SOSIALISASI_KELOLA,
    }

    tema = models.CharField("kebijakan/tema", max_length=200)
    kecamatan = models.CharField("kecamatan", max_length=100)
    desa = models.CharField("desa/kelurahan", max_length=100, blank=True)
    tempat = models.CharField("tempat", max_length=200)
    tanggal = models.DateField("tanggal rencana")
    sasaran = models.CharField("sasaran", max_length=300)
    prioritas = models.CharField("prioritas", max_length=10, choices=PrioritasSosialisasi.choices)
    dasar_prioritas = models.TextField("data prioritas")
    perencana = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    direncanakan_pada = models.DateTimeField("direncanakan pada", default=timezone.now)
    materi = models.FileField("bahan materi", upload_to="piak/sosialisasi/%Y/", blank=True)
    materi_uraian = models.TextField("uraian materi", blank=True)
    surat = optional_link("sekretariat.Naskah", "surat pemberitahuan ke kecamatan")
    surat_tugas = optional_link("sekretariat.Naskah", "surat tugas")
    dilaksanakan_tanggal = models.DateField("tanggal pelaksanaan", null=True, blank=True)
    daftar_hadir = models.FileField("pindaian daftar hadir", upload_to="piak/sosialisasi/%Y/", blank=True)
    notulen = models.TextField("notulen", blank=True)
    nota_dinas = optional_link("sekretariat.Naskah", "nota dinas laporan pelaksanaan")
    status = FSMField("status", max_length=20, choices=S.choices, default=S.DIRENCANAKAN, protected=True)

    class Meta:
        verbose_name = verbose_name_plural = "sosialisasi kebijakan kependudukan"
        ordering = ["-tanggal", "-pk"]
        indexes = [models.Index(fields=["status", "tanggal"], name="sosialisasi_status_idx")]

    def __str__(self) -> str:
        return f"{self.nomor} {self.tema}"

    nomor = property(lambda self: f"SOS-{self.pk or 0:04d}")
    judul = property(lambda self: f"Sosialisasi · {self.tema} · Kec. {self.kecamatan}")
    get_absolute_url = lambda self: reverse("piak:sosialisasi-detail", args=[self.pk])  # noqa: E731

    @property
    def lokasi(self) -> str:
        return f"{self.desa}, Kec. {self.kecamatan}" if self.desa else f"Kec. {self.kecamatan}"

    @transition(field="status", source=S.DIRENCANAKAN, target=S.MATERI_SIAP, permission=_kelola)
    def siapkan_materi(self) -> None:
        pass

    @transition(field="status", source=S.MATERI_SIAP, target=S.SURAT, permission=_kelola_naskah)
    def susun_surat(self) -> None:
        pass

    @transition(field="status", source=S.SURAT, target=S.SIAP, permission=SYSTEM)
    def surat_terbit(self) -> None:
        """The surat pemberitahuan was signed (the system runs this when the naskah is published)."""

    @transition(field="status", source=S.SIAP, target=S.DILAKSANAKAN, permission=_kelola)
    def laksanakan(self) -> None:
        pass

    @transition(field="status", source=S.DILAKSANAKAN, target=S.DILAPORKAN, permission=_kelola_naskah)
    def laporkan(self) -> None:
        pass

    @transition(field="status", source=S.DILAPORKAN, target=S.SELESAI, permission=SYSTEM)
    def laporan_terbit(self) -> None:
        """The Kadis signed the nota dinas laporan pelaksanaan (run when the naskah is published)."""

    @transition(field="status", source=[S.DIRENCANAKAN, S.MATERI_SIAP, S.SIAP], target=S.DIBATALKAN, permission=_kelola)
    def batalkan(self) -> None:
        pass


class KehadiranSosialisasi(models.Model):
    """How many of one category came, counted from the daftar hadir."""

    sosialisasi = models.ForeignKey(Sosialisasi, on_delete=models.CASCADE, related_name="kehadiran")
    kategori = models.ForeignKey(KategoriPeserta, on_delete=models.PROTECT, related_name="+")
    jumlah = models.PositiveIntegerField("jumlah peserta")

    class Meta:
        verbose_name = verbose_name_plural = "kehadiran peserta sosialisasi"
        ordering = ["kategori__urutan", "kategori__nama"]
        constraints = [
            models.UniqueConstraint(fields=["sosialisasi", "kategori"], name="kehadiran_sosialisasi_kategori_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kategori}: {self.jumlah}"
