"""Gangguan SIAK, jaringan dan perangkat: an incident ticket from whoever meets the fault to the
Bidang PIAK, who triages it and hands it to the office's ADB, the maintenance vendor (rekanan) or
the outside helpdesk (ADB provinsi, Ditjen Dukcapil); the reporter confirms the repair or reopens.

SOPs: Probolinggo P.6.1 «Pengelolaan Jaringan dan Sistem» (operator reports → PIAK decides the
kind → third party or Ditjen → PIAK tells the operator), Lumajang «Monitoring Jaringan Komunikasi
Data» / «Monitoring Perangkat Lunak dan Perangkat Keras» (the Kasi records, reports to the
helpdesk, passes the repair on and makes the periodic monitoring report the Kabid signs) and
«Operasional Jaringan External (Kecamatan)», Bintan «Pemeliharaan Sistem Jarkomdat SIAK» (the
rekanan repairs and reports; the SPJ goes Kasi → Kabid → Sekretaris → Kadis).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.models import WorkflowRecord, optional_link, optional_staff
from dukcapil.workflow.permissions import Aksi, can, requires
from sekretariat.models.presensi import NaskahBulanan

__all__ = [
    "Gangguan",
    "Helpdesk",
    "KategoriGangguan",
    "LaporanMonitoring",
    "Penanganan",
    "PrioritasGangguan",
    "Rekanan",
    "StatusGangguan",
]


class KategoriGangguan(models.TextChoices):
    SIAK = "siak", "Aplikasi SIAK"
    JARINGAN = "jaringan", "Jaringan"
    PEREKAMAN = "perekaman", "Perangkat perekaman"
    PRINTER = "printer", "Printer/cetak"
    LISTRIK = "listrik", "Listrik"
    LAINNYA = "lainnya", "Lainnya"


class PrioritasGangguan(models.TextChoices):
    TINGGI = "tinggi", "Tinggi"
    SEDANG = "sedang", "Sedang"
    RENDAH = "rendah", "Rendah"


class Penanganan(models.TextChoices):
    INTERNAL = "internal", "ADB dinas (internal)"
    REKANAN = "rekanan", "Rekanan pemeliharaan"
    ESKALASI = "eskalasi", "Helpdesk luar (eskalasi)"


class Helpdesk(models.TextChoices):
    ADB_PROVINSI = "adb_provinsi", "ADB Provinsi"
    DITJEN = "ditjen", "Helpdesk Ditjen Dukcapil"


class StatusGangguan(models.TextChoices):
    DILAPORKAN = "dilaporkan", "Dilaporkan"
    DITRIASE = "ditriase", "Ditriase"
    DITANGANI = "ditangani", "Ditangani"
    SELESAI = "selesai", "Selesai, menunggu konfirmasi pelapor"
    DIKONFIRMASI = "dikonfirmasi", "Dikonfirmasi pelapor"
    DIBUKA_KEMBALI = "dibuka_kembali", "Dibuka kembali"


S = StatusGangguan
# the states in which the fault still stands (the banner, «terbuka» at month end)
TERBUKA = [S.DILAPORKAN, S.DITRIASE, S.DITANGANI, S.DIBUKA_KEMBALI]


class Rekanan(models.Model):
    """The maintenance vendors the office has a contract with (a small register kept in admin)."""

    nama = models.CharField("nama", max_length=200, unique=True)
    lingkup = models.CharField("lingkup pemeliharaan", max_length=200, blank=True)
    kontak = models.CharField("narahubung", max_length=100, blank=True)
    telepon = models.CharField("telepon", max_length=30, blank=True)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "rekanan pemeliharaan"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


def _pelapor_sendiri(instance, user) -> bool:
    """The reporter (and only the reporter) confirms the repair or reopens the ticket."""
    return instance.pelapor_id == user.pk and can(user, Aksi.GANGGUAN_LAPOR)


_pelapor_sendiri.actions = (Aksi.GANGGUAN_LAPOR,)  # type: ignore[attr-defined]
_tangani = requires(Aksi.GANGGUAN_TANGANI)


class Gangguan(FSMModelMixin, WorkflowRecord):
    """One incident: what, where, since when, which layanan it stops, and who handles it."""

    # «selesai» waits for the named reporter (services.gangguan opens that item)
    KOTAK_MASUK = {
        S.DILAPORKAN: Aksi.GANGGUAN_TANGANI,
        S.DITRIASE: Aksi.GANGGUAN_TANGANI,
        S.DITANGANI: Aksi.GANGGUAN_TANGANI,
        S.DIBUKA_KEMBALI: Aksi.GANGGUAN_TANGANI,
    }

    pelapor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dilaporkan_pada = models.DateTimeField("dilaporkan pada", default=timezone.now)
    kategori = models.CharField("kategori", max_length=20, choices=KategoriGangguan.choices)
    lokasi = models.CharField("lokasi (kantor/kecamatan)", max_length=200)
    loket = models.CharField("loket/ruang terdampak", max_length=100, blank=True)
    mulai = models.DateTimeField("gangguan sejak")
    terhenti = models.BooleanField("layanan terhenti", default=False)
    layanan = optional_link("dukcapil.Layanan", "layanan yang terhenti", help_text="Kosong: semua layanan.")
    uraian = models.TextField("uraian gangguan")
    prioritas = models.CharField("prioritas", max_length=10, choices=PrioritasGangguan.choices, blank=True)
    penanganan = models.CharField("ditangani oleh", max_length=10, choices=Penanganan.choices, blank=True)
    petugas = optional_staff("petugas ADB")
    rekanan = optional_link(Rekanan, "rekanan")
    helpdesk = models.CharField("helpdesk", max_length=20, choices=Helpdesk.choices, blank=True)
    nomor_tiket = models.CharField("nomor tiket helpdesk", max_length=60, blank=True)
    dieskalasi_pada = models.DateTimeField("dieskalasi pada", null=True, blank=True)
    penyelesaian = models.TextField("catatan penyelesaian", blank=True)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)
    dibuka_kembali = models.PositiveSmallIntegerField("dibuka kembali (kali)", default=0)
    # the rekanan's repair report and its cost; the SPJ goes through the Sekretariat's chain
    laporan_rekanan = models.FileField("laporan perbaikan rekanan", upload_to="piak/gangguan/%Y/", blank=True)
    biaya = models.DecimalField("biaya perbaikan (Rp)", max_digits=14, decimal_places=0, null=True, blank=True)
    spj_nomor = models.CharField("nomor SPJ", max_length=100, blank=True)
    spj_tanggal = models.DateField("tanggal SPJ", null=True, blank=True)
    spj_naskah = models.ForeignKey(
        "sekretariat.Naskah", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="naskah laporan hasil perbaikan dan SPJ",
    )  # fmt: skip
    status = FSMField("status", max_length=20, choices=StatusGangguan.choices, default=S.DILAPORKAN, protected=True)

    class Meta:
        verbose_name = verbose_name_plural = "laporan gangguan"
        ordering = ["-dilaporkan_pada", "-pk"]
        indexes = [
            # the banner at the counter: open incidents that stop a layanan
            models.Index(
                fields=["mulai"],
                condition=models.Q(terhenti=True, status__in=TERBUKA),
                name="gangguan_terhenti_terbuka_idx",
            ),
            models.Index(fields=["dilaporkan_pada"], name="gangguan_dilaporkan_idx"),
            models.Index(fields=["pelapor", "dilaporkan_pada"], name="gangguan_pelapor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} {self.get_kategori_display()}"

    nomor = property(lambda self: f"GGN-{self.pk or 0:05d}")
    judul = property(lambda self: f"Gangguan {self.get_kategori_display()} · {self.lokasi}")
    get_absolute_url = lambda self: reverse("piak:gangguan-detail", args=[self.pk])  # noqa: E731

    @property
    def terbuka(self) -> bool:
        return self.status in TERBUKA

    def lama_terbuka(self, now=None):
        """From the start of the fault to its resolution (or now)."""
        return (self.selesai_pada or now or timezone.now()) - self.mulai

    @transition(field="status", source=S.DILAPORKAN, target=S.DITRIASE, permission=_tangani)
    def triase(self) -> None:
        pass

    @transition(field="status", source=[S.DITRIASE, S.DIBUKA_KEMBALI], target=S.DITANGANI, permission=_tangani)
    def tangani(self) -> None:
        pass

    @transition(field="status", source=S.DITANGANI, target=S.SELESAI, permission=_tangani)
    def selesaikan(self) -> None:
        pass

    @transition(field="status", source=S.SELESAI, target=S.DIKONFIRMASI, permission=_pelapor_sendiri)
    def konfirmasi(self) -> None:
        pass

    @transition(field="status", source=S.SELESAI, target=S.DIBUKA_KEMBALI, permission=_pelapor_sendiri)
    def buka_kembali(self) -> None:
        pass


class LaporanMonitoring(NaskahBulanan):
    """The monthly monitoring report (Lumajang «laporan berkala monitoring jarkomdat»): the Kasi
    draws it up as a naskah whose paraf route has the Kabid; the naskah chain does the rest."""

    class Meta:
        verbose_name = verbose_name_plural = "laporan berkala monitoring jaringan"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="laporan_monitoring_satu_per_bulan")]

    def __str__(self) -> str:
        return f"Laporan monitoring {self.bulan:02d}/{self.tahun}"
