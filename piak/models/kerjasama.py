"""Kerja sama pemanfaatan data (PKS/KSB): the register of the agreements under which a lembaga may
use population data, and their approval chain.

SOPs: Probolinggo P.6.4 «Pemanfaatan Data» (PKS prepared by the Dinas, signed by the Kadis and the
lembaga) and Lumajang «Mekanisme Tata Cara Pelaksanaan Kerjasama» (ToR by the Kasi, rapat dipimpin
Kadis, Draft Nol PKS, penandatanganan, agendaris, pengarsipan). The chain: usulan/ToR (Kasi) → draf
(Kasi) → dibahas (Kabid PIAK) → paraf Sekretaris → ditandatangani (Kadis and the lembaga; dates
recorded with the scan) → berlaku → berakhir (the daily task) or diperpanjang (a new usulan).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin

from dukcapil.fields import ListField
from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import SYSTEM, Aksi, requires, requires_by_state
from sekretariat.models.surat_masuk import _choices, _step  # one helper for choices and side-effect-free steps

__all__ = ["JenisKerjasama", "Kerjasama", "PengingatKerjasama", "RuangLingkup", "StatusKerjasama"]


JenisKerjasama = _choices("JenisKerjasama", [("pks", "Perjanjian Kerja Sama (PKS)"), ("ksb", "Kesepakatan Bersama")])
# the hak akses an agreement grants (a request must ask for one of them)
RuangLingkup = _choices(
    "RuangLingkup",
    [
        ("verifikasi_nik", "Verifikasi NIK"),
        ("data_balikan", "Data balikan"),
        ("web_service", "Akses web service"),
        ("web_portal", "Akses web portal"),
        ("pemadanan", "Pemadanan data"),
        ("data_agregat", "Data agregat"),
    ],
)
StatusKerjasama = _choices(
    "StatusKerjasama",
    [
        ("usulan", "Usulan (ToR)"),
        ("draf", "Draf PKS"),
        ("dibahas", "Dibahas Kasi/Kabid PIAK"),
        ("paraf", "Menunggu paraf Sekretaris"),
        ("tandatangan", "Menunggu tanda tangan Kadis dan mitra"),
        ("ditandatangani", "Ditandatangani"),
        ("berlaku", "Berlaku"),
        ("berakhir", "Berakhir"),
        ("diperpanjang", "Diperpanjang"),
    ],
)
S = StatusKerjasama
WARNA = {S.BERLAKU: "green", S.BERAKHIR: "red", S.DIPERPANJANG: "grey"}

_KEMBALIKAN = {S.DIBAHAS: Aksi.KERJASAMA_BAHAS, S.PARAF: Aksi.KERJASAMA_PARAF}


class Kerjasama(FSMModelMixin, WorkflowRecord):
    """One agreement with one lembaga: both parties' numbers and dates, scope, term and files."""

    KOTAK_MASUK = {
        S.USULAN: Aksi.KERJASAMA_KELOLA,
        S.DRAF: Aksi.KERJASAMA_KELOLA,
        S.DIBAHAS: Aksi.KERJASAMA_BAHAS,
        S.PARAF: Aksi.KERJASAMA_PARAF,
        S.TANDATANGAN: Aksi.KERJASAMA_KELOLA,
        S.DITANDATANGANI: Aksi.KERJASAMA_KELOLA,
    }

    jenis = models.CharField("jenis", max_length=10, choices=JenisKerjasama.choices, default=JenisKerjasama.PKS)
    lembaga = models.ForeignKey(
        "sekretariat.Instansi", verbose_name="lembaga pengguna", on_delete=models.PROTECT, related_name="kerjasama"
    )
    judul_kerjasama = models.CharField("judul", max_length=300)
    tor = models.TextField("kerangka acuan (ToR)")
    ruang_lingkup = ListField(
        models.CharField(max_length=20, choices=RuangLingkup.choices), verbose_name="ruang lingkup (hak akses)"
    )
    nomor_dinas = models.CharField("nomor pihak Dinas", max_length=100, blank=True)
    tanggal_dinas = models.DateField("tanggal ditandatangani Kadis", null=True, blank=True)
    nomor_mitra = models.CharField("nomor pihak lembaga", max_length=100, blank=True)
    tanggal_mitra = models.DateField("tanggal ditandatangani lembaga", null=True, blank=True)
    mulai = models.DateField("berlaku mulai", null=True, blank=True)
    berakhir = models.DateField("berlaku sampai", null=True, blank=True)
    draf = models.FileField("draf PKS", upload_to="piak/kerjasama/%Y/", blank=True)
    juknis = models.FileField("petunjuk teknis", upload_to="piak/kerjasama/%Y/", blank=True)
    pindaian = models.FileField("pindaian PKS bertanda tangan", upload_to="piak/kerjasama/%Y/", blank=True)
    diperpanjang_dari = models.OneToOneField(
        "self", verbose_name="perpanjangan dari", null=True, blank=True, on_delete=models.PROTECT,
        related_name="perpanjangan",
    )  # fmt: skip
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="diusulkan oleh", on_delete=models.PROTECT,
                                    related_name="+")  # fmt: skip
    dibuat_pada = models.DateTimeField("diusulkan pada", auto_now_add=True)
    status = FSMField("status", max_length=20, choices=StatusKerjasama.choices, default=S.USULAN, protected=True)

    class Meta:
        verbose_name = "perjanjian kerja sama"
        verbose_name_plural = "register kerja sama"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["lembaga", "status", "berakhir"], name="kerjasama_aktif_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mulai__isnull=True)
                | models.Q(berakhir__isnull=True)
                | models.Q(berakhir__gte=models.F("mulai")),
                name="kerjasama_masa_berlaku_urut",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomor} {self.lembaga_id and self.lembaga.nama}"

    @property
    def nomor(self) -> str:
        return self.nomor_dinas or f"{self.jenis.upper()}-usulan-{self.pk}"

    @property
    def judul(self) -> str:
        return f"{self.get_jenis_display()}: {self.judul_kerjasama}"

    @property
    def warna(self) -> str:
        return WARNA.get(self.status, "blue")

    def get_absolute_url(self) -> str:
        return reverse("piak:kerjasama-detail", args=[self.pk])

    def ruang_lingkup_label(self) -> list[str]:
        return [RuangLingkup(v).label for v in self.ruang_lingkup]

    susun_draf = _step("susun_draf", S.USULAN, S.DRAF, requires(Aksi.KERJASAMA_KELOLA))
    ajukan = _step("ajukan", S.DRAF, S.DIBAHAS, requires(Aksi.KERJASAMA_KELOLA))
    setujui = _step("setujui", S.DIBAHAS, S.PARAF, requires(Aksi.KERJASAMA_BAHAS))
    paraf = _step("paraf", S.PARAF, S.TANDATANGAN, requires(Aksi.KERJASAMA_PARAF))
    kembalikan = _step("kembalikan", [S.DIBAHAS, S.PARAF], S.DRAF, requires_by_state(_KEMBALIKAN))
    tandatangani = _step("tandatangani", S.TANDATANGAN, S.DITANDATANGANI, requires(Aksi.KERJASAMA_KELOLA))
    berlakukan = _step("berlakukan", S.DITANDATANGANI, S.BERLAKU, requires(Aksi.KERJASAMA_KELOLA))
    akhiri = _step("akhiri", S.BERLAKU, S.BERAKHIR, SYSTEM)
    perpanjang = _step("perpanjang", [S.BERLAKU, S.BERAKHIR], S.DIPERPANJANG, requires(Aksi.KERJASAMA_KELOLA))


class PengingatKerjasama(models.Model):
    """A reminder sent before an agreement expires: at most one per agreement per threshold."""

    kerjasama = models.ForeignKey(Kerjasama, on_delete=models.CASCADE, related_name="pengingat")
    ambang_hari = models.PositiveSmallIntegerField("hari sebelum berakhir")
    dikirim_pada = models.DateTimeField("dikirim pada", auto_now_add=True)
    penerima = models.PositiveSmallIntegerField("jumlah penerima", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "pengingat kerja sama"
        constraints = [models.UniqueConstraint(fields=["kerjasama", "ambang_hari"], name="pengingat_kerjasama_sekali")]

    def __str__(self) -> str:
        return f"{self.kerjasama_id}: {self.ambang_hari} hari"
