"""The citizen's account (``Warga``), a pending sign-up with its one-time code, the layanan offered
online, and the online application (``PermohonanOnline``) with its uploaded persyaratan."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.models import Berkas, Layanan, Persyaratan
from dukcapil.workflow.models import WorkflowRecord, optional_staff
from dukcapil.workflow.permissions import Aksi, requires

# Usernames of citizen accounts start with this: no NIK in a username, and the middleware tells a
# citizen from an officer without a query.
USERNAME_PREFIX = "warga+"


class PrivateStorage(FileSystemStorage):
    """Uploads live under MEDIA_ROOT/private: never under STATIC_ROOT, never served by whitenoise or
    a /media/ route; only the upload view (owner or the layanan's loket) reads them. The place follows
    MEDIA_ROOT (Django resets it when the setting changes), so migrations hold no machine's path."""

    @cached_property
    def base_location(self):
        return os.path.join(self._value_or_setting(self._location, settings.MEDIA_ROOT), "private")


private_storage = PrivateStorage()


class Warga(models.Model):
    """A citizen with an account: a user with no staff role, linked to a resident of the register."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, related_name="warga", on_delete=models.PROTECT)
    nik = models.CharField("NIK", max_length=16, unique=True)
    nama = models.CharField("nama", max_length=150)
    email = models.EmailField("email", blank=True)
    telepon = models.CharField("telepon/WA", max_length=20, blank=True)
    dibuat = models.DateTimeField("terdaftar", default=timezone.now)

    class Meta:
        verbose_name = "akun warga"
        verbose_name_plural = "akun warga"
        constraints = [
            models.UniqueConstraint(fields=["email"], condition=~models.Q(email=""), name="warga_email_unik")
        ]

    def __str__(self) -> str:
        from dukcapil.nik import mask_nik

        return f"{self.nama} ({mask_nik(self.nik)})"


class PendaftaranWarga(models.Model):
    """A sign-up waiting for its one-time code. The code is stored as a keyed hash only; it expires
    (``WARGA_OTP_BERLAKU``), allows ``WARGA_OTP_MAKS_PERCOBAAN`` wrong tries, then a new code can be
    asked for only after ``WARGA_OTP_TUNGGU``."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nik = models.CharField("NIK", max_length=16)
    nama = models.CharField("nama", max_length=150)
    email = models.EmailField("email", blank=True)
    telepon = models.CharField("telepon/WA", max_length=20, blank=True)
    kata_sandi = models.CharField("kata sandi (hash)", max_length=128)
    kode_hash = models.CharField(max_length=64)
    kode_dibuat = models.DateTimeField(default=timezone.now)
    kode_kedaluwarsa = models.DateTimeField()
    percobaan = models.PositiveSmallIntegerField("percobaan salah", default=0)
    terakhir_gagal = models.DateTimeField(null=True, blank=True)
    dikirim = models.PositiveSmallIntegerField("kode dikirim", default=1)
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "pendaftaran warga (menunggu kode)"
        verbose_name_plural = "pendaftaran warga (menunggu kode)"

    def __str__(self) -> str:
        return f"pendaftaran {self.pk} ({self.dibuat:%Y-%m-%d %H:%M})"


class LayananOnline(models.Model):
    """A layanan a citizen may apply for from the account (the office edits the list in admin)."""

    layanan = models.OneToOneField(Layanan, verbose_name="layanan", related_name="+", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("dibuka online", default=True)
    keterangan = models.CharField("keterangan untuk pemohon", max_length=300, blank=True)

    class Meta:
        verbose_name = "layanan online"
        verbose_name_plural = "layanan online"
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return str(self.layanan)


class StatusOnline(models.TextChoices):
    DRAF = "draf", "Draf (belum diajukan)"
    DIAJUKAN = "diajukan", "Diajukan, menunggu verifikasi petugas"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk diperbaiki"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi, berkas diterima"


STATUS_ONLINE_COLOURS = {
    StatusOnline.DRAF: "grey",
    StatusOnline.DIAJUKAN: "blue",
    StatusOnline.DIKEMBALIKAN: "orange",
    StatusOnline.DIVERIFIKASI: "green",
}


def oleh_pemohon(instance, user) -> bool:
    """Submitting is the applicant's own act: only the account that owns the application."""
    return user is not None and user.is_authenticated and instance.warga.user_id == user.pk


oleh_pemohon.actions = ()  # type: ignore[attr-defined] (no officer's action: the owner only)


class PermohonanOnlineQuerySet(models.QuerySet):
    pass


class PermohonanOnlineManager(models.Manager.from_queryset(PermohonanOnlineQuerySet)):
    """With the layanan: the kotak masuk shows ``judul`` (its name) of each record without a query."""

    def get_queryset(self):
        return super().get_queryset().select_related("layanan")


class PermohonanOnline(FSMModelMixin, WorkflowRecord):
    """An application made from the citizen's account. draf → diajukan → diverifikasi (a berkas is
    registered through the counter's service) or dikembalikan (items named) → diajukan again."""

    KOTAK_MASUK = {StatusOnline.DIAJUKAN: Aksi.VERIFIKASI_ONLINE}

    nomor_permohonan = models.CharField("nomor permohonan", max_length=30, unique=True)
    warga = models.ForeignKey(Warga, verbose_name="pemohon", related_name="permohonan", on_delete=models.PROTECT)
    layanan = models.ForeignKey(Layanan, verbose_name="layanan", related_name="+", on_delete=models.PROTECT)
    status = FSMField("status", max_length=20, choices=StatusOnline.choices, default=StatusOnline.DRAF, protected=True)
    # the entry as the citizen typed it: the kind's intake form data ({field: [values]}) and contacts
    data_detail = models.JSONField("data permohonan", default=dict, blank=True)
    telepon = models.CharField("telepon/WA", max_length=20, blank=True)
    email = models.EmailField("email", blank=True)
    catatan_pemohon = models.TextField("catatan pemohon", blank=True)
    putaran = models.PositiveSmallIntegerField("pengajuan ke", default=0)
    diajukan_pada = models.DateTimeField("diajukan pada", null=True, blank=True)
    # what the officer asked to fix (persyaratan ids, and «data» for the entry) and what changed since
    perlu_diperbaiki = models.JSONField("yang harus diperbaiki", default=list, blank=True)
    catatan_petugas = models.TextField("catatan petugas", blank=True)
    perubahan = models.JSONField("yang diubah pemohon sejak dikembalikan", default=list, blank=True)
    data_sebelumnya = models.JSONField(default=dict, blank=True, editable=False)
    diperiksa_oleh = optional_staff("diperiksa oleh")
    berkas = models.OneToOneField(
        Berkas, verbose_name="berkas", null=True, blank=True, related_name="permohonan_online", on_delete=models.PROTECT
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # the berkas's intake_token

    objects = PermohonanOnlineManager()

    class Meta:
        verbose_name = "permohonan online"
        verbose_name_plural = "permohonan online"
        indexes = [models.Index(fields=["bidang", "status", "status_sejak"], name="permohonan_online_antrean")]

    def __str__(self) -> str:
        return self.nomor_permohonan

    @property
    def nomor(self) -> str:
        return self.nomor_permohonan

    @property
    def judul(self) -> str:
        return f"Permohonan online {self.layanan.nama}"

    def get_absolute_url(self) -> str:
        return reverse("warga:verifikasi", args=[self.nomor_permohonan])

    @transition(field=status, source=[StatusOnline.DRAF, StatusOnline.DIKEMBALIKAN], target=StatusOnline.DIAJUKAN,
                permission=oleh_pemohon)  # fmt: skip
    def ajukan(self) -> None:
        self.putaran += 1
        self.diajukan_pada = timezone.now()

    @transition(field=status, source=StatusOnline.DIAJUKAN, target=StatusOnline.DIVERIFIKASI,
                permission=requires(Aksi.VERIFIKASI_ONLINE))  # fmt: skip
    def terima(self, berkas: Berkas) -> None:
        self.berkas = berkas

    @transition(field=status, source=StatusOnline.DIAJUKAN, target=StatusOnline.DIKEMBALIKAN,
                permission=requires(Aksi.VERIFIKASI_ONLINE))  # fmt: skip
    def kembalikan(self, items: list[str], catatan: str) -> None:
        self.perlu_diperbaiki = items
        self.catatan_petugas = catatan


def _upload_path(instance, filename: str) -> str:
    return f"permohonan-online/{instance.permohonan.token}/{uuid.uuid4().hex}.{instance.jenis}"


class UnggahanPersyaratan(models.Model):
    """One uploaded persyaratan of an application (the latest file; replaced when fixed)."""

    permohonan = models.ForeignKey(PermohonanOnline, related_name="unggahan", on_delete=models.CASCADE)
    persyaratan = models.ForeignKey(Persyaratan, verbose_name="persyaratan", related_name="+", on_delete=models.PROTECT)
    berkas = models.FileField("berkas", storage=private_storage, upload_to=_upload_path, max_length=200)
    jenis = models.CharField("jenis", max_length=4)  # pdf / jpg / png, from the content
    ukuran = models.PositiveIntegerField("ukuran (byte)")
    sha256 = models.CharField(max_length=64)
    putaran = models.PositiveSmallIntegerField("diunggah pada pengajuan ke", default=0)
    diunggah = models.DateTimeField("diunggah", default=timezone.now)

    class Meta:
        verbose_name = "unggahan persyaratan"
        verbose_name_plural = "unggahan persyaratan"
        constraints = [
            models.UniqueConstraint(fields=["permohonan", "persyaratan"], name="unggahan_satu_per_persyaratan")
        ]

    def __str__(self) -> str:
        return f"{self.permohonan_id}: {self.persyaratan_id}"

    @property
    def content_type(self) -> str:
        return {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}[self.jenis]
