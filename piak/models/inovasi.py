"""Fasilitasi inovasi layanan: one programme from the Kadis's order to its socialisation.

SOPs: Probolinggo P.6.6 «Fasilitasi Inovasi Layanan» (the Kadis orders; PIAK proposes the kind and
scope and forms a Tim with an SK; the Tim drafts the design and profile for the Kadis's approval;
PIAK chooses a rekanan when a third party builds it; the third party delivers the application;
PIAK receives and socialises it) and Lumajang «Mekanisme Tata Cara Pelaksanaan Inovasi Pelayanan»
(the results are reported to the Kadis: the nota dinas laporan pelaksanaan, a naskah).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi, requires

__all__ = ["Inovasi", "JenisInovasi", "StatusInovasi"]


class JenisInovasi(models.TextChoices):
    APLIKASI = "aplikasi", "Aplikasi/sistem informasi"
    PROSEDUR = "prosedur", "Penyederhanaan prosedur"
    JEMPUT_BOLA = "jemput_bola", "Layanan jemput bola"
    KEMITRAAN = "kemitraan", "Kemitraan layanan"
    LAINNYA = "lainnya", "Lainnya"


class StatusInovasi(models.TextChoices):
    DIUSULKAN = "diusulkan", "Diusulkan"
    TIM_DIBENTUK = "tim_dibentuk", "Tim dibentuk"
    RANCANGAN = "rancangan", "Rancangan diajukan ke Kadis"
    DISETUJUI = "disetujui", "Disetujui Kadis"
    PENGADAAN = "pengadaan", "Pengadaan rekanan"
    DITERIMA = "diterima", "Hasil diterima"
    DISOSIALISASIKAN = "disosialisasikan", "Disosialisasikan"
    SELESAI = "selesai", "Selesai"


S = StatusInovasi
_kelola = requires(Aksi.INOVASI_KELOLA)
_setujui = requires(Aksi.INOVASI_SETUJUI)


class Inovasi(FSMModelMixin, WorkflowRecord):
    """One innovation programme: what, why, who builds it (the Tim, perhaps a rekanan) and when."""

    KOTAK_MASUK = {
        S.DIUSULKAN: Aksi.INOVASI_KELOLA,
        S.TIM_DIBENTUK: Aksi.INOVASI_KELOLA,
        S.RANCANGAN: Aksi.INOVASI_SETUJUI,
        S.DISETUJUI: Aksi.INOVASI_KELOLA,
        S.PENGADAAN: Aksi.INOVASI_KELOLA,
        S.DITERIMA: Aksi.INOVASI_KELOLA,
        S.DISOSIALISASIKAN: Aksi.INOVASI_KELOLA,
    }

    nama = models.CharField("judul inovasi", max_length=200)
    latar_belakang = models.TextField("latar belakang")
    jenis = models.CharField("jenis inovasi", max_length=20, choices=JenisInovasi.choices)
    cakupan = models.CharField("cakupan", max_length=300)
    target = models.DateField("target selesai")
    pengusul = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diusulkan_pada = models.DateTimeField("diusulkan pada", default=timezone.now)
    tim = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="anggota tim", blank=True, related_name="+")
    sk_tim_nomor = models.CharField("nomor SK tim", max_length=100, blank=True)
    sk_tim_tanggal = models.DateField("tanggal SK tim", null=True, blank=True)
    rancangan = models.FileField("rancangan/profil inovasi", upload_to="piak/inovasi/%Y/", blank=True)
    rekanan = models.CharField("rekanan (pihak ketiga)", max_length=200, blank=True)
    kontrak_nomor = models.CharField("nomor kontrak", max_length=100, blank=True)
    diterima_tanggal = models.DateField("tanggal diterima", null=True, blank=True)
    bast_nomor = models.CharField("nomor BAST", max_length=100, blank=True)
    sosialisasi = models.TextField("pelaksanaan sosialisasi", blank=True)
    sosialisasi_tanggal = models.DateField("tanggal sosialisasi", null=True, blank=True)
    nota_dinas = models.ForeignKey(
        "sekretariat.Naskah", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="nota dinas laporan pelaksanaan",
    )  # fmt: skip
    status = FSMField("status", max_length=20, choices=StatusInovasi.choices, default=S.DIUSULKAN, protected=True)

    class Meta:
        verbose_name = verbose_name_plural = "inovasi layanan"
        ordering = ["-diusulkan_pada", "-pk"]
        indexes = [models.Index(fields=["status", "diusulkan_pada"], name="inovasi_status_idx")]

    def __str__(self) -> str:
        return f"{self.nomor} {self.nama}"

    nomor = property(lambda self: f"INV-{self.pk or 0:04d}")
    judul = property(lambda self: f"Inovasi layanan · {self.nama}")
    get_absolute_url = lambda self: reverse("piak:inovasi-detail", args=[self.pk])  # noqa: E731

    @transition(field="status", source=S.DIUSULKAN, target=S.TIM_DIBENTUK, permission=_kelola)
    def bentuk_tim(self) -> None:
        pass

    @transition(field="status", source=S.TIM_DIBENTUK, target=S.RANCANGAN, permission=_kelola)
    def ajukan(self) -> None:
        pass

    @transition(field="status", source=S.RANCANGAN, target=S.DISETUJUI, permission=_setujui)
    def setujui(self) -> None:
        pass

    @transition(field="status", source=S.RANCANGAN, target=S.TIM_DIBENTUK, permission=_setujui)
    def kembalikan(self) -> None:
        pass

    @transition(field="status", source=S.DISETUJUI, target=S.PENGADAAN, permission=_kelola)
    def pengadaan(self) -> None:
        pass

    @transition(field="status", source=[S.DISETUJUI, S.PENGADAAN], target=S.DITERIMA, permission=_kelola)
    def terima(self) -> None:
        pass

    @transition(field="status", source=S.DITERIMA, target=S.DISOSIALISASIKAN, permission=_kelola)
    def sosialisasikan(self) -> None:
        pass

    @transition(field="status", source=S.DISOSIALISASIKAN, target=S.SELESAI, permission=_kelola)
    def selesaikan(self) -> None:
        pass
