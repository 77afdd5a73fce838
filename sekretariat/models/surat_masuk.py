"""Surat masuk and disposisi: the incoming letter, recorded by the Agendaris, goes Kasubag Umum →
Sekretaris → Kadis, who writes the disposisi; each recipient may pass it further down.

``SuratMasuk`` and ``Disposisi`` are workflow records (``dukcapil.workflow``): every hand-off is a
kartu kendali row and whoever holds a step has a ``WorkItem`` named to them, so both appear in the
kotak masuk beside berkas. Work items are named (``pengguna``) rather than open to an action in a
bidang: a letter waits for the Kasubag Umum, not for every holder of «disposisi».
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.choices import Role
from dukcapil.workflow.models import WorkflowRecord, optional_staff
from dukcapil.workflow.permissions import SYSTEM, Aksi, requires

__all__ = [
    "Disposisi",
    "Instansi",
    "InstruksiDisposisi",
    "SifatSurat",
    "SuratMasuk",
    "StatusDisposisi",
    "StatusSuratMasuk",
]


def _choices(name: str, pairs: list[tuple[str, str]]) -> type[models.TextChoices]:
    """TextChoices from (value, label) pairs; members are the upper-cased values."""
    return models.TextChoices(name, [(value.upper(), (value, label)) for value, label in pairs])


SifatSurat = _choices(
    "SifatSurat",
    [("biasa", "Biasa"), ("segera", "Segera"), ("sangat_segera", "Sangat segera"), ("rahasia", "Rahasia")],
)


class _Bernama(models.Model):
    """A row people know by its ``nama`` (address book entries, checklist items)."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.nama


class Instansi(_Bernama):
    """The address book of the offices that write to (and receive letters from) the Dinas."""

    nama = models.CharField("nama instansi", max_length=200, unique=True)
    alamat = models.CharField("alamat", max_length=300, blank=True)
    email = models.EmailField("email", blank=True)
    telepon = models.CharField("telepon", max_length=20, blank=True)

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "buku alamat instansi"
        ordering = ["nama"]


class InstruksiDisposisi(_Bernama):
    """One box of the lembar disposisi's instruction checklist (editable in admin)."""

    nama = models.CharField("instruksi", max_length=80, unique=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "instruksi disposisi"
        verbose_name_plural = "instruksi disposisi"
        ordering = ["urutan", "nama"]


def _role_permission(role: Role, aksi: str):
    """``permission=`` for a step of the surat masuk route: the table's ``aksi`` held by ``role``.

    The route names the office that acts (Kasubag Umum, then Sekretaris, then Kadis); all three
    hold «disposisi», so the table alone would let the Kadis take the Kasubag's step."""
    table_check = requires(aksi)

    def check(instance, user) -> bool:
        if not table_check(instance, user):
            return False
        return user.is_superuser or user.groups.filter(name=role.label).exists()

    check.actions = table_check.actions  # type: ignore[attr-defined]
    return check


StatusSuratMasuk = _choices(
    "StatusSuratMasuk",
    [
        ("kasubag", "Diperiksa Kasubag Umum"),
        ("sekretaris", "Diparaf Sekretaris"),
        ("kadis", "Menunggu disposisi Kadis"),
        ("didisposisi", "Didisposisikan"),
        ("selesai", "Selesai ditindaklanjuti"),
        ("diarsipkan", "Diarsipkan"),
    ],
)


def _step(name: str, source, target: str, permission):
    """A transition of the route (no side effects: the services do the work around it)."""

    def method(self) -> None:
        pass

    method.__name__ = method.__qualname__ = name
    return transition(field="status", source=source, target=target, permission=permission)(method)


S = StatusSuratMasuk


def _by(role: Role):
    return _role_permission(role, Aksi.DISPOSISI)


class SuratMasuk(FSMModelMixin, WorkflowRecord):
    """A letter received by the office, under its nomor agenda (one sequence per year)."""

    # Items are named to the office that holds each step (services.surat_masuk.open_named_items).
    KOTAK_MASUK: dict[str, str] = {}
    # state → the role that acts on it
    PEMEGANG = {
        StatusSuratMasuk.KASUBAG: Role.KASUBAG,
        StatusSuratMasuk.SEKRETARIS: Role.SEKRETARIS,
        StatusSuratMasuk.KADIS: Role.KADIS,
    }

    tahun = models.PositiveSmallIntegerField("tahun agenda")
    nomor_agenda = models.PositiveIntegerField("nomor agenda")
    tanggal_terima = models.DateField("tanggal terima")
    asal = models.ForeignKey(Instansi, verbose_name="surat dari", on_delete=models.PROTECT, related_name="surat_masuk")
    nomor_surat = models.CharField("nomor surat", max_length=100)
    tanggal_surat = models.DateField("tanggal surat")
    perihal = models.CharField("perihal", max_length=300)
    sifat = models.CharField("sifat", max_length=20, choices=SifatSurat.choices, default=SifatSurat.BIASA)
    lampiran = models.CharField("lampiran", max_length=100, blank=True)
    pindaian = models.FileField("pindaian surat", upload_to="surat-masuk/%Y/%m/")
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dicatat oleh", on_delete=models.PROTECT, related_name="+"
    )
    dicatat_pada = models.DateTimeField("dicatat pada", default=timezone.now)
    status = FSMField(
        "status", max_length=20, choices=StatusSuratMasuk.choices, default=StatusSuratMasuk.KASUBAG, protected=True
    )

    class Meta:
        verbose_name = "surat masuk"
        verbose_name_plural = "surat masuk"
        ordering = ["-tahun", "-nomor_agenda"]
        constraints = [models.UniqueConstraint(fields=["tahun", "nomor_agenda"], name="surat_masuk_agenda_unik")]
        indexes = [models.Index(fields=["tanggal_terima"], name="surat_masuk_terima_idx")]

    def __str__(self) -> str:
        return f"Agenda {self.nomor}"

    @property
    def nomor(self) -> str:
        return f"{self.nomor_agenda:04d}/{self.tahun}"

    @property
    def judul(self) -> str:
        if self.rahasia:
            return "Surat masuk: RAHASIA"
        return f"Surat masuk: {self.perihal}"

    @property
    def rahasia(self) -> bool:
        return self.sifat == SifatSurat.RAHASIA

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:surat-masuk-detail", args=[self.pk])

    # the route; selesaikan is run by the service when the last open disposisi closes
    periksa_kasubag = _step("periksa_kasubag", S.KASUBAG, S.SEKRETARIS, _by(Role.KASUBAG))
    paraf_sekretaris = _step("paraf_sekretaris", S.SEKRETARIS, S.KADIS, _by(Role.SEKRETARIS))
    disposisikan = _step("disposisikan", S.KADIS, S.DIDISPOSISI, _by(Role.KADIS))
    arsipkan = _step("arsipkan", S.KADIS, S.DIARSIPKAN, _by(Role.KADIS))
    selesaikan = _step("selesaikan", S.DIDISPOSISI, S.SELESAI, SYSTEM)


