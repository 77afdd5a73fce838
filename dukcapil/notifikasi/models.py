from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class TentangRecord(models.Model):
    """A message, newest first, optionally about one workflow record (a naskah, a disposisi)."""

    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    dibuat = models.DateTimeField("dibuat", default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-dibuat", "-id"]


class Notifikasi(TentangRecord):
    """An in-app notice for one staff member (the badge beside the kotak masuk)."""

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="penerima", on_delete=models.CASCADE, related_name="notifikasi"
    )
    judul = models.CharField("judul", max_length=200)
    pesan = models.TextField("pesan", blank=True)
    url = models.CharField("tautan", max_length=300, blank=True)
    dibaca_pada = models.DateTimeField("dibaca pada", null=True, blank=True)

    class Meta(TentangRecord.Meta):
        verbose_name = verbose_name_plural = "notifikasi"
        indexes = [
            models.Index(
                fields=["penerima", "dibuat"], condition=models.Q(dibaca_pada__isnull=True), name="notifikasi_baru_idx"
            )
        ]

    def __str__(self) -> str:
        return self.judul


class PesanKeluar(TentangRecord):
    """One message (email, WhatsApp, SMS) waiting to be sent, sent, or given up on (the outbox)."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu dikirim"
        TERKIRIM = "terkirim", "Terkirim"
        GAGAL = "gagal", "Gagal (tidak dicoba lagi)"

    class Kanal(models.TextChoices):
        """Each value has a class in ``dukcapil.notifikasi.kanal`` (a system check holds it)."""

        EMAIL = "email", "Email"
        WHATSAPP = "whatsapp", "WhatsApp"
        SMS = "sms", "SMS"

    kanal = models.CharField("kanal", max_length=10, choices=Kanal.choices, default=Kanal.EMAIL)
    # email: the addresses; whatsapp/sms: one number in E.164 (+628…)
    kepada = models.JSONField("kepada", default=list)
    subjek = models.CharField("subjek", max_length=200)
    isi = models.TextField("isi")
    # SMS only: a short text (one or two SMS), when the caller gave one; else the SMS carries ``isi``
    isi_singkat = models.CharField("isi singkat (SMS)", max_length=320, blank=True)
    lampiran = models.ManyToManyField("dukcapil.Dokumen", verbose_name="lampiran", blank=True, related_name="+")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ANTRE)
    percobaan = models.PositiveSmallIntegerField("percobaan", default=0)
    galat_terakhir = models.CharField("galat terakhir", max_length=300, blank=True)
    dicoba_pada = models.DateTimeField("terakhir dicoba", null=True, blank=True)
    # after a failed attempt: not before this time (exponential backoff); the sweep respects it
    coba_lagi_pada = models.DateTimeField("dicoba lagi pada", null=True, blank=True)
    terkirim_pada = models.DateTimeField("terkirim pada", null=True, blank=True)

    class Meta(TentangRecord.Meta):
        verbose_name = verbose_name_plural = "pesan keluar"
        indexes = [
            models.Index(fields=["dibuat"], condition=models.Q(status="antre"), name="pesankeluar_antre_idx"),
            models.Index(
                fields=["coba_lagi_pada"], condition=models.Q(status="antre"), name="pesankeluar_coba_lagi_idx"
            ),
            models.Index(fields=["status", "kanal", "dibuat"], name="pesankeluar_status_idx"),
        ]

    def __str__(self) -> str:
        return self.subjek
