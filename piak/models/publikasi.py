"""Publikasi (Probolinggo P.6.2): a post for the office's website and social media.

The tim pengelola drafts it (judul, isi, images, channel); the Kasi PIAK discusses and checks it
with them; it is consulted with the Sekretaris and the Kadis for approval (each may return it with
a catatan); once approved the tim pengelola posts it and records the date and the link.
"""

from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.models import WorkflowRecord, optional_staff
from dukcapil.workflow.permissions import Aksi, requires_by_state
from sekretariat.models.keuangan import aksi_step as _step

__all__ = ["GambarPublikasi", "KanalPublikasi", "Publikasi", "StatusPublikasi"]


class KanalPublikasi(models.TextChoices):
    WEBSITE = "website", "Website dinas"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (Twitter)"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    WHATSAPP = "whatsapp", "Saluran WhatsApp"


class StatusPublikasi(models.TextChoices):
    KONSEP = "konsep", "Draf (tim pengelola)"
    KASI = "kasi", "Dibahas Kasi PIAK"
    SEKRETARIS = "sekretaris", "Menunggu persetujuan Sekretaris"
    KADIS = "kadis", "Menunggu persetujuan Kadis"
    DISETUJUI = "disetujui", "Disetujui, siap diposting"
    TERBIT = "terbit", "Diposting"


S = StatusPublikasi
DIPERIKSA = {S.KASI: Aksi.PUBLIKASI_PERIKSA, S.SEKRETARIS: Aksi.PUBLIKASI_SEKRETARIS, S.KADIS: Aksi.PUBLIKASI_KADIS}


class Publikasi(FSMModelMixin, WorkflowRecord):
    """One post: its draft, its approvals and, once posted, when and where."""

    KOTAK_MASUK = {
        S.KONSEP: Aksi.PUBLIKASI_SUSUN,
        **DIPERIKSA,
        S.DISETUJUI: Aksi.PUBLIKASI_SUSUN,
    }

    judul_berita = models.CharField("judul", max_length=200)
    isi = models.TextField("isi", max_length=5000)
    kanal = models.CharField("kanal", max_length=20, choices=KanalPublikasi.choices)
    dibuat_oleh = optional_staff("disusun oleh")
    tanggal_terbit = models.DateField("tanggal posting", null=True, blank=True)
    tautan = models.URLField("tautan posting", blank=True)
    status = FSMField("status", max_length=20, choices=StatusPublikasi.choices, default=S.KONSEP, protected=True)

    class Meta:
        verbose_name = "publikasi"
        verbose_name_plural = "publikasi"
        ordering = ["-status_sejak", "-pk"]

    def __str__(self) -> str:
        return self.judul_berita

    nomor = property(lambda self: f"PUB-{self.pk:05d}")
    judul = property(lambda self: f"Publikasi: {self.judul_berita}")

    def get_absolute_url(self) -> str:
        return reverse("piak:publikasi-detail", args=[self.pk])

    ajukan = _step("ajukan", S.KONSEP, S.KASI, Aksi.PUBLIKASI_SUSUN)
    periksa = _step("periksa", S.KASI, S.SEKRETARIS, Aksi.PUBLIKASI_PERIKSA)
    setujui_sekretaris = _step("setujui_sekretaris", S.SEKRETARIS, S.KADIS, Aksi.PUBLIKASI_SEKRETARIS)
    setujui_kadis = _step("setujui_kadis", S.KADIS, S.DISETUJUI, Aksi.PUBLIKASI_KADIS)
    terbitkan = _step("terbitkan", S.DISETUJUI, S.TERBIT, Aksi.PUBLIKASI_SUSUN)

    @transition(field="status", source=list(DIPERIKSA), target=S.KONSEP, permission=requires_by_state(DIPERIKSA))
    def kembalikan(self) -> None:
        pass


class GambarPublikasi(models.Model):
    """An image of a post (JPEG or PNG, checked by its bytes when uploaded)."""

    publikasi = models.ForeignKey(Publikasi, on_delete=models.CASCADE, related_name="gambar")
    berkas = models.FileField("gambar", upload_to="piak/publikasi/%Y/")
    nama_asli = models.CharField("nama berkas", max_length=200, blank=True)

    class Meta:
        verbose_name = "gambar publikasi"
        verbose_name_plural = "gambar publikasi"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nama_asli or self.berkas.name
