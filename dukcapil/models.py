"""Shared core: bidang, staff, the SOP catalogue and the berkas with its state machine."""

import uuid
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from .choices import CANCELLABLE_STATUSES, JenisKelamin, Pelaksana, Status


class Bidang(models.Model):
    kode = models.SlugField("kode", max_length=40, unique=True)
    nama = models.CharField("nama", max_length=200)

    class Meta:
        verbose_name = "bidang"
        verbose_name_plural = "bidang"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class User(AbstractUser):
    """A staff member. A user without bidang (Kadis, admin) sees every bidang."""

    bidang = models.ForeignKey(Bidang, verbose_name="bidang", null=True, blank=True, on_delete=models.PROTECT)
    nip = models.CharField("NIP", max_length=30, blank=True)

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


# --- SOP catalogue (minimal; grows with the full office catalogue) -------------------


class Layanan(models.Model):
    kode = models.SlugField("kode", max_length=60, unique=True)
    nama = models.CharField("nama layanan", max_length=200)
    bidang = models.ForeignKey(Bidang, verbose_name="bidang", on_delete=models.PROTECT)
    jenis_berkas = models.CharField(
        "jenis berkas",
        max_length=60,
        help_text="Jenis data dan dokumen yang diolah sistem untuk layanan ini, mis. pendaftaran.kk.",
    )
    prefix_nomor = models.CharField("prefix nomor registrasi", max_length=8)
    jangka_waktu_hari_kerja = models.PositiveSmallIntegerField("jangka waktu (hari kerja)", null=True, blank=True)
    biaya = models.CharField("biaya/tarif", max_length=200, default="Tidak dipungut biaya")
    produk = models.CharField("produk layanan", max_length=200, blank=True)
    sumber = models.CharField("sumber SOP", max_length=300, blank=True)
    aktif = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "layanan"
        verbose_name_plural = "layanan"
        ordering = ["bidang__nama", "nama"]

    def __str__(self) -> str:
        return self.nama


