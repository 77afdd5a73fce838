import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Cetakan(models.Model):
    """One document asked for on a screen (a lembar disposisi, a register PDF), produced by a task."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Sedang disiapkan"
        SIAP = "siap", "Siap diunduh"
        GAGAL = "gagal", "Gagal"

    token = models.UUIDField("token", default=uuid.uuid4, unique=True, editable=False)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="diminta oleh", on_delete=models.CASCADE, related_name="+"
    )
    jenis = models.CharField("jenis", max_length=50)
    params = models.JSONField("parameter", default=dict)
    # sha256 of (jenis, params, user): an identical request shortly after reuses this one
    kunci = models.CharField("kunci", max_length=64)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    selesai = models.DateTimeField("selesai", null=True, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ANTRE)
    file = models.FileField("berkas", upload_to="cetakan/%Y/%m/", blank=True)
    nama_file = models.CharField("nama berkas", max_length=200, blank=True)
    galat = models.CharField("galat", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "cetakan"
        ordering = ["-dibuat"]
        indexes = [
            models.Index(fields=["diminta_oleh", "kunci", "dibuat"], name="cetakan_kunci_idx"),
            models.Index(fields=["dibuat"], condition=models.Q(status="antre"), name="cetakan_antre_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.jenis} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("cetakan", args=[self.token])
