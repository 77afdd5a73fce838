"""Naskah dinas keluar: jenis naskah and kode klasifikasi arsip as data, the naskah's own state
machine (konsep → periksa → paraf → penomoran → TTE → terbit → terkirim → arsip), its versions,
paraf koordinasi, the yearly number counter and the buku ekspedisi."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.choices import Role
from dukcapil.registry import DocumentSpec
from dukcapil.tte.signable import Signable
from dukcapil.workflow.models import WorkflowRecord, optional_link
from dukcapil.workflow.permissions import SYSTEM, Aksi, requires, requires_by_state

__all__ = [
    "Ekspedisi",
    "JenisNaskah",
    "KlasifikasiArsip",
    "Naskah",
    "NomorNaskahUrut",
    "ParafNaskah",
    "PengaturanNaskah",
    "StatusNaskah",
    "VersiNaskah",
]


class KlasifikasiArsip(models.Model):
    """Kode klasifikasi arsip (Permendagri 83/2022 lampiran), editable in admin."""

    kode = models.CharField("kode", max_length=20, unique=True)
    nama = models.CharField("uraian", max_length=300)
    induk = models.ForeignKey(
        "self", verbose_name="induk", null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    aktif = models.BooleanField("dipakai", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "kode klasifikasi arsip"
        ordering = ["kode"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Tata(models.TextChoices):
    """Layout of the PDF (Permendagri 1/2023 tata naskah dinas)."""

    SURAT_DINAS = "surat_dinas", "Surat dinas (Nomor/Sifat/Lampiran/Hal, Yth.)"
    NOTA_DINAS = "nota_dinas", "Nota dinas (Kepada/Dari/Tembusan/Tanggal/Nomor/Sifat/Lampiran/Hal)"
    SURAT_TUGAS = "surat_tugas", "Surat tugas / SPPD (Dasar/Kepada/Untuk)"
    KEPUTUSAN = "keputusan", "Keputusan (Menimbang/Mengingat/Memutuskan)"
    BERJUDUL = "berjudul", "Naskah berjudul dengan nomor di bawah judul (surat keterangan, laporan)"


class JenisNaskah(models.Model):
    """A kind of naskah dinas: its layout, its own fields and its paraf route."""

    kode = models.SlugField("kode", max_length=30, unique=True)
    nama = models.CharField("nama", max_length=100)
    tata = models.CharField("tata letak", max_length=20, choices=Tata.choices, default=Tata.SURAT_DINAS)
    # [{"nama": "dasar", "label": "Dasar", "jenis": "teks"|"baris"|"tanggal", "wajib": true}]
    isian = models.JSONField(
        "isian khusus",
        default=list,
        blank=True,
        help_text='Daftar isian: [{"nama": "dasar", "label": "Dasar", "jenis": "teks|baris|tanggal", "wajib": true}]',
    )
    # roles whose paraf koordinasi the naskah needs before numbering: ["kabid", "sekretaris"]
    rute_paraf = models.JSONField(
        "rute paraf", default=list, blank=True, help_text='Peran yang memaraf, berurutan: ["kabid", "sekretaris"]'
    )
    templat_isi = models.TextField("templat isi", blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "jenis naskah dinas"
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama


class PengaturanNaskah(models.Model):
    """The office's numbering format (one row; the first row is used)."""

    format_nomor = models.CharField(
        "format nomor",
        max_length=100,
        default="{kode}/{nomor}/{unit}/{tahun}",
        help_text="Penanda: {kode} kode klasifikasi, {nomor} nomor urut, {unit} kode unit, {tahun} tahun.",
    )
    kode_unit = models.CharField("kode unit", max_length=40, default="DISDUKCAPIL")
    tempat = models.CharField("tempat penerbitan", max_length=100, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "pengaturan penomoran naskah"

    def __str__(self) -> str:
        return self.format_nomor


class NomorNaskahUrut(models.Model):
    """One sequence per year, taken under the row's lock: never repeated, never skipped."""

    tahun = models.PositiveSmallIntegerField("tahun", unique=True)
    terakhir = models.PositiveIntegerField("nomor terakhir", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "nomor urut naskah"

    def __str__(self) -> str:
        return f"{self.tahun}: {self.terakhir}"


# The states of a naskah, with their label and colour (one place).
_STATUS = [
    ("konsep", "Konsep", "grey"),
    ("periksa", "Diperiksa", "blue"),
    ("paraf", "Paraf koordinasi", "blue"),
    ("penomoran", "Menunggu nomor", "orange"),
    ("tte", "Menunggu TTE", "orange"),
    ("cetak", "Sedang ditandatangani", "orange"),
    ("terbit", "Ditandatangani", "green"),
    ("terkirim", "Terkirim", "green"),
    ("arsip", "Diarsipkan", "green"),
    ("ditarik", "Ditarik", "red"),
]
StatusNaskah = models.TextChoices("StatusNaskah", [(value.upper(), (value, label)) for value, label, _ in _STATUS])
STATUS_WARNA = {value: colour for value, _, colour in _STATUS}

S = StatusNaskah
# who may send a naskah back to its author, by the state it is in
_KEMBALIKAN = {S.PERIKSA: Aksi.PERIKSA_NASKAH, S.PARAF: Aksi.PARAF_NASKAH, S.TTE: Aksi.TTE}


class NaskahManager(models.Manager):
    """Every naskah comes with its jenis: its title (kotak masuk, kartu kendali) names it."""

    def get_queryset(self):
        return super().get_queryset().select_related("jenis")


class Naskah(FSMModelMixin, Signable, WorkflowRecord):
    KOTAK_MASUK = {
        S.PERIKSA: Aksi.PERIKSA_NASKAH,
        S.PARAF: Aksi.PARAF_NASKAH,
        S.PENOMORAN: Aksi.NOMOR_NASKAH,
        S.TTE: Aksi.TTE,
        S.TERBIT: Aksi.NOMOR_NASKAH,
        S.TERKIRIM: Aksi.NOMOR_NASKAH,
    }

    class Sifat(models.TextChoices):
        BIASA = "biasa", "Biasa"
        PENTING = "penting", "Penting"
        SEGERA = "segera", "Segera"
        SANGAT_SEGERA = "sangat_segera", "Sangat segera"
        RAHASIA = "rahasia", "Rahasia"

    jenis = models.ForeignKey(JenisNaskah, verbose_name="jenis naskah", on_delete=models.PROTECT)
    klasifikasi = models.ForeignKey(
        KlasifikasiArsip, verbose_name="kode klasifikasi", null=True, blank=True, on_delete=models.PROTECT
    )
    hal = models.CharField("hal", max_length=300)
    sifat = models.CharField("sifat", max_length=20, choices=Sifat.choices, default=Sifat.BIASA)
    lampiran = models.CharField("lampiran", max_length=100, blank=True)
    tujuan_nama = models.CharField("kepada (nama/jabatan)", max_length=300, blank=True)
    tujuan_alamat = models.CharField("alamat tujuan", max_length=300, blank=True)
    tujuan_email = models.EmailField("email tujuan", blank=True)
    tembusan = models.TextField("tembusan (satu per baris)", blank=True)
    isi = models.TextField("isi", blank=True)  # sanitized HTML (sekretariat.naskah_markup)
    data = models.JSONField("isian khusus", default=dict, blank=True)
    membalas_ref = models.CharField("membalas surat", max_length=100, blank=True)
    # The disposisi this naskah answers: sending it closes that disposisi (services.surat_masuk).
    membalas_disposisi = optional_link("sekretariat.Disposisi", "membalas disposisi", related_name="naskah_balasan")
    # The address book row the tujuan came from; the tujuan_* fields stay the letter's snapshot.
    tujuan_instansi = optional_link(
        "sekretariat.Instansi", "instansi tujuan", on_delete=models.SET_NULL, related_name="naskah_keluar"
    )
    pembuat = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="pembuat konsep", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)
    putaran = models.PositiveSmallIntegerField("putaran pemeriksaan", default=1)
    nomor_naskah = models.CharField("nomor naskah", max_length=100, blank=True, db_index=True)
    nomor_urut = models.PositiveIntegerField("nomor urut", null=True, blank=True)
    tahun_nomor = models.PositiveSmallIntegerField("tahun nomor", null=True, blank=True)
    tanggal_naskah = models.DateField("tanggal naskah", null=True, blank=True)
    status = FSMField("status", default=S.KONSEP, choices=S.choices, protected=True)

    objects = NaskahManager()

    class Meta:
        verbose_name = verbose_name_plural = "naskah dinas"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun_nomor", "nomor_urut"],
                condition=models.Q(nomor_urut__isnull=False),
                name="naskah_nomor_urut_unik",
            )
        ]
        indexes = [models.Index(fields=["tanggal_naskah"], name="naskah_tanggal_idx")]

    def __str__(self) -> str:
        return f"{self.nomor} {self.hal}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("sekretariat:naskah-detail", args=[self.pk])

    @property
    def nomor(self) -> str:
        return self.nomor_naskah or f"Konsep #{self.pk}"

    @property
    def judul(self) -> str:
        return f"{self.jenis.nama}: {self.hal}"

    @property
    def warna(self) -> str:
        return STATUS_WARNA.get(self.status, "grey")

    def tembusan_list(self) -> list[str]:
        return [line.strip() for line in self.tembusan.splitlines() if line.strip()]

    # --- transitions (run only through sekretariat.services.naskah) ---------------------------

    @transition(field=status, source=S.KONSEP, target=S.PERIKSA, permission=requires(Aksi.KONSEP_NASKAH))
    def ajukan(self) -> None: ...

    @transition(field=status, source=S.PERIKSA, target=S.PARAF, permission=requires(Aksi.PERIKSA_NASKAH))
    def setujui(self) -> None: ...

    @transition(field=status, source=S.PARAF, target=S.PENOMORAN, permission=requires(Aksi.PARAF_NASKAH))
    def paraf_lengkap(self) -> None: ...

    @transition(
        field=status, source=[S.PERIKSA, S.PARAF, S.TTE], target=S.KONSEP, permission=requires_by_state(_KEMBALIKAN)
    )
    def kembalikan(self) -> None:
        self.putaran += 1

    @transition(field=status, source=S.PENOMORAN, target=S.TTE, permission=requires(Aksi.NOMOR_NASKAH))
    def beri_nomor(self) -> None: ...

    @transition(field=status, source=S.TTE, target=S.CETAK, permission=requires(Aksi.TTE))
    def sign(self) -> None: ...

    @transition(field=status, source=S.CETAK, target=S.TTE, permission=SYSTEM)
    def signing_failed(self) -> None: ...

    @transition(field=status, source=S.CETAK, target=S.TERBIT, permission=SYSTEM)
    def terbitkan(self) -> None: ...

    @transition(field=status, source=S.TERBIT, target=S.TERKIRIM, permission=requires(Aksi.NOMOR_NASKAH))
    def kirim(self) -> None: ...

    @transition(field=status, source=S.TERKIRIM, target=S.ARSIP, permission=requires(Aksi.NOMOR_NASKAH))
    def arsipkan(self) -> None: ...

    @transition(field=status, source=[S.TERBIT, S.TERKIRIM, S.ARSIP], target=S.DITARIK, permission=requires(Aksi.TTE))
    def tarik(self) -> None: ...

    # --- Signable ----------------------------------------------------------------------------

    def signing_documents(self) -> list[DocumentSpec]:
        from ..documents.naskah import render_naskah

        return [DocumentSpec("naskah-dinas", self.jenis.nama, render_naskah)]

    def signing_subject(self) -> str:
        return self.tujuan_nama

    def signing_completed(self, stored: dict, system, note: str) -> None:
        from dukcapil.workflow.services import record_transition

        from ..services.naskah import naskah_setelah_terbit

        record_transition(self, "terbitkan", system, note)
        naskah_setelah_terbit(naskah=self, system=system)