class LangkahSOP(models.Model):
    layanan = models.ForeignKey(Layanan, verbose_name="layanan", related_name="langkah", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan")
    uraian = models.TextField("uraian kegiatan")
    pelaksana = models.CharField("pelaksana", max_length=30, choices=Pelaksana.choices)
    waktu_menit = models.PositiveIntegerField(
        "waktu (menit)", null=True, blank=True, help_text="Kosong berarti tidak ditetapkan."
    )
    tahap = models.CharField(
        "tahap berkas",
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text="Status berkas selama langkah ini dikerjakan; dipakai kartu kendali.",
    )
    output = models.CharField("output", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "langkah SOP"
        verbose_name_plural = "langkah SOP"
        ordering = ["layanan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["layanan", "urutan"], name="langkah_urutan_unik")]

    def __str__(self) -> str:
        return f"{self.urutan}. {self.uraian[:60]}"


class Persyaratan(models.Model):
    layanan = models.ForeignKey(Layanan, verbose_name="layanan", related_name="persyaratan", on_delete=models.CASCADE)
    urutan = models.PositiveSmallIntegerField("urutan")
    nama = models.CharField("persyaratan", max_length=300)
    wajib = models.BooleanField("wajib", default=True)
    kondisi = models.CharField(
        "kondisi", max_length=200, blank=True, help_text='Untuk syarat bersyarat, mis. "jika hilang".'
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "persyaratan"
        verbose_name_plural = "persyaratan"
        ordering = ["layanan", "urutan"]

    def __str__(self) -> str:
        return self.nama


# --- Berkas ---------------------------------------------------------------------------


def _can(codename: str):
    """FSM permission: the role permission plus access to the berkas's bidang."""

    def check(instance: "Berkas", user) -> bool:
        return user_has_role_perm(user, codename) and user_can_access_bidang(user, instance.bidang_id)

    check.codename = codename  # type: ignore[attr-defined]
    return check


def user_has_role_perm(user, codename: str) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(f"dukcapil.{codename}"))


def user_can_access_bidang(user, bidang_id: int | None) -> bool:
    if not user or not user.is_authenticated:
        return False
    return user.is_superuser or user.bidang_id is None or user.bidang_id == bidang_id


def _send_back_allowed(instance: "Berkas", user) -> bool:
    codename = {
        Status.VERIFIKASI: "verifikasi_berkas",
        Status.VALIDASI: "validasi_berkas",
        Status.TTE: "tte_berkas",
    }.get(instance.status)
    return codename is not None and _can(codename)(instance, user)


def _system_only(instance: "Berkas", user) -> bool:
    return False


class Berkas(FSMModelMixin, models.Model):
    """One application for one layanan, followed from the counter to pickup."""

    nomor_registrasi = models.CharField("nomor registrasi", max_length=30, unique=True)
    layanan = models.ForeignKey(Layanan, verbose_name="layanan", on_delete=models.PROTECT)
    bidang = models.ForeignKey(Bidang, verbose_name="bidang", on_delete=models.PROTECT)
    pemohon_nik = models.CharField("NIK pemohon", max_length=16, db_index=True)
    pemohon_nama = models.CharField("nama pemohon", max_length=150)
    pemohon_tanggal_lahir = models.DateField("tanggal lahir pemohon")
    pemohon_jenis_kelamin = models.CharField("jenis kelamin pemohon", max_length=1, choices=JenisKelamin.choices)
    pemohon_telepon = models.CharField("telepon/WA", max_length=20, blank=True)
    pemohon_email = models.EmailField("email", blank=True)
    status = FSMField("status", default=Status.BARU, choices=Status.choices, protected=True)
    status_sejak = models.DateTimeField("dalam status ini sejak", default=timezone.now)
    persyaratan_diserahkan = models.ManyToManyField(
        Persyaratan, verbose_name="persyaratan diserahkan", blank=True, related_name="+"
    )
    persyaratan_kurang = models.JSONField("persyaratan kurang", default=list, blank=True)
    catatan = models.TextField("catatan terakhir", blank=True)
    # Timings in force at registration: {status: standard minutes}; later SOP edits never
    # rewrite a registered berkas.
    standar_waktu = models.JSONField("standar waktu per tahap (menit)", default=dict, blank=True)
    jangka_waktu_hari_kerja = models.PositiveSmallIntegerField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey(User, verbose_name="didaftarkan oleh", on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("didaftarkan pada", default=timezone.now)
    # One token per intake form: a double click or a resent form registers the berkas once.
    intake_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    history = HistoricalRecords(excluded_fields=["persyaratan_kurang", "standar_waktu"])

    class Meta:
        verbose_name = "berkas"
        verbose_name_plural = "berkas"
        indexes = [models.Index(fields=["bidang", "status", "status_sejak"], name="berkas_inbox_idx")]
        permissions = [
            ("terima_berkas", "Menerima berkas di loket"),
            ("entri_berkas", "Mengentri data berkas (operator SIAK)"),
            ("verifikasi_berkas", "Memverifikasi berkas (Kasi)"),
            ("validasi_berkas", "Memvalidasi berkas (Kabid)"),
            ("tte_berkas", "Menandatangani berkas secara elektronik (Kadis)"),
            ("serahkan_berkas", "Menyerahkan dokumen kepada pemohon"),
            ("batalkan_berkas", "Membatalkan berkas"),
        ]

    def __str__(self) -> str:
        return self.nomor_registrasi

    # Transitions. Side effects (kartu kendali, tasks) live in dukcapil.services.

    @transition(
        field=status,
        source=[Status.BARU, Status.DIKEMBALIKAN],
        target=Status.DITERIMA,
        permission=_can("terima_berkas"),
    )
    def accept(self) -> None:
        self.persyaratan_kurang = []

    @transition(
        field=status,
        source=[Status.BARU, Status.DIKEMBALIKAN],
        target=Status.DIKEMBALIKAN,
        permission=_can("terima_berkas"),
    )
    def return_to_pemohon(self, missing: list[str]) -> None:
        self.persyaratan_kurang = missing

    @transition(
        field=status,
        source=[Status.DITERIMA, Status.PERBAIKAN],
        target=Status.VERIFIKASI,
        permission=_can("entri_berkas"),
    )
    def complete_entry(self) -> None:
        pass

    @transition(field=status, source=Status.VERIFIKASI, target=Status.VALIDASI, permission=_can("verifikasi_berkas"))
    def verify(self) -> None:
        pass

    @transition(field=status, source=Status.VALIDASI, target=Status.TTE, permission=_can("validasi_berkas"))
    def validate(self) -> None:
        pass

    @transition(
        field=status,
        source=[Status.VERIFIKASI, Status.VALIDASI, Status.TTE],
        target=Status.PERBAIKAN,
        permission=_send_back_allowed,
    )
    def send_back(self) -> None:
        pass

    @transition(field=status, source=Status.TTE, target=Status.CETAK, permission=_can("tte_berkas"))
    def sign(self) -> None:
        pass

    @transition(field=status, source=Status.CETAK, target=Status.SIAP_DIAMBIL, permission=_system_only)
    def mark_printed(self) -> None:
        pass

    @transition(field=status, source=Status.SIAP_DIAMBIL, target=Status.DISERAHKAN, permission=_can("serahkan_berkas"))
    def hand_over(self) -> None:
        pass

    @transition(
        field=status, source=list(CANCELLABLE_STATUSES), target=Status.DIBATALKAN, permission=_can("batalkan_berkas")
    )
    def cancel(self) -> None:
        pass

    def age_in_status(self, now=None) -> timedelta:
        return (now or timezone.now()) - self.status_sejak

    def standard_minutes(self, status: str | None = None) -> int | None:
        return self.standar_waktu.get(status or self.status)


class KartuKendali(models.Model):
    """Append-only control card: one row per hand-off of a berkas."""

    berkas = models.ForeignKey(Berkas, verbose_name="berkas", related_name="kartu_kendali", on_delete=models.CASCADE)
    transisi = models.CharField("transisi", max_length=40)
    dari_status = models.CharField("dari", max_length=20, choices=Status.choices)
    ke_status = models.CharField("ke", max_length=20, choices=Status.choices)
    pelaku = models.ForeignKey(
        User, verbose_name="pelaku", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    waktu = models.DateTimeField("waktu", default=timezone.now)
    mulai = models.DateTimeField("mulai tahap", help_text="Sejak kapan berkas berada di status asal.")
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "kartu kendali"
        verbose_name_plural = "kartu kendali"
        ordering = ["berkas", "waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.berkas_id}: {self.dari_status} → {self.ke_status}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise PermissionDenied("Kartu kendali tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Kartu kendali tidak dapat dihapus.")

    @property
    def durasi(self) -> timedelta:
        return self.waktu - self.mulai


class Dokumen(models.Model):
    """A PDF produced for a berkas. One per (berkas, jenis): producing it is idempotent."""

    berkas = models.ForeignKey(Berkas, verbose_name="berkas", related_name="dokumen", on_delete=models.PROTECT)
    jenis = models.CharField("jenis dokumen", max_length=30)
    berkas_pdf = models.FileField("PDF", upload_to="dokumen/%Y/%m/")
    sha256 = models.CharField(max_length=64)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)

    class Meta:
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"
        constraints = [models.UniqueConstraint(fields=["berkas", "jenis"], name="dokumen_satu_per_jenis")]

    def __str__(self) -> str:
        return f"{self.jenis} {self.berkas_id}"


class NomorUrut(models.Model):
    """Gap-free daily counters for readable registration numbers."""

    kunci = models.CharField(max_length=40, unique=True)
    terakhir = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.kunci}: {self.terakhir}"
