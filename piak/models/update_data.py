"""Update data kependudukan (Probolinggo P.6.7): a person asks that their data in the national
database be corrected (data ganda, NIK not found at the centre, biodata differing from the
centre, the KTP-el status). PIAK checks the request against the register, sends it to the Ditjen
Dukcapil for consolidation, records the Ditjen's answer and confirms the result to the pemohon.

SOP steps: 1–2 the pemohon applies (online or at the office with a copy of the KK); 3 Bidang PIAK
verifies the documents and the data; 4 the petugas sends the update to the Ditjen; 5 the Ditjen
consolidates; 6 the Ditjen confirms to the petugas; 7 the petugas confirms to the pemohon.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.nik import mask_nik
from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi, requires

__all__ = [
    "JenisMasalah",
    "KanalKonfirmasi",
    "KanalPermohonan",
    "PermohonanUpdateData",
    "StatusUpdateData",
]


class KanalPermohonan(models.TextChoices):
    KANTOR = "kantor", "Datang ke kantor"
    ONLINE = "online", "Online"
    SURAT = "surat", "Surat"


class JenisMasalah(models.TextChoices):
    DATA_GANDA = "data_ganda", "Data ganda"
    NIK_TIDAK_DITEMUKAN = "nik_tidak_ditemukan", "NIK tidak ditemukan di database pusat"
    BIODATA_BEDA = "biodata_beda", "Biodata berbeda dengan database pusat"
    STATUS_KTP_EL = "status_ktp_el", "Status KTP-el (perekaman/pencetakan)"
    LAINNYA = "lainnya", "Lainnya"


class KanalKonfirmasi(models.TextChoices):
    EMAIL = "email", "Email"
    TELEPON = "telepon", "Telepon/WhatsApp"
    LANGSUNG = "langsung", "Langsung di kantor"
    SURAT = "surat", "Surat"


class StatusUpdateData(models.TextChoices):
    DITERIMA = "diterima", "Diterima, menunggu verifikasi"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi, siap diajukan ke Ditjen"
    DIAJUKAN = "diajukan", "Diajukan ke Ditjen Dukcapil"
    DIUPDATE = "diupdate", "Sudah di-update Ditjen, konfirmasi ke pemohon"
    DITOLAK = "ditolak", "Ditolak, konfirmasi ke pemohon"
    SELESAI = "selesai", "Selesai"


S = StatusUpdateData
_olah = requires(Aksi.UPDATE_DATA_OLAH)


class PermohonanUpdateData(FSMModelMixin, WorkflowRecord):
    """One request: whose data (NIK), who asks and how to reach them, what is wrong, the evidence,
    PIAK's finding, the Ditjen's reference and answer, and how the pemohon was told."""

    KOTAK_MASUK = {
        S.DITERIMA: Aksi.UPDATE_DATA_OLAH,
        S.DIVERIFIKASI: Aksi.UPDATE_DATA_OLAH,
        S.DIAJUKAN: Aksi.UPDATE_DATA_OLAH,
        S.DIUPDATE: Aksi.UPDATE_DATA_OLAH,
        S.DITOLAK: Aksi.UPDATE_DATA_OLAH,
    }

    kanal = models.CharField("kanal permohonan", max_length=10, choices=KanalPermohonan.choices)
    diterima_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diterima_pada = models.DateTimeField("diterima pada", default=timezone.now)
    nik = models.CharField("NIK", max_length=16)
    nama_pemohon = models.CharField("nama pemohon", max_length=150)
    telepon = models.CharField("telepon/WhatsApp", max_length=30, blank=True)
    email = models.EmailField("email", blank=True)
    jenis_masalah = models.CharField("data yang bermasalah", max_length=30, choices=JenisMasalah.choices)
    uraian = models.TextField("uraian masalah")
    bukti = models.FileField("bukti (fotokopi KK, tangkapan layar)", upload_to="piak/update_data/%Y/", blank=True)
    temuan = models.TextField("temuan verifikasi PIAK", blank=True)
    nomor_tiket = models.CharField("nomor tiket/surat ke Ditjen", max_length=60, blank=True)
    diajukan_tanggal = models.DateField("tanggal diajukan ke Ditjen", null=True, blank=True)
    hasil_ditjen = models.TextField("hasil dari Ditjen", blank=True)
    hasil_tanggal = models.DateField("tanggal hasil Ditjen", null=True, blank=True)
    alasan_tolak = models.TextField("alasan penolakan", blank=True)
    konfirmasi_kanal = models.CharField(
        "konfirmasi kepada pemohon melalui", max_length=10, choices=KanalKonfirmasi.choices, blank=True
    )
    konfirmasi_tanggal = models.DateField("tanggal konfirmasi kepada pemohon", null=True, blank=True)
    status = FSMField("status", max_length=20, choices=StatusUpdateData.choices, default=S.DITERIMA, protected=True)

    class Meta:
        verbose_name = "permohonan update data"
        verbose_name_plural = "permohonan update data kependudukan"
        ordering = ["-diterima_pada", "-pk"]
        indexes = [
            models.Index(fields=["status", "diterima_pada"], name="updatedata_status_idx"),
            models.Index(fields=["nik"], name="updatedata_nik_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} {self.get_jenis_masalah_display()}"

    nomor = property(lambda self: f"UPD-{self.pk or 0:05d}")
    # the kotak masuk and the kartu kendali show this: the NIK masked, never whole
    judul = property(lambda self: f"Update data {self.nik_samar} · {self.get_jenis_masalah_display()}")
    nik_samar = property(lambda self: mask_nik(self.nik))
    get_absolute_url = lambda self: reverse("piak:update-data-detail", args=[self.pk])  # noqa: E731

    @transition(field="status", source=S.DITERIMA, target=S.DIVERIFIKASI, permission=_olah)
    def verifikasi(self) -> None:
        pass

    @transition(field="status", source=S.DITERIMA, target=S.DITOLAK, permission=_olah)
    def tolak(self) -> None:
        pass

    @transition(field="status", source=S.DIVERIFIKASI, target=S.DIAJUKAN, permission=_olah)
    def ajukan(self) -> None:
        pass

    @transition(field="status", source=S.DIAJUKAN, target=S.DIUPDATE, permission=_olah)
    def hasil_update(self) -> None:
        pass

    @transition(field="status", source=S.DIAJUKAN, target=S.DITOLAK, permission=_olah)
    def hasil_tolak(self) -> None:
        pass

    @transition(field="status", source=[S.DIUPDATE, S.DITOLAK], target=S.SELESAI, permission=_olah)
    def konfirmasi(self) -> None:
        pass
