"""Analisis jabatan (Anjab) and analisis beban kerja (ABK), and the programme of pengembangan SDM.

SOP: Probolinggo P1.2.3 «Pengembangan SDM»: the Bagian Organisasi asks for the Anjab; the Kasubag
TU hands out the Anjab/ABK forms to each ASN; the analis kepegawaian collects and analyses them; the
Kasubag compiles the usulan Anjab dan ABK and sends it to the Bagian Organisasi; once the Perwali is
issued the Kadis draws up the programme (diklat teknis and formasi with BKPSDM, pelatihan/bimtek
internal with the Sekretaris).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.workflow.permissions import Aksi, requires

from .kepegawaian import Jabatan, Pegawai
from .surat_masuk import _choices

__all__ = ["IsianAnjab", "JenisProgramSdm", "PenyelenggaraSdm", "ProgramSdm", "PutaranAnjab"]
__all__ += ["StatusIsianAnjab", "StatusProgramSdm", "StatusPutaranAnjab", "UraianTugas", "kebutuhan_pegawai"]
__all__ += ["waktu_kerja_efektif"]


def waktu_kerja_efektif() -> int:
    """Minutes of effective working time per year (1.250 jam = 75.000 menit unless set otherwise)."""
    return int(getattr(settings, "ANJAB_WAKTU_KERJA_EFEKTIF_MENIT", 75_000))


StatusPutaranAnjab = _choices(
    "StatusPutaranAnjab",
    [
        ("dibuka", "Dibuka, isian diisi"),
        ("diusulkan", "Usulan disusun, surat lewat naskah dinas"),
        ("perwali", "Perwali terbit"),
    ],
)
StatusIsianAnjab = _choices(
    "StatusIsianAnjab",
    [
        ("konsep", "Konsep (diisi pemangku jabatan)"),
        ("diajukan", "Diajukan, menunggu verifikasi analis"),
        ("dikembalikan", "Dikembalikan dengan catatan"),
        ("terverifikasi", "Terverifikasi"),
    ],
)
P, S = StatusPutaranAnjab, StatusIsianAnjab


class PutaranAnjab(FSMModelMixin, models.Model):
    """One yearly round, opened on the Bagian Organisasi's request letter."""

    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    nomor_surat_permintaan = models.CharField("nomor surat permintaan", max_length=100)
    tanggal_surat_permintaan = models.DateField("tanggal surat permintaan")
    surat_masuk = models.ForeignKey(
        "sekretariat.SuratMasuk", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="surat masuk"
    )
    status = FSMField("status", max_length=20, choices=StatusPutaranAnjab.choices, default=P.DIBUKA, protected=True)
    naskah = models.ForeignKey(
        "sekretariat.Naskah", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="surat usulan"
    )
    nomor_perwali = models.CharField("nomor Perwali", max_length=100, blank=True)
    tanggal_perwali = models.DateField("tanggal Perwali", null=True, blank=True)
    dibuka_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "putaran Anjab/ABK"
        verbose_name_plural = "putaran Anjab/ABK"
        ordering = ("-tahun",)

    def __str__(self) -> str:
        return f"Anjab/ABK {self.tahun}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:anjab-detail", args=[self.pk])

    @transition(field="status", source=P.DIBUKA, target=P.DIUSULKAN, permission=requires(Aksi.ANJAB_KELOLA))
    def usulkan(self) -> None:
        pass

    @transition(field="status", source=P.DIUSULKAN, target=P.PERWALI, permission=requires(Aksi.ANJAB_KELOLA))
    def catat_perwali(self) -> None:
        pass


