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
    """One email waiting to be sent, sent, or given up on (the outbox)."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Menunggu dikirim"
        TERKIRIM = "terkirim", "Terkirim"
        GAGAL = "gagal", "Gagal (tidak dicoba lagi)"

    kepada = models.JSONField("kepada", default=list)
    subjek = models.CharField("subjek", max_length=200)
    isi = models.TextField("isi")
    lampiran = models.ManyToManyField("dukcapil.Dokumen", verbose_name="lampiran", blank=True, related_name="+")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ANTRE)
    percobaan = models.PositiveSmallIntegerField("percobaan", default=0)
    galat_terakhir = models.CharField("galat terakhir", max_length=300, blank=True)
    dicoba_pada = models.DateTimeField("terakhir dicoba", null=True, blank=True)
    terkirim_pada = models.DateTimeField("terkirim pada", null=True, blank=True)

    class Meta(TentangRecord.Meta):
        verbose_name = verbose_name_plural = "pesan keluar (email)"
        indexes = [
            models.Index(fields=["dibuat"], condition=models.Q(status="antre"), name="pesankeluar_antre_idx"),
        ]

    def __str__(self) -> str:
        return self.subjek
