"""What every workflow record shares: the abstract base, the kartu kendali and the work items.

A workflow record (a citizen's berkas today; a naskah dinas, a surat masuk or a PIAK ticket next)
inherits ``WorkflowRecord``, declares its own django-fsm machine on ``status`` and says in
``KOTAK_MASUK`` which action takes it further from each state. ``dukcapil.workflow.services``
runs every transition: it locks the row, asks the permissions table, writes one ``KartuKendali``
row (one table for every record type) and moves the record's ``WorkItem`` (who holds it, since
when, until when), so that any user's kotak masuk is one indexed query over every record type.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone


class WorkflowRecord(models.Model):
    """Abstract base of every record that moves through the office's hands."""

    # state → the action (dukcapil.workflow.permissions.Aksi) that takes the record further from it;
    # a state absent here waits for nobody (final, or the system works on it).
    KOTAK_MASUK: dict[str, str] = {}

    bidang = models.ForeignKey("dukcapil.Bidang", verbose_name="bidang", on_delete=models.PROTECT)
    status_sejak = models.DateTimeField("dalam status ini sejak", default=timezone.now)
    catatan = models.TextField("catatan terakhir", blank=True)
    # Timings in force at creation: {status: standard minutes}; later SOP edits never rewrite them.
    standar_waktu = models.JSONField("standar waktu per tahap (menit)", default=dict, blank=True)
    tenggat = models.DateField("tenggat penyelesaian", null=True, blank=True)

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        raise NotImplementedError

    # what the kotak masuk and the kartu kendali show of any record
    @property
    def nomor(self) -> str:
        raise NotImplementedError

    @property
    def judul(self) -> str:
        raise NotImplementedError

    def age_in_status(self, now=None) -> timedelta:
        return (now or timezone.now()) - self.status_sejak

    def standard_minutes(self, status: str | None = None) -> int | None:
        return self.standar_waktu.get(status or self.status)

    def public_cache_keys(self) -> list[str]:
        """Cached public answers about this record, dropped after each transition commits."""
        return []


def optional_link(to, verbose_name: str, *, on_delete=models.PROTECT, related_name: str = "+", **kwargs):
    """A foreign key a row may leave empty."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=on_delete, related_name=related_name, **kwargs
    )


def optional_staff(verbose_name: str) -> models.ForeignKey:
    """A staff member a row may name (kept: PROTECT), without a reverse accessor."""
    return optional_link(settings.AUTH_USER_MODEL, verbose_name)


class RecordLink(models.Model):
    """Points at one workflow record of any type (a berkas, a naskah, …)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class KartuKendali(RecordLink):
    """Append-only control card: one row per hand-off of any workflow record."""

    transisi = models.CharField("transisi", max_length=40)
    dari_status = models.CharField("dari", max_length=30)
    ke_status = models.CharField("ke", max_length=30)
    pelaku = optional_staff("pelaku")
    waktu = models.DateTimeField("waktu", default=timezone.now)
    mulai = models.DateTimeField("mulai tahap", help_text="Sejak kapan record berada di status asal.")
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        app_label = "dukcapil"
        verbose_name = "kartu kendali"
        verbose_name_plural = "kartu kendali"
        ordering = ["content_type", "object_id", "waktu", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "waktu"], name="kartu_kendali_record_idx"),
            # kinerja: hand-offs per period (dukcapil.kinerja.selectors)
            models.Index(fields=["content_type", "waktu"], name="kartu_kendali_waktu_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id}: {self.dari_status} → {self.ke_status}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise PermissionDenied("Kartu kendali tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Kartu kendali tidak dapat dihapus.")

    @property
    def durasi(self) -> timedelta:
        return self.waktu - self.mulai


class WorkItem(RecordLink):
    """A record waiting for someone: whoever holds ``aksi`` in ``bidang`` (or the named ``pengguna``).

    Written by the transition service when a record enters a state, closed when it leaves it. The
    holder is on the row, so a kotak masuk, a queue or an archive is one indexed query.
    """

    bidang = models.ForeignKey("dukcapil.Bidang", verbose_name="bidang", on_delete=models.PROTECT, related_name="+")
    aksi = models.CharField("tindakan yang ditunggu", max_length=30)
    pengguna = optional_staff("ditujukan kepada")
    status = models.CharField("status record", max_length=30)
    sejak = models.DateTimeField("sejak", default=timezone.now)
    standar_menit = models.PositiveIntegerField("standar waktu (menit)", null=True, blank=True)
    tenggat = models.DateField("tenggat", null=True, blank=True)
    selesai_pada = models.DateTimeField("selesai", null=True, blank=True)

    class Meta:
        app_label = "dukcapil"
        verbose_name = "pekerjaan"
        verbose_name_plural = "pekerjaan"
        indexes = [
            models.Index(
                fields=["aksi", "bidang", "sejak"],
                condition=models.Q(selesai_pada__isnull=True),
                name="workitem_terbuka_idx",
            ),
            models.Index(
                fields=["pengguna", "sejak"],
                condition=models.Q(selesai_pada__isnull=True, pengguna__isnull=False),
                name="workitem_pengguna_idx",
            ),
            models.Index(fields=["content_type", "object_id"], name="workitem_record_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "aksi", "pengguna"],
                condition=models.Q(selesai_pada__isnull=True),
                nulls_distinct=False,
                name="workitem_satu_terbuka",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id} menunggu {self.aksi}"