class IsianAnjab(FSMModelMixin, models.Model):
    """The form of one jabatan in a round: its ikhtisar and its uraian tugas with their workload."""

    putaran = models.ForeignKey(PutaranAnjab, models.CASCADE, related_name="isian", verbose_name="putaran")
    jabatan = models.ForeignKey(Jabatan, models.PROTECT, related_name="+", verbose_name="jabatan")
    ikhtisar = models.TextField("ikhtisar jabatan", blank=True)
    status = FSMField("status", max_length=20, choices=StatusIsianAnjab.choices, default=S.KONSEP, protected=True)
    catatan = models.TextField("catatan analis", blank=True)
    diubah = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        verbose_name = "isian Anjab/ABK"
        verbose_name_plural = "isian Anjab/ABK"
        ordering = ("jabatan__jenis", "jabatan__nama")
        constraints = [models.UniqueConstraint(fields=["putaran", "jabatan"], name="isian_anjab_satu_per_jabatan")]

    def __str__(self) -> str:
        return f"{self.jabatan} ({self.putaran.tahun})"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:anjab-isian", args=[self.pk])

    @property
    def dapat_diisi(self) -> bool:
        return self.status in (S.KONSEP, S.DIKEMBALIKAN) and self.putaran.status == P.DIBUKA

    @transition(field="status", source=[S.KONSEP, S.DIKEMBALIKAN], target=S.DIAJUKAN,
                permission=requires(Aksi.ANJAB_ISI))  # fmt: skip
    def ajukan(self) -> None:
        pass

    @transition(field="status", source=S.DIAJUKAN, target=S.TERVERIFIKASI, permission=requires(Aksi.ANJAB_VERIFIKASI))
    def verifikasi(self) -> None:
        pass

    @transition(field="status", source=S.DIAJUKAN, target=S.DIKEMBALIKAN, permission=requires(Aksi.ANJAB_VERIFIKASI))
    def kembalikan(self) -> None:
        pass


class UraianTugas(models.Model):
    """One task of a jabatan: what it produces, how many per year and the minutes each takes."""

    isian = models.ForeignKey(IsianAnjab, models.CASCADE, related_name="uraian", verbose_name="isian")
    urutan = models.PositiveSmallIntegerField("urutan")
    uraian = models.CharField("uraian tugas", max_length=500)
    satuan_hasil = models.CharField("satuan hasil", max_length=60)
    volume = models.PositiveIntegerField("beban kerja per tahun")
    norma_waktu = models.DecimalField("norma waktu (menit)", max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = "uraian tugas"
        verbose_name_plural = "uraian tugas"
        ordering = ("urutan",)
        constraints = [
            models.CheckConstraint(condition=models.Q(volume__gt=0), name="uraian_volume_positif"),
            models.CheckConstraint(condition=models.Q(norma_waktu__gt=0), name="uraian_norma_waktu_positif"),
        ]

    def __str__(self) -> str:
        return self.uraian

    @property
    def waktu_penyelesaian(self) -> Decimal:
        """Volume × norma waktu: the minutes this task takes in a year."""
        return Decimal(self.volume) * self.norma_waktu


def kebutuhan_pegawai(uraian, wke: int | None = None) -> Decimal:
    """ABK per jabatan (Permendagri 12/2008 and PermenPAN-RB 1/2020):

        kebutuhan pegawai = Σ (beban kerja × norma waktu) / waktu kerja efektif

    beban kerja = volume of each uraian tugas per year, norma waktu in minutes, waktu kerja efektif
    = 1.250 jam × 60 = 75.000 menit per tahun (setting ``ANJAB_WAKTU_KERJA_EFEKTIF_MENIT``).
    Rounded to two decimals (half up)."""
    wke = wke or waktu_kerja_efektif()
    total = sum((u.waktu_penyelesaian for u in uraian), Decimal(0))
    return (total / Decimal(wke)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


JenisProgramSdm = _choices(
    "JenisProgramSdm",
    [("diklat_teknis", "Diklat teknis"), ("formasi", "Formasi"), ("bimtek_internal", "Pelatihan/bimtek internal")],
)
PenyelenggaraSdm = _choices("PenyelenggaraSdm", [("bkpsdm", "BKPSDM"), ("internal", "Internal (Sekretariat)")])
StatusProgramSdm = _choices("StatusProgramSdm", [("direncanakan", "Direncanakan"), ("dilaksanakan", "Dilaksanakan")])


class ProgramSdm(models.Model):
    """One entry of the Kadis's programme of pengembangan SDM after the Perwali."""

    jenis = models.CharField("jenis", max_length=20, choices=JenisProgramSdm.choices)
    judul = models.CharField("judul", max_length=200)
    peserta = models.ManyToManyField(Pegawai, related_name="program_sdm", verbose_name="peserta")
    penyelenggara = models.CharField("penyelenggara", max_length=10, choices=PenyelenggaraSdm.choices)
    tanggal = models.DateField("tanggal")
    status = models.CharField(
        "status", max_length=15, choices=StatusProgramSdm.choices, default=StatusProgramSdm.DIRENCANAKAN
    )
    sertifikat = models.FileField("sertifikat (PDF)", upload_to="sekretariat/sertifikat/%Y/", blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "program pengembangan SDM"
        verbose_name_plural = "program pengembangan SDM"
        ordering = ("-tanggal", "-pk")

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:program-sdm-detail", args=[self.pk])