StatusDisposisi = _choices(
    "StatusDisposisi",
    [
        ("terbuka", "Menunggu tindak lanjut"),
        ("diteruskan", "Diteruskan (disposisi lanjutan)"),
        ("selesai", "Selesai"),
        ("diarsipkan", "Cukup diarsipkan"),
    ],
)


_PENERIMA = requires(Aksi.DISPOSISI, Aksi.TINDAK_LANJUT)


class DisposisiManager(models.Manager):
    def get_queryset(self):
        # nomor and judul (kotak masuk, kartu kendali) read the letter: fetched with the row, never one by one
        return super().get_queryset().select_related("surat")


class Disposisi(FSMModelMixin, WorkflowRecord):
    """One recipient's part of a letter's disposisi; ``induk`` is the disposisi it was passed down from."""

    KOTAK_MASUK: dict[str, str] = {}
    TERBUKA_STATUSES = (StatusDisposisi.TERBUKA, StatusDisposisi.DITERUSKAN)

    surat = models.ForeignKey(
        SuratMasuk, verbose_name="surat masuk", on_delete=models.CASCADE, related_name="disposisi"
    )
    induk = models.ForeignKey(
        "self", verbose_name="disposisi asal", null=True, blank=True, on_delete=models.CASCADE, related_name="lanjutan"
    )
    dari = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dari", on_delete=models.PROTECT, related_name="disposisi_diberikan"
    )
    kepada = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="diteruskan kepada", on_delete=models.PROTECT, related_name="disposisi"
    )
    instruksi = models.ManyToManyField(InstruksiDisposisi, verbose_name="instruksi", blank=True)
    isi = models.TextField("catatan disposisi", blank=True)
    batas_waktu = models.DateField("batas waktu", null=True, blank=True)
    sifat = models.CharField("sifat", max_length=20, choices=SifatSurat.choices, default=SifatSurat.BIASA)
    dibuat = models.DateTimeField("dibuat", default=timezone.now)
    dibaca_pada = models.DateTimeField("dibaca", null=True, blank=True)
    ditutup_pada = models.DateTimeField("ditutup", null=True, blank=True)
    catatan_tindak_lanjut = models.TextField("catatan tindak lanjut", blank=True)
    # The reply (a naskah keluar) that answered it, linked after the fact.
    balasan_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    balasan_object_id = models.BigIntegerField(null=True, blank=True)
    balasan = GenericForeignKey("balasan_content_type", "balasan_object_id")
    balasan_teks = models.CharField("balasan (nomor naskah)", max_length=200, blank=True)
    dicatat_kembali_oleh = optional_staff("ditutup oleh")
    status = FSMField(
        "status", max_length=20, choices=StatusDisposisi.choices, default=StatusDisposisi.TERBUKA, protected=True
    )

    objects = DisposisiManager()

    class Meta:
        verbose_name = verbose_name_plural = "disposisi"
        ordering = ["dibuat", "pk"]
        indexes = [
            models.Index(fields=["kepada", "status"], name="disposisi_kepada_idx"),
            models.Index(fields=["dari", "status"], name="disposisi_dari_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["surat", "induk", "kepada"], nulls_distinct=False, name="disposisi_satu_per_penerima"
            )
        ]

    @property
    def judul(self) -> str:
        if self.sifat == SifatSurat.RAHASIA or self.surat.rahasia:
            return "Disposisi: RAHASIA"
        return f"Disposisi: {self.surat.perihal}"

    def __str__(self) -> str:
        return f"Disposisi agenda {self.surat_id} kepada {self.kepada_id}"

    @property
    def nomor(self) -> str:
        return f"Disposisi {self.surat.nomor}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:disposisi-detail", args=[self.pk])

    @property
    def terbuka(self) -> bool:
        return self.status in self.TERBUKA_STATUSES

    def terlambat(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.terbuka and self.batas_waktu is not None and today > self.batas_waktu

    # the recipient's acts (the service checks that the user is the recipient)
    teruskan = _step("teruskan", TERBUKA_STATUSES, StatusDisposisi.DITERUSKAN, _PENERIMA)
    tutup = _step("tutup", TERBUKA_STATUSES, StatusDisposisi.SELESAI, _PENERIMA)
    cukup_arsipkan = _step("cukup_arsipkan", StatusDisposisi.TERBUKA, StatusDisposisi.DIARSIPKAN, _PENERIMA)