class VersiNaskah(models.Model):
    """The konsep as it was at each submit and each return (compared on the diff page)."""

    naskah = models.ForeignKey(Naskah, verbose_name="naskah", on_delete=models.CASCADE, related_name="versi")
    nomor_versi = models.PositiveSmallIntegerField("versi")
    hal = models.CharField("hal", max_length=300)
    isi = models.TextField("isi")
    data = models.JSONField("isian khusus", default=dict, blank=True)
    peristiwa = models.CharField("peristiwa", max_length=100)
    catatan = models.TextField("catatan", blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "versi naskah"
        ordering = ["naskah", "nomor_versi"]
        constraints = [models.UniqueConstraint(fields=["naskah", "nomor_versi"], name="versi_naskah_unik")]

    def __str__(self) -> str:
        return f"v{self.nomor_versi}"


class ParafNaskah(models.Model):
    """Paraf koordinasi: who initialled which round of the konsep, when."""

    naskah = models.ForeignKey(Naskah, verbose_name="naskah", on_delete=models.CASCADE, related_name="paraf")
    peran = models.CharField("sebagai", max_length=30, choices=Role.choices)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="pemaraf", on_delete=models.PROTECT, related_name="+"
    )
    putaran = models.PositiveSmallIntegerField("putaran")
    waktu = models.DateTimeField("waktu", default=timezone.now)
    catatan = models.CharField("catatan", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "paraf koordinasi"
        ordering = ["naskah", "waktu"]
        constraints = [models.UniqueConstraint(fields=["naskah", "putaran", "peran"], name="paraf_satu_per_peran")]

    def __str__(self) -> str:
        return f"{self.peran}: {self.pengguna}"


class Ekspedisi(models.Model):
    """Buku ekspedisi: how and to whom a signed naskah was delivered."""

    Cara = models.TextChoices(
        "Cara", [("EMAIL", ("email", "Email dari sistem")), ("KURIR", ("kurir", "Kurir/caraka")),
                 ("LANGSUNG", ("langsung", "Diantar langsung")), ("POS", ("pos", "Pos/jasa ekspedisi"))]
    )  # fmt: skip

    naskah = models.ForeignKey(Naskah, verbose_name="naskah", on_delete=models.PROTECT, related_name="ekspedisi")
    tanggal = models.DateField("tanggal kirim", default=timezone.localdate)
    dicatat_pada = models.DateTimeField("dicatat pada", default=timezone.now)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dicatat oleh", on_delete=models.PROTECT, related_name="+"
    )
    penerima = models.CharField("penerima", max_length=300)
    cara = models.CharField("cara kirim", max_length=20, choices=Cara.choices)
    kurir = models.CharField("kurir/petugas", max_length=150, blank=True)
    tanda_terima = models.FileField("tanda terima (pindaian)", upload_to="ekspedisi/%Y/%m/", blank=True)
    pesan_keluar_id = models.BigIntegerField("pesan email", null=True, blank=True)
    catatan = models.CharField("catatan", max_length=300, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = "ekspedisi", "buku ekspedisi"
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"{self.naskah.nomor} → {self.penerima}"
