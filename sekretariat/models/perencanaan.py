"""Perencanaan dan pelaporan: the calendar of the yearly and periodic planning and reporting documents.

Each row is one document of one period (Renja 2027, laporan bulanan Maret, Monev triwulan II, …)
with its due date (``tenggat``), generated for a year from the rules in
``sekretariat.services.perencanaan.ATURAN``. Its holder (a person, and the Tim where the SOP forms
one) writes the konsep; it goes Kasubag → Sekretaris → Kadis (each may return it), then the holder
uploads the final file. SOPs: Lumajang "SOP Perencanaan" (RKA, DPA, Penetapan Kinerja, IKU, LAKIP,
laporan bulanan, semesteran, tahunan, Monev) and Probolinggo P2.1–P2.2.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.models import WorkflowRecord, optional_staff
from dukcapil.workflow.permissions import Aksi, requires

from .keuangan import aksi_step
from .surat_masuk import _choices

__all__ = ["DokumenPerencanaan", "JenisPerencanaan", "PengingatPerencanaan", "StatusPerencanaan"]


JenisPerencanaan = _choices(
    "JenisPerencanaan",
    [
        ("renstra", "Renstra"),
        ("renja", "Renja"),
        ("rka", "RKA"),
        ("dpa", "DPA"),
        ("pk", "Perjanjian Kinerja"),
        ("iku", "IKU"),
        ("lkjip", "LKjIP"),
        ("bulanan", "Laporan bulanan"),
        ("semester", "Laporan semester"),
        ("tahunan", "Laporan tahunan"),
        ("monev", "Monev"),
    ],
)
StatusPerencanaan = _choices(
    "StatusPerencanaan",
    [
        ("konsep", "Konsep (pemegang)"),
        ("kasubag", "Diperiksa Kasubag"),
        ("sekretaris", "Diparaf Sekretaris"),
        ("kadis", "Menunggu persetujuan Kadis"),
        ("disetujui", "Disetujui, menunggu berkas final"),
        ("selesai", "Selesai (berkas final diunggah)"),
    ],
)


S = StatusPerencanaan
DALAM_PERIKSA = [S.KASUBAG, S.SEKRETARIS, S.KADIS]


def _kembalikan_permission(instance, user) -> bool:
    """Whoever may take the document further from its step may return it from there."""
    aksi = DokumenPerencanaan.KOTAK_MASUK.get(instance.status)
    return aksi is not None and requires(aksi)(instance, user)


_kembalikan_permission.actions = (  # type: ignore[attr-defined]
    Aksi.PERENCANAAN_PERIKSA,
    Aksi.PERENCANAAN_PARAF,
    Aksi.PERENCANAAN_SETUJUI,
)


class DokumenPerencanaan(FSMModelMixin, WorkflowRecord):
    """One planning or reporting document of one period, with its due date and its holder."""

    # konsep and disetujui wait for the named holder (services.perencanaan opens those items)
    KOTAK_MASUK = {
        S.KASUBAG: Aksi.PERENCANAAN_PERIKSA,
        S.SEKRETARIS: Aksi.PERENCANAAN_PARAF,
        S.KADIS: Aksi.PERENCANAAN_SETUJUI,
    }

    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis dokumen", max_length=20, choices=JenisPerencanaan.choices)
    periode_ke = models.PositiveSmallIntegerField("periode ke", default=0, help_text="bulan, semester, triwulan; 0")
    periode = models.CharField("periode", max_length=60)
    pemegang = optional_staff("pemegang")
    tim = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="tim", blank=True, related_name="+")
    berkas_final = models.FileField("berkas final", upload_to="perencanaan/%Y/", blank=True)
    status = FSMField("status", max_length=20, choices=StatusPerencanaan.choices, default=S.KONSEP, protected=True)

    class Meta:
        verbose_name = "dokumen perencanaan/pelaporan"
        verbose_name_plural = "kalender perencanaan dan pelaporan"
        ordering = ["tenggat", "jenis", "periode_ke"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "jenis", "periode_ke"], name="perencanaan_satu_per_periode")
        ]
        indexes = [models.Index(fields=["status", "tenggat"], name="perencanaan_status_tenggat_idx")]

    def __str__(self) -> str:
        return self.judul

    # what the kotak masuk and the kartu kendali show
    nomor = property(lambda self: f"{self.jenis.upper()}-{self.tahun}-{self.periode_ke:02d}")
    judul = property(lambda self: f"{self.get_jenis_display()} {self.periode}")
    get_absolute_url = lambda self: reverse("sekretariat:perencanaan-detail", args=[self.pk])  # noqa: E731

    ajukan = aksi_step("ajukan", S.KONSEP, S.KASUBAG, Aksi.PERENCANAAN_SUSUN)
    periksa = aksi_step("periksa", S.KASUBAG, S.SEKRETARIS, Aksi.PERENCANAAN_PERIKSA)
    paraf = aksi_step("paraf", S.SEKRETARIS, S.KADIS, Aksi.PERENCANAAN_PARAF)
    setujui = aksi_step("setujui", S.KADIS, S.DISETUJUI, Aksi.PERENCANAAN_SETUJUI)

    @transition(field="status", source=DALAM_PERIKSA, target=S.KONSEP, permission=_kembalikan_permission)
    def kembalikan(self) -> None:
        pass

    unggah_final = aksi_step("unggah_final", S.DISETUJUI, S.SELESAI, Aksi.PERENCANAAN_SUSUN)


class PengingatPerencanaan(models.Model):
    """A reminder sent for a document on a day: at most one per document per day (the task is idempotent)."""

    dokumen = models.ForeignKey(DokumenPerencanaan, on_delete=models.CASCADE, related_name="pengingat")
    tanggal = models.DateField("tanggal")
    penerima = models.PositiveSmallIntegerField("jumlah penerima", default=0)

    class Meta:
        verbose_name = "pengingat perencanaan"
        verbose_name_plural = "pengingat perencanaan"
        constraints = [models.UniqueConstraint(fields=["dokumen", "tanggal"], name="pengingat_sekali_sehari")]

    def __str__(self) -> str:
        return f"{self.dokumen} · {self.tanggal:%d-%m-%Y}"
