"""Permintaan data dan pemadanan: a lembaga's request letter (a surat masuk disposed to PIAK) is a
case; it is answered only under an active kerja sama covering what it asks.

SOP: Probolinggo P.6.3 «Pengolahan Permintaan Data Laporan»: the Kadis disposes the letter to the
Kabid PIAK, who passes it to the Kasi Pengolahan dan Penyajian Data; the Kasi checks it and hands
it to the Operator/ADB, who processes it and reports; the Kasi and then the Kabid verify; the Kasi
drafts the reply, initialled by the Kabid and the Sekretaris, numbered by the Sekretariat and
signed by the Kadis; one copy is sent, one archived. The case records what left the office (the
fields, how many records, the file's SHA-256, the transfer method), never the data itself.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django_fsm import FSMField, FSMModelMixin

from dukcapil.fields import ListField
from dukcapil.workflow.models import WorkflowRecord, optional_link, optional_staff
from dukcapil.workflow.permissions import Aksi, requires, requires_by_state

from .kerjasama import RuangLingkup, _choices, _step

__all__ = ["JenisPermintaan", "KolomData", "MetodeKirim", "PermintaanData", "StatusPermintaan"]

JenisPermintaan = _choices("JenisPermintaan", [("permintaan", "Permintaan data"), ("pemadanan", "Pemadanan data")])
# the register fields a request may receive (what left the office)
KolomData = _choices(
    "KolomData",
    [
        ("nik", "NIK"),
        ("no_kk", "Nomor KK"),
        ("nama", "Nama lengkap"),
        ("tempat_lahir", "Tempat lahir"),
        ("tanggal_lahir", "Tanggal lahir"),
        ("jenis_kelamin", "Jenis kelamin"),
        ("alamat", "Alamat"),
        ("wilayah", "Kecamatan/desa"),
        ("agama", "Agama"),
        ("status_perkawinan", "Status perkawinan"),
        ("pekerjaan", "Pekerjaan"),
        ("pendidikan", "Pendidikan"),
        ("nama_ibu", "Nama ibu kandung"),
        ("status_padan", "Status padan (cocok/tidak)"),
        ("agregat", "Jumlah agregat"),
    ],
)
MetodeKirim = _choices(
    "MetodeKirim",
    [
        ("sftp", "SFTP"),
        ("email_terenkripsi", "Email terenkripsi"),
        ("media_fisik", "Media fisik"),
        ("web_service", "Web service"),
    ],
)
StatusPermintaan = _choices(
    "StatusPermintaan",
    [
        ("periksa", "Pemeriksaan PKS oleh Kasi"),
        ("diolah", "Diolah ADB"),
        ("verifikasi_kasi", "Verifikasi Kasi"),
        ("verifikasi_kabid", "Verifikasi Kabid"),
        ("balasan", "Surat balasan (naskah dinas)"),
        ("selesai", "Selesai (dikirim dan diarsipkan)"),
        ("penolakan", "Surat penolakan (naskah dinas)"),
        ("ditolak", "Ditolak (tanpa PKS aktif)"),
    ],
)
S = StatusPermintaan
WARNA = {S.SELESAI: "green", S.DITOLAK: "red", S.PENOLAKAN: "orange"}
sha256_valid = RegexValidator(r"^[0-9a-f]{64}$", "Hash SHA-256 harus 64 karakter heksadesimal (0-9, a-f).")
_KEMBALIKAN = {S.VERIFIKASI_KASI: Aksi.PERMINTAAN_PERIKSA, S.VERIFIKASI_KABID: Aksi.PERMINTAAN_SETUJUI}


class PermintaanDataManager(models.Manager):
    def get_queryset(self):
        # judul (kotak masuk, kartu kendali) reads the lembaga: fetched with the row, never one by one
        return super().get_queryset().select_related("lembaga")


class PermintaanData(FSMModelMixin, WorkflowRecord):
    KOTAK_MASUK = {
        S.PERIKSA: Aksi.PERMINTAAN_PERIKSA,
        S.DIOLAH: Aksi.PERMINTAAN_OLAH,
        S.VERIFIKASI_KASI: Aksi.PERMINTAAN_PERIKSA,
        S.VERIFIKASI_KABID: Aksi.PERMINTAAN_SETUJUI,
        S.BALASAN: Aksi.PERMINTAAN_PERIKSA,
        S.PENOLAKAN: Aksi.PERMINTAAN_PERIKSA,
    }

    surat = models.OneToOneField(
        "sekretariat.SuratMasuk", verbose_name="surat permintaan", on_delete=models.PROTECT,
        related_name="permintaan_data",
    )  # fmt: skip
    disposisi = optional_link("sekretariat.Disposisi", "disposisi")
    lembaga = models.ForeignKey(
        "sekretariat.Instansi", verbose_name="lembaga peminta", on_delete=models.PROTECT, related_name="+"
    )
    jenis = models.CharField("jenis", max_length=20, choices=JenisPermintaan.choices)
    ruang_lingkup = models.CharField("hak akses yang diminta", max_length=20, choices=RuangLingkup.choices)
    uraian = models.TextField("uraian permintaan")
    kerjasama = models.ForeignKey(
        "piak.Kerjasama", verbose_name="dasar PKS", null=True, blank=True, on_delete=models.PROTECT,
        related_name="permintaan",
    )  # fmt: skip
    alasan_tolak = models.CharField("alasan penolakan", max_length=300, blank=True)
    # what left the office (never the data itself)
    kolom = ListField(
        models.CharField(max_length=30, choices=KolomData.choices), verbose_name="kolom data", default=list,
        blank=True,
    )  # fmt: skip
    jumlah_record = models.PositiveIntegerField("jumlah record", null=True, blank=True)
    sha256 = models.CharField("SHA-256 berkas", max_length=64, blank=True, validators=[sha256_valid])
    metode = models.CharField("cara pengiriman", max_length=20, choices=MetodeKirim.choices, blank=True)
    diolah_oleh = optional_staff("diolah oleh")
    naskah = optional_link("sekretariat.Naskah", "surat balasan/penolakan")
    dibuka_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="dibuka oleh", on_delete=models.PROTECT,
                                    related_name="+")  # fmt: skip
    dibuka_pada = models.DateTimeField("dibuka pada", auto_now_add=True)
    status = FSMField("status", max_length=20, choices=StatusPermintaan.choices, default=S.PERIKSA, protected=True)

    objects = PermintaanDataManager()

    class Meta:
        verbose_name = verbose_name_plural = "permintaan data"
        ordering = ["-dibuka_pada", "-pk"]
        indexes = [models.Index(fields=["status", "dibuka_pada"], name="permintaan_status_idx")]

    def __str__(self) -> str:
        return self.nomor

    @property
    def nomor(self) -> str:
        return f"PD-{self.dibuka_pada:%Y}-{self.pk:04d}" if self.pk and self.dibuka_pada else "PD-baru"

    @property
    def judul(self) -> str:
        return f"{self.get_jenis_display()}: {self.lembaga.nama}"

    @property
    def warna(self) -> str:
        return WARNA.get(self.status, "blue")

    def get_absolute_url(self) -> str:
        return reverse("piak:permintaan-detail", args=[self.pk])

    def kolom_label(self) -> list[str]:
        return [KolomData(v).label for v in self.kolom]

    teruskan = _step("teruskan", S.PERIKSA, S.DIOLAH, requires(Aksi.PERMINTAAN_PERIKSA))
    tolak = _step("tolak", S.PERIKSA, S.PENOLAKAN, requires(Aksi.PERMINTAAN_PERIKSA))
    lapor = _step("lapor", S.DIOLAH, S.VERIFIKASI_KASI, requires(Aksi.PERMINTAAN_OLAH))
    verifikasi = _step("verifikasi", S.VERIFIKASI_KASI, S.VERIFIKASI_KABID, requires(Aksi.PERMINTAAN_PERIKSA))
    setujui = _step("setujui", S.VERIFIKASI_KABID, S.BALASAN, requires(Aksi.PERMINTAAN_SETUJUI))
    kembalikan = _step("kembalikan", [S.VERIFIKASI_KASI, S.VERIFIKASI_KABID], S.DIOLAH, requires_by_state(_KEMBALIKAN))
    selesaikan = _step("selesaikan", S.BALASAN, S.SELESAI, requires(Aksi.PERMINTAAN_PERIKSA))
    tutup_tolak = _step("tutup_tolak", S.PENOLAKAN, S.DITOLAK, requires(Aksi.PERMINTAAN_PERIKSA))
