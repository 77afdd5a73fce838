"""Data pegawai of the office: golongan and jabatan as data (batas usia pensiun per PP 11/2017,
editable), the employee with the NIP that encodes birth date and TMT CPNS, and its history."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from dukcapil.choices import JenisKelamin
from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import Aksi, requires

from ..kepegawaian_nip import format_nip

__all__ = ["BUP_BAKU", "Golongan", "JenisJabatan", "Jabatan", "Pegawai", "StatusPegawai", "TingkatPendidikan"]
__all__ += ["JENIS_KARTU", "JENIS_MENUNGGU_BKD", "LABEL_TANGGAL", "JenisUsulan", "StatusUsulan", "UsulanKepegawaian"]


class Golongan(models.Model):
    """Pangkat/golongan ruang I/a … IV/e; ``urutan`` ranks them (IV/e highest)."""

    kode = models.CharField("golongan", max_length=6, unique=True)
    pangkat = models.CharField("pangkat", max_length=60)
    urutan = models.PositiveSmallIntegerField("urutan", unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "pangkat/golongan"
        ordering = ("urutan",)

    def __str__(self) -> str:
        return f"{self.pangkat} ({self.kode})"


class JenisJabatan(models.IntegerChoices):
    """Kinds of jabatan, valued in DUK order (lower ranks first in the list)."""

    JPT = 10, "Jabatan pimpinan tinggi"
    FUNGSIONAL_UTAMA = 15, "Fungsional ahli utama"
    ADMINISTRATOR = 20, "Administrator"
    FUNGSIONAL_MADYA = 25, "Fungsional ahli madya"
    PENGAWAS = 30, "Pengawas"
    FUNGSIONAL_MUDA = 35, "Fungsional ahli muda"
    FUNGSIONAL_PERTAMA = 40, "Fungsional ahli pertama"
    FUNGSIONAL_KETERAMPILAN = 45, "Fungsional keterampilan"
    PELAKSANA = 50, "Pelaksana"


# PP 11/2017 pasal 239: 58 for administrasi, 60 for JPT and fungsional madya, 65 for fungsional utama,
# other fungsional per their own rules (58 here).
BUP_BAKU: dict[int, int] = {
    JenisJabatan.JPT: 60,
    JenisJabatan.FUNGSIONAL_UTAMA: 65,
    JenisJabatan.ADMINISTRATOR: 58,
    JenisJabatan.FUNGSIONAL_MADYA: 60,
    JenisJabatan.PENGAWAS: 58,
    JenisJabatan.FUNGSIONAL_MUDA: 58,
    JenisJabatan.FUNGSIONAL_PERTAMA: 58,
    JenisJabatan.FUNGSIONAL_KETERAMPILAN: 58,
    JenisJabatan.PELAKSANA: 58,
}


class Jabatan(models.Model):
    nama = models.CharField("nama jabatan", max_length=150, unique=True)
    jenis = models.PositiveSmallIntegerField("jenis jabatan", choices=JenisJabatan.choices)
    bup = models.PositiveSmallIntegerField(
        "batas usia pensiun",
        null=True,
        blank=True,
        help_text="Kosongkan untuk memakai nilai PP 11/2017 menurut jenis jabatan.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "jabatan"
        ordering = ("jenis", "nama")

    def __str__(self) -> str:
        return self.nama

    @property
    def batas_usia_pensiun(self) -> int:
        return self.bup or BUP_BAKU[self.jenis]


class StatusPegawai(models.TextChoices):
    CPNS = "cpns", "CPNS"
    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"


# Schooling levels, valued so that a higher level sorts after a lower one (the DUK ranks the highest first).
TingkatPendidikan = models.IntegerChoices(
    "TingkatPendidikan",
    [("SD", (10, "SD")), ("SMP", (20, "SMP")), ("SMA", (30, "SMA/SMK")), ("D1", (40, "D-I")), ("D2", (45, "D-II"))]
    + [("D3", (50, "D-III")), ("D4", (55, "D-IV")), ("S1", (60, "S-1")), ("S2", (70, "S-2")), ("S3", (80, "S-3"))],
)


class Pegawai(models.Model):
    nip = models.CharField("NIP", max_length=18, unique=True)
    gelar_depan = models.CharField("gelar depan", max_length=30, blank=True)
    nama = models.CharField("nama", max_length=150)
    gelar_belakang = models.CharField("gelar belakang", max_length=60, blank=True)
    tanggal_lahir = models.DateField("tanggal lahir")
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    status = models.CharField("status", max_length=4, choices=StatusPegawai.choices, default=StatusPegawai.PNS)
    tmt_cpns = models.DateField("TMT CPNS/PPPK")
    golongan = models.ForeignKey(Golongan, verbose_name="pangkat/golongan", on_delete=models.PROTECT)
    tmt_pangkat = models.DateField("TMT pangkat")
    jabatan = models.ForeignKey(Jabatan, verbose_name="jabatan", on_delete=models.PROTECT)
    tmt_jabatan = models.DateField("TMT jabatan")
    unit = models.CharField("unit kerja", max_length=150)
    tmt_kgb = models.DateField("TMT KGB terakhir")
    tingkat_pendidikan = models.PositiveSmallIntegerField("tingkat pendidikan", choices=TingkatPendidikan.choices)
    pendidikan = models.CharField("pendidikan terakhir", max_length=150, blank=True)
    diklat = models.CharField("latihan jabatan", max_length=150, blank=True)
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name="akun aplikasi"
    )
    id_mesin = models.CharField(
        "ID mesin presensi",
        max_length=20,
        blank=True,
        help_text="Nomor pengguna pada mesin sidik jari, bila ekspor mesin memakai nomor itu, bukan NIP.",
    )
    tanggal_menikah = models.DateField("tanggal menikah", null=True, blank=True)
    nomor_karis_karsu = models.CharField(
        "nomor KARIS/KARSU", max_length=40, blank=True, help_text="Kosong: belum memiliki kartu istri/suami."
    )
    aktif = models.BooleanField("aktif", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "pegawai"
        ordering = ("nama",)
        constraints = [
            models.UniqueConstraint(fields=["id_mesin"], condition=~models.Q(id_mesin=""), name="pegawai_id_mesin_unik")
        ]

    def __str__(self) -> str:
        return self.nama_lengkap

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:pegawai-detail", args=[self.pk])

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def nip_cetak(self) -> str:
        return format_nip(self.nip)

    def masa_kerja(self, pada: date) -> relativedelta:
        return relativedelta(pada, self.tmt_cpns)

    def usia(self, pada: date) -> int:
        return relativedelta(pada, self.tanggal_lahir).years

    @property
    def tmt_pensiun(self) -> date:
        """The first day of the month after the birthday at the jabatan's batas usia pensiun."""
        ulang_tahun = self.tanggal_lahir + relativedelta(years=self.jabatan.batas_usia_pensiun)
        return ulang_tahun.replace(day=1) + relativedelta(months=1)

    @property
    def jenis_kartu_pasangan(self) -> str:
        """KARIS (kartu istri) for a married man, KARSU (kartu suami) for a married woman."""
        return JenisUsulan.KARIS if self.jenis_kelamin == "L" else JenisUsulan.KARSU


