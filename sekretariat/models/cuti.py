"""Cuti pegawai (PP 11/2017 tentang Manajemen PNS, bagian Cuti; Peraturan BKN 24/2017): the leave
types as data (editable in admin, defaults in ``sekretariat.cuti_data``) and the employee's request,
which goes Kasubag → Sekretaris → Kadis; once the Kadis approves it, the surat izin cuti goes through
the naskah chain and the request is done when that letter is signed."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.models import WorkflowRecord, optional_staff
from dukcapil.workflow.permissions import SYSTEM, Aksi, can, requires

from .keuangan import aksi_step
from .surat_masuk import _choices

__all__ = ["JenisCuti", "PermohonanCuti", "SatuanCuti", "StatusCuti"]


class SatuanCuti(models.TextChoices):
    HARI_KERJA = "hari_kerja", "hari kerja"
    BULAN = "bulan", "bulan (kalender)"


class JenisCuti(models.Model):
    """A kind of leave with its limit. Only the kind with ``potong_saldo`` (cuti tahunan) draws on
    the yearly balance; the others are bounded per request by ``batas`` in ``satuan``."""

    kode = models.SlugField("kode", max_length=30, unique=True)
    nama = models.CharField("nama", max_length=100)
    satuan = models.CharField("satuan", max_length=10, choices=SatuanCuti.choices)
    batas = models.PositiveSmallIntegerField("batas per permohonan", help_text="dalam satuan di atas")
    potong_saldo = models.BooleanField("mengurangi saldo cuti tahunan", default=False)
    hak_tahunan = models.PositiveSmallIntegerField("hak per tahun (hari kerja)", default=0)
    masa_kerja_tahun = models.PositiveSmallIntegerField("masa kerja minimal (tahun)", default=0)
    dikurangi_cuti_bersama = models.BooleanField(
        "hak dikurangi cuti bersama",
        default=False,
        help_text="PP 11/2017 Pasal 333 ayat (2): cuti bersama tidak mengurangi hak cuti tahunan. "
        "Centang hanya bila Keputusan Presiden tahun berjalan menetapkan lain.",
    )
    meniadakan_cuti_tahunan = models.BooleanField(
        "meniadakan cuti tahunan di tahun yang sama", default=False, help_text="cuti besar"
    )
    dasar_hukum = models.CharField("dasar hukum", max_length=200, blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "jenis cuti"
        ordering = ("urutan", "nama")

    def __str__(self) -> str:
        return self.nama


StatusCuti = _choices(
    "StatusCuti",
    [
        ("dikembalikan", "Dikembalikan kepada pemohon"),
        ("diajukan", "Diperiksa Kasubag"),
        ("sekretaris", "Menunggu paraf Sekretaris"),
        ("kadis", "Menunggu keputusan Kadis"),
        ("disetujui", "Disetujui, surat izin cuti diproses"),
        ("selesai", "Surat izin cuti ditandatangani"),
        ("ditolak", "Ditolak"),
        ("dibatalkan", "Dibatalkan"),
    ],
)
S = StatusCuti
# a request in these states holds its days: it counts against the balance and blocks overlaps
MENUNGGU = (S.DIKEMBALIKAN, S.DIAJUKAN, S.SEKRETARIS, S.KADIS)
DISETUJUI = (S.DISETUJUI, S.SELESAI)
AKTIF = MENUNGGU + DISETUJUI


def _pemohon_atau_kasubag(instance, user) -> bool:
    """The employee themself (their account is linked to the Pegawai) or the Kasubag for them."""
    if can(user, Aksi.CUTI_PERIKSA, getattr(instance, "bidang_id", None)):
        return True
    return user.is_authenticated and instance.pegawai.pengguna_id == user.pk


_pemohon_atau_kasubag.actions = (Aksi.CUTI_PERIKSA,)  # type: ignore[attr-defined]


def _pengembali(instance, user) -> bool:
    """Whoever may take the request further from its step may send it back from there."""
    aksi = PermohonanCuti.KOTAK_MASUK.get(instance.status)
    return aksi is not None and requires(aksi)(instance, user)


_pengembali.actions = (Aksi.CUTI_PERIKSA, Aksi.CUTI_PARAF)  # type: ignore[attr-defined]


class PermohonanManager(models.Manager):
    """Every request comes with its employee and kind: its title (kotak masuk, kartu kendali) names them."""

    def get_queryset(self):
        return super().get_queryset().select_related("pegawai", "jenis")


class PermohonanCuti(FSMModelMixin, WorkflowRecord):
    """One leave request: who, which kind, from when to when, and where the employee can be reached."""

    KOTAK_MASUK = {S.DIAJUKAN: Aksi.CUTI_PERIKSA, S.SEKRETARIS: Aksi.CUTI_PARAF, S.KADIS: Aksi.CUTI_PUTUS}

    pegawai = models.ForeignKey(
        "sekretariat.Pegawai", verbose_name="pegawai", on_delete=models.PROTECT, related_name="cuti"
    )
    jenis = models.ForeignKey(JenisCuti, verbose_name="jenis cuti", on_delete=models.PROTECT)
    mulai = models.DateField("tanggal mulai")
    selesai = models.DateField("tanggal selesai")
    lama = models.PositiveSmallIntegerField("lama", help_text="hari kerja (cuti tahunan) atau hari kalender")
    hari_kerja = models.PositiveSmallIntegerField("hari kerja dalam rentang", default=0)
    alasan = models.TextField("alasan")
    alamat = models.CharField("alamat selama cuti", max_length=300)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dicatat oleh", on_delete=models.PROTECT, related_name="+"
    )
    diperiksa_oleh = optional_staff("diperiksa Kasubag")
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    alasan_tolak = models.TextField("alasan penolakan", blank=True)
    naskah = models.ForeignKey(
        "sekretariat.Naskah", models.PROTECT, null=True, blank=True, verbose_name="surat izin cuti", related_name="+"
    )
    status = FSMField("status", max_length=20, choices=StatusCuti.choices, default=S.DIAJUKAN, protected=True)

    objects = PermohonanManager()

    class Meta:
        verbose_name = verbose_name_plural = "permohonan cuti"
        ordering = ("-mulai", "-pk")
        indexes = [models.Index(fields=["pegawai", "status", "mulai"], name="cuti_pegawai_status_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(selesai__gte=models.F("mulai")), name="cuti_selesai_sesudah")
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def nomor(self) -> str:
        return f"CUTI-{self.pk:05d}"

    @property
    def judul(self) -> str:
        return f"{self.jenis.nama}: {self.pegawai.nama_lengkap}"

    @property
    def satuan_lama(self) -> str:
        return "hari kerja" if self.jenis.satuan == SatuanCuti.HARI_KERJA else "hari kalender"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:cuti-detail", args=[self.pk])

    # --- transitions (run only through sekretariat.services.cuti) ---
    teruskan = aksi_step("teruskan", S.DIAJUKAN, S.SEKRETARIS, Aksi.CUTI_PERIKSA)
    paraf = aksi_step("paraf", S.SEKRETARIS, S.KADIS, Aksi.CUTI_PARAF)
    setujui = aksi_step("setujui", S.KADIS, S.DISETUJUI, Aksi.CUTI_PUTUS)
    tolak = aksi_step("tolak", S.KADIS, S.DITOLAK, Aksi.CUTI_PUTUS)

    @transition(field="status", source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=_pengembali)
    def kembalikan(self) -> None:
        """The Kasubag returns it to the employee."""

    @transition(field="status", source=S.SEKRETARIS, target=S.DIAJUKAN, permission=_pengembali)
    def kembalikan_ke_kasubag(self) -> None:
        """The Sekretaris returns it to the Kasubag."""

    @transition(field="status", source=S.DIKEMBALIKAN, target=S.DIAJUKAN, permission=_pemohon_atau_kasubag)
    def ajukan_ulang(self) -> None: ...

    @transition(field="status", source=list(MENUNGGU), target=S.DIBATALKAN, permission=_pemohon_atau_kasubag)
    def batalkan(self) -> None: ...

    @transition(field="status", source=S.DISETUJUI, target=S.SELESAI, permission=SYSTEM)
    def surat_terbit(self) -> None:
        """The surat izin cuti was signed (the system runs this when the naskah is published)."""
