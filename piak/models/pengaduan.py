"""Pelayanan informasi dan pengaduan masyarakat (Probolinggo P.6.5).

A complaint, a request for information or a suggestion comes in through any channel the SOPs name
(WhatsApp, Facebook, SMS center, kotak saran, telepon, datang langsung: recorded by PIAK staff) or
the public web form. PIAK triages it (kategori, the bidang that must answer, the deadline); that
bidang's Kasi or Kabid writes the answer; the Kabid PIAK approves it; the citizen reads it on the
public status page with the ticket's secret code; PIAK closes it. A closed answer is never edited.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.exceptions import BerkasConflict
from dukcapil.workflow.models import WorkflowRecord, optional_link, optional_staff
from dukcapil.workflow.permissions import Aksi, can, requires

__all__ = [
    "ISI_MAX",
    "TERJAWAB",
    "JawabanTerkunci",
    "JenisPengaduan",
    "KategoriPengaduan",
    "Pengaduan",
    "SaluranPengaduan",
    "StatusPengaduan",
]

ISI_MAX = 2000


class SaluranPengaduan(models.TextChoices):
    WEB = "web", "Formulir daring"
    WHATSAPP = "whatsapp", "WhatsApp"
    FACEBOOK = "facebook", "Facebook"
    SMS = "sms", "SMS center"
    KOTAK_SARAN = "kotak_saran", "Kotak saran"
    TELEPON = "telepon", "Telepon"
    LANGSUNG = "langsung", "Datang langsung"


class JenisPengaduan(models.TextChoices):
    PENGADUAN = "pengaduan", "Pengaduan"
    INFORMASI = "informasi", "Permintaan informasi"
    SARAN = "saran", "Saran"


class KategoriPengaduan(models.TextChoices):
    KK = "kk", "Kartu Keluarga"
    KTP_EL = "ktp_el", "KTP-el"
    KIA = "kia", "KIA"
    PINDAH = "pindah", "Pindah datang"
    AKTA = "akta", "Akta pencatatan sipil"
    DATA = "data", "Data kependudukan"
    PELAYANAN = "pelayanan", "Pelayanan dan petugas"
    LAINNYA = "lainnya", "Lainnya"


class StatusPengaduan(models.TextChoices):
    BARU = "baru", "Diterima, menunggu triase"
    DITRIASE = "ditriase", "Menunggu jawaban bidang"
    PERSETUJUAN = "persetujuan", "Menunggu persetujuan Kabid PIAK"
    DIJAWAB = "dijawab", "Dijawab"
    SELESAI = "selesai", "Ditutup"


S = StatusPengaduan
# From these states the answer is the citizen's: nobody rewrites it.
TERJAWAB = (S.DIJAWAB, S.SELESAI)


class JawabanTerkunci(BerkasConflict):
    """An answer the citizen has received cannot be changed (409): the services refuse it and the
    admin shows such rows read-only."""


def _penjawab_permission(instance, user) -> bool:
    """The Kasi or Kabid of the bidang named at triage."""
    return instance.bidang_penjawab_id is not None and can(user, Aksi.PENGADUAN_JAWAB, instance.bidang_penjawab_id)


_penjawab_permission.actions = (Aksi.PENGADUAN_JAWAB,)  # type: ignore[attr-defined]


class Pengaduan(FSMModelMixin, WorkflowRecord):
    """One complaint, information request or suggestion, under its ticket number."""

    # «ditriase» waits in the answering bidang: services.pengaduan moves that item to it
    KOTAK_MASUK = {
        S.BARU: Aksi.PENGADUAN_KELOLA,
        S.DITRIASE: Aksi.PENGADUAN_JAWAB,
        S.PERSETUJUAN: Aksi.PENGADUAN_SETUJUI,
        S.DIJAWAB: Aksi.PENGADUAN_KELOLA,
    }

    nomor_tiket = models.CharField("nomor tiket", max_length=20, unique=True)
    kode_hash = models.CharField("kode rahasia (hash)", max_length=200)
    saluran = models.CharField("saluran", max_length=20, choices=SaluranPengaduan.choices)
    jenis = models.CharField("jenis", max_length=20, choices=JenisPengaduan.choices)
    kategori = models.CharField("kategori", max_length=20, choices=KategoriPengaduan.choices)
    nama = models.CharField("nama", max_length=150)
    kontak = models.CharField("nomor telepon", max_length=20)
    email = models.EmailField("email", blank=True)
    isi = models.TextField("isi", max_length=ISI_MAX)
    lampiran = models.FileField("lampiran", upload_to="piak/pengaduan/%Y/", blank=True)
    diterima_pada = models.DateTimeField("diterima", default=timezone.now)
    dicatat_oleh = optional_staff("dicatat oleh")
    bidang_penjawab = optional_link("dukcapil.Bidang", "bidang yang menjawab")
    jawaban = models.TextField("jawaban", blank=True)
    penjawab = optional_staff("penjawab")
    dijawab_pada = models.DateTimeField("dijawab", null=True, blank=True)
    ditutup_pada = models.DateTimeField("ditutup", null=True, blank=True)
    status = FSMField("status", max_length=20, choices=StatusPengaduan.choices, default=S.BARU, protected=True)

    class Meta:
        verbose_name = "pengaduan"
        verbose_name_plural = "pengaduan dan permintaan informasi"
        ordering = ["-diterima_pada", "-pk"]
        indexes = [
            models.Index(fields=["diterima_pada"], name="pengaduan_diterima_idx"),
            models.Index(fields=["status", "tenggat"], name="pengaduan_status_tenggat_idx"),
        ]

    def __str__(self) -> str:
        return self.nomor_tiket

    nomor = property(lambda self: self.nomor_tiket)
    judul = property(lambda self: f"{self.get_jenis_display()}: {self.get_kategori_display()}")

    def get_absolute_url(self) -> str:
        return reverse("piak:pengaduan-detail", args=[self.pk])

    @transition(field="status", source=S.BARU, target=S.DITRIASE, permission=requires(Aksi.PENGADUAN_KELOLA))
    def triase(self) -> None:
        pass

    @transition(field="status", source=S.DITRIASE, target=S.PERSETUJUAN, permission=_penjawab_permission)
    def ajukan_jawaban(self) -> None:
        pass

    @transition(field="status", source=S.PERSETUJUAN, target=S.DIJAWAB, permission=requires(Aksi.PENGADUAN_SETUJUI))
    def setujui(self) -> None:
        pass

    @transition(field="status", source=S.PERSETUJUAN, target=S.DITRIASE, permission=requires(Aksi.PENGADUAN_SETUJUI))
    def kembalikan(self) -> None:
        pass

    @transition(field="status", source=S.DIJAWAB, target=S.SELESAI, permission=requires(Aksi.PENGADUAN_KELOLA))
    def tutup(self) -> None:
        pass