class JenisUsulan(models.TextChoices):
    KGB = "kgb", "Kenaikan gaji berkala"
    PANGKAT = "pangkat", "Kenaikan pangkat"
    PENSIUN = "pensiun", "Pensiun (BUP)"
    MPP = "mpp", "Masa persiapan pensiun"
    KARIS = "karis", "KARIS"
    KARSU = "karsu", "KARSU"


JENIS_MENUNGGU_BKD = (JenisUsulan.MPP, JenisUsulan.PENSIUN)
JENIS_KARTU = (JenisUsulan.KARIS, JenisUsulan.KARSU)
# what the date of an usulan means, as the surat and the usulan page name it
LABEL_TANGGAL = {
    JenisUsulan.MPP: "Batas usia pensiun (TMT pensiun)",
    JenisUsulan.PENSIUN: "Batas usia pensiun (TMT pensiun)",
    JenisUsulan.KARIS: "Tanggal perkawinan",
    JenisUsulan.KARSU: "Tanggal perkawinan",
}
# naskah states after the Kadis signed: the surat usulan is out
NASKAH_TERKIRIM = ("terbit", "terkirim", "arsip")

StatusUsulan = models.TextChoices(
    "StatusUsulan",
    [("DIUSULKAN", ("diusulkan", "Diusulkan, menunggu SK")), ("SK_DITERIMA", ("sk_diterima", "SK diterima"))],
)


class UsulanManager(models.Manager):
    """Every usulan comes with its employee: its title (kotak masuk, kartu kendali) names them."""

    def get_queryset(self):
        return super().get_queryset().select_related("pegawai")


class UsulanKepegawaian(WorkflowRecord):
    """An usulan to BKPSDM/BKD started from the buku kendali: its surat usulan goes through the
    naskah chain; the outside decision (nomor and tanggal SK) is recorded when it returns."""

    KOTAK_MASUK = {StatusUsulan.DIUSULKAN: Aksi.KELOLA_PEGAWAI}

    pegawai = models.ForeignKey(Pegawai, verbose_name="pegawai", on_delete=models.PROTECT, related_name="usulan")
    jenis = models.CharField("jenis usulan", max_length=10, choices=JenisUsulan.choices)
    jatuh_tempo = models.DateField("jatuh tempo")
    naskah = models.ForeignKey(
        "sekretariat.Naskah", models.SET_NULL, null=True, blank=True, verbose_name="surat usulan", related_name="+"
    )
    status = FSMField("status", default=StatusUsulan.DIUSULKAN, choices=StatusUsulan.choices, protected=True)
    nomor_sk = models.CharField("nomor SK", max_length=100, blank=True)
    tanggal_sk = models.DateField("tanggal SK", null=True, blank=True)
    tmt_sk = models.DateField("TMT dalam SK", null=True, blank=True)
    nomor_kartu = models.CharField("nomor kartu", max_length=40, blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    objects = UsulanManager()

    class Meta:
        verbose_name = verbose_name_plural = "usulan kepegawaian"
        ordering = ("-dibuat",)
        get_latest_by = "dibuat"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:usulan-detail", args=[self.pk])

    @property
    def nomor(self) -> str:
        return f"USUL-{self.pk:05d}"

    @property
    def judul(self) -> str:
        return f"{self.get_jenis_display()}: {self.pegawai.nama_lengkap}"

    @property
    def label_tanggal(self) -> str:
        return LABEL_TANGGAL.get(self.jenis, "Jatuh tempo")

    @property
    def menunggu_bkd(self) -> bool:
        """MPP and pensiun: the surat went out and the BKD's reply (the SK) has not been recorded."""
        return (
            self.jenis in JENIS_MENUNGGU_BKD
            and self.status == StatusUsulan.DIUSULKAN
            and self.naskah is not None
            and self.naskah.status in NASKAH_TERKIRIM
        )

    @property
    def keadaan(self) -> str:
        """The state as the buku kendali and the lists show it."""
        if self.menunggu_bkd:
            return "Menunggu BKD"
        if self.status == StatusUsulan.DIUSULKAN and self.jenis in JENIS_KARTU:
            return "Diusulkan, menunggu kartu"
        if self.status == StatusUsulan.SK_DITERIMA and self.jenis in JENIS_KARTU:
            return "Kartu diterima"
        return self.get_status_display()

    @transition(field=status, source=StatusUsulan.DIUSULKAN, target=StatusUsulan.SK_DITERIMA,
                permission=requires(Aksi.KELOLA_PEGAWAI))  # fmt: skip
    def terima_sk(self) -> None: ...
