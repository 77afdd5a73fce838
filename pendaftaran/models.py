"""Pendaftaran Penduduk: the data each population-registration berkas carries."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from dukcapil.choices import JenisKelamin
from dukcapil.models import Berkas, Dokumen

from .choices import (
    Agama,
    GolonganDarah,
    Hubungan,
    JenisPermohonanKK,
    Kewarganegaraan,
    Pendidikan,
    StatusPenduduk,
    StatusPerkawinan,
)


def usia(lahir, pada=None) -> int:
    """Age in whole years on ``pada`` (today, Asia/Jakarta, by default)."""
    pada = pada or timezone.localdate()
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


ADDRESS_FIELDS = ("alamat", "rt", "rw", "desa_kelurahan", "kecamatan", "kabupaten_kota", "provinsi", "kode_pos")


class Alamat(models.Model):
    alamat = models.CharField("alamat", max_length=200, blank=True)
    rt = models.CharField("RT", max_length=3, blank=True)
    rw = models.CharField("RW", max_length=3, blank=True)
    desa_kelurahan = models.CharField("desa/kelurahan", max_length=100, blank=True)
    kecamatan = models.CharField("kecamatan", max_length=100, blank=True)
    kabupaten_kota = models.CharField("kabupaten/kota", max_length=100, blank=True)
    provinsi = models.CharField("provinsi", max_length=100, blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True)

    class Meta:
        abstract = True


# --- Population register ---------------------------------------------------------------------


class Keluarga(Alamat):
    """A family as registered: one Kartu Keluarga number, its address and its members."""

    nomor_kk = models.CharField("nomor KK", max_length=16, unique=True)
    aktif = models.BooleanField("aktif", default=True)
    dibuat_pada = models.DateTimeField("terdaftar sejak", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "keluarga"
        verbose_name_plural = "keluarga"

    def __str__(self) -> str:
        return self.nomor_kk


class DataDiri(models.Model):
    """A person's own data as the register and a KK entry both hold it (the biodata of F-1.01)."""

    nama = models.CharField("nama lengkap", max_length=150)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    tempat_lahir = models.CharField("tempat lahir", max_length=100)
    tanggal_lahir = models.DateField("tanggal lahir")
    agama = models.CharField("agama", max_length=20, choices=Agama.choices)
    pendidikan = models.CharField("pendidikan", max_length=40, choices=Pendidikan.choices)
    pekerjaan = models.CharField("jenis pekerjaan", max_length=100)
    golongan_darah = models.CharField("golongan darah", max_length=2, choices=GolonganDarah.choices, blank=True)
    status_perkawinan = models.CharField("status perkawinan", max_length=20, choices=StatusPerkawinan.choices)
    tanggal_perkawinan = models.DateField("tanggal perkawinan", null=True, blank=True)
    kewarganegaraan = models.CharField(
        "kewarganegaraan", max_length=3, choices=Kewarganegaraan.choices, default=Kewarganegaraan.WNI
    )
    nama_ayah = models.CharField("nama ayah", max_length=150)
    nama_ibu = models.CharField("nama ibu", max_length=150)

    class Meta:
        abstract = True


class Penduduk(DataDiri):
    """A resident (WNI or orang asing) in the register. One NIK, at most one KK at a time."""

    nik = models.CharField("NIK", max_length=16, unique=True)
    keluarga = models.ForeignKey(
        Keluarga, verbose_name="KK", null=True, blank=True, related_name="anggota", on_delete=models.PROTECT
    )
    hubungan = models.CharField("status hubungan dalam keluarga", max_length=20, choices=Hubungan.choices, blank=True)
    urutan = models.PositiveSmallIntegerField("no. urut dalam KK", default=0)
    negara = models.CharField("negara asal (orang asing)", max_length=60, blank=True)
    no_paspor = models.CharField("no. paspor", max_length=20, blank=True)
    no_kitap = models.CharField("no. KITAS/KITAP", max_length=30, blank=True)
    izin_tinggal_hingga = models.DateField("izin tinggal berlaku hingga", null=True, blank=True)
    sponsor = models.CharField("sponsor/penjamin", max_length=150, blank=True)
    no_akta_kelahiran = models.CharField("no. akta kelahiran", max_length=40, blank=True)
    no_akta_perkawinan = models.CharField("no. akta perkawinan/perceraian terakhir", max_length=40, blank=True)
    no_akta_kematian = models.CharField("no. akta kematian", max_length=40, blank=True)
    tanggal_kematian = models.DateField("tanggal kematian", null=True, blank=True)
    status = models.CharField("status", max_length=12, choices=StatusPenduduk.choices, default=StatusPenduduk.AKTIF)
    keterangan_status = models.CharField("keterangan status", max_length=200, blank=True)
    perekaman_pada = models.DateTimeField("perekaman KTP-el", null=True, blank=True)
    perekaman_lokasi = models.CharField("lokasi perekaman", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penduduk"
        verbose_name_plural = "penduduk"
        ordering = ["keluarga", "urutan"]

    def __str__(self) -> str:
        return self.nama

    def usia(self, pada=None) -> int:
        return usia(self.tanggal_lahir, pada)


class PerubahanRegister(models.Model):
    """One field of the population register changed by one approved berkas (append-only).

    Written by pendaftaran.register.register_change in the transaction of the approval; the texts
    keep what a person reads (choice labels, the nomor KK), so the history never shows bare ids.
    """

    penduduk = models.ForeignKey(
        Penduduk, verbose_name="penduduk", null=True, blank=True, on_delete=models.PROTECT, related_name="perubahan"
    )
    keluarga = models.ForeignKey(
        Keluarga, verbose_name="KK", null=True, blank=True, on_delete=models.PROTECT, related_name="perubahan"
    )
    field = models.CharField("elemen", max_length=40)
    label = models.CharField("nama elemen", max_length=100)
    nilai_lama = models.JSONField("nilai lama", null=True, blank=True)
    nilai_baru = models.JSONField("nilai baru", null=True, blank=True)
    teks_lama = models.CharField("semula", max_length=300, blank=True)
    teks_baru = models.CharField("menjadi", max_length=300, blank=True)
    berkas = models.ForeignKey(
        Berkas, verbose_name="berkas", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sumber = models.CharField("sumber perubahan", max_length=200, blank=True)  # a change without a berkas
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="disetujui oleh", on_delete=models.PROTECT, related_name="+"
    )
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "perubahan database kependudukan"
        verbose_name_plural = "perubahan database kependudukan"
        ordering = ["-waktu", "-pk"]
        indexes = [
            models.Index(fields=["penduduk", "field", "-waktu"], name="perubahan_penduduk_idx"),
            models.Index(fields=["keluarga", "field", "-waktu"], name="perubahan_keluarga_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.teks_lama} → {self.teks_baru}"


class JadwalPerekaman(models.Model):
    """One person's perekaman KTP-el slot at the office or a kecamatan, and whether it happened.

    The biometric capture itself is done in SIAK; marking the slot «selesai» writes the register's
    ``perekaman_pada``/``perekaman_lokasi`` (pendaftaran.perekaman), so KTP-el cetak can proceed."""

    class Tempat(models.TextChoices):
        KANTOR = "kantor", "Kantor Dinas"
        KECAMATAN = "kecamatan", "Kecamatan"

    class Status(models.TextChoices):
        DIJADWALKAN = "dijadwalkan", "Dijadwalkan"
        SELESAI = "selesai", "Selesai"
        TIDAK_HADIR = "tidak_hadir", "Tidak hadir"

    penduduk = models.ForeignKey(
        Penduduk, verbose_name="penduduk", on_delete=models.PROTECT, related_name="jadwal_perekaman"
    )
    tanggal = models.DateField("tanggal")
    jam = models.TimeField("jam")
    tempat = models.CharField("tempat", max_length=10, choices=Tempat.choices, default=Tempat.KANTOR)
    kecamatan = models.CharField("kecamatan", max_length=100, blank=True)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DIJADWALKAN)
    dijadwalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dijadwalkan oleh", on_delete=models.PROTECT, related_name="+"
    )
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="operator perekaman",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diproses_pada = models.DateTimeField("diproses pada", null=True, blank=True)
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)

    class Meta:
        verbose_name = "jadwal perekaman KTP-el"
        verbose_name_plural = "jadwal perekaman KTP-el"
        ordering = ["tanggal", "jam", "pk"]
        indexes = [models.Index(fields=["tanggal", "jam"], name="perekaman_tanggal_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["penduduk"], condition=models.Q(status="dijadwalkan"), name="satu_jadwal_perekaman_terbuka"
            )
        ]

    def __str__(self) -> str:
        return f"Perekaman {self.penduduk_id} {self.tanggal} {self.jam}"

    @property
    def lokasi(self) -> str:
        if self.tempat == self.Tempat.KECAMATAN:
            return f"Kecamatan {self.kecamatan}"
        return "Kantor Dinas"


class StokBlangko(models.Model):
    """Consumable stock of the office, one row per item: the blank cards (a printed card takes one, a
    delivery adds many) and the card printers' ribbon, film and cleaning kit. The same ledger
    (MutasiBlangko) records them all; PIAK's distribution to the kecamatan takes from it too."""

    class Jenis(models.TextChoices):
        KTP_EL = "ktp-el", "Blangko KTP-el"
        KIA = "kia", "Blangko KIA"
        RIBBON = "ribbon", "Ribbon printer"
        FILM = "film", "Film printer"
        CLEANING = "cleaning", "Cleaning kit"

    jenis = models.CharField("jenis blangko", max_length=10, choices=Jenis.choices, unique=True)
    jumlah = models.PositiveIntegerField("stok", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "stok blangko"
        verbose_name_plural = "stok blangko"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.jumlah}"


# the blank cards (the counter prints on them, records their serials); the rest are printer supplies
JENIS_KARTU = [(v, label) for v, label in StokBlangko.Jenis.choices if v in ("ktp-el", "kia")]


class MutasiBlangko(models.Model):
    """Append-only ledger of the stock: deliveries (+), printed cards (-, for a berkas, with the
    blangko's serial once the operator records it) and spoiled blanks (-, ``rusak``, with the reason)."""

    jenis = models.CharField("jenis blangko", max_length=10, choices=StokBlangko.Jenis.choices)
    jumlah = models.IntegerField("jumlah")
    sisa = models.PositiveIntegerField("sisa stok")
    berkas = models.ForeignKey(Berkas, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    nomor_seri = models.CharField("nomor seri blangko", max_length=30, blank=True)
    rusak = models.BooleanField("rusak/gagal cetak", default=False)
    keterangan = models.CharField("keterangan", max_length=200, blank=True)
    pelaku = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "mutasi blangko"
        verbose_name_plural = "mutasi blangko"
        ordering = ["-waktu", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["berkas"], condition=models.Q(jumlah__lt=0), name="satu_blangko_per_berkas"
            ),
            # a blangko's serial is printed on one card only (or spoiled once) within its stock
            models.UniqueConstraint(
                fields=["jenis", "nomor_seri"], condition=~models.Q(nomor_seri=""), name="nomor_seri_blangko_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.jumlah:+d}"


class PermohonanKK(models.Model):
    """A Kartu Keluarga application: the family as the operator enters it in SIAK.

    The entered family is staged here; it reaches the register (Keluarga, Penduduk) in the same
    transaction as the approval that sends the berkas to the Kadis.
    """

    berkas = models.OneToOneField(Berkas, primary_key=True, related_name="permohonan_kk", on_delete=models.CASCADE)
    jenis = models.CharField("jenis permohonan", max_length=20, choices=JenisPermohonanKK.choices)
    keluarga = models.ForeignKey(
        Keluarga, verbose_name="KK", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    keluarga_asal = models.ForeignKey(
        Keluarga,
        verbose_name="KK asal (pisah KK)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    alasan = models.CharField("alasan (di loket)", max_length=20, blank=True)
    pengurangan = models.JSONField("anggota yang dikurangi {NIK: alasan}", default=dict, blank=True)
    kode_wilayah = models.CharField(
        "kode wilayah kecamatan", max_length=6, blank=True, help_text="6 digit kode Kemendagri untuk nomor KK baru."
    )
    diterapkan_pada = models.DateTimeField("diterapkan ke database kependudukan", null=True, blank=True)
    dasar = models.JSONField(
        "data KK terdaftar saat dientri", default=dict, blank=True, help_text="Dasar pemeriksaan perubahan."
    )
    data = models.JSONField("data kedatangan (SKDWNI/SKDLN)", default=dict, blank=True)
    nomor_kk = models.CharField("nomor KK", max_length=16, blank=True)
    alamat = models.CharField("alamat", max_length=200, blank=True)
    rt = models.CharField("RT", max_length=3, blank=True)
    rw = models.CharField("RW", max_length=3, blank=True)
    desa_kelurahan = models.CharField("desa/kelurahan", max_length=100, blank=True)
    kecamatan = models.CharField("kecamatan", max_length=100, blank=True)
    kabupaten_kota = models.CharField("kabupaten/kota", max_length=100, blank=True)
    provinsi = models.CharField("provinsi", max_length=100, blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "permohonan KK"
        verbose_name_plural = "permohonan KK"
        indexes = [
            # staff search by nomor KK (dukcapil.search): the KK a berkas makes (its family: the FK indexes)
            models.Index(fields=["nomor_kk"], condition=~models.Q(nomor_kk=""), name="permohonankk_nomor_kk_idx"),
        ]

    def __str__(self) -> str:
        return f"KK {self.berkas_id}"


class AnggotaKeluarga(DataDiri):
    permohonan = models.ForeignKey(
        PermohonanKK, related_name="anggota", on_delete=models.CASCADE, verbose_name="permohonan"
    )
    urutan = models.PositiveSmallIntegerField("no. urut")
    nik = models.CharField("NIK", max_length=16)
    hubungan = models.CharField("status hubungan dalam keluarga", max_length=20, choices=Hubungan.choices)
    no_paspor = models.CharField("no. paspor", max_length=20, blank=True)
    no_kitap = models.CharField("no. KITAP", max_length=20, blank=True)
    biometrik_dicek = models.BooleanField("cek biometrik dilakukan", default=False)
    # the register's values of this person when copied for the operator (empty: a new person)
    dasar = models.JSONField("data terdaftar saat dientri", default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "anggota keluarga"
        verbose_name_plural = "anggota keluarga"
        ordering = ["permohonan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["permohonan", "nik"], name="anggota_nik_unik_per_kk"),
        ]

    def __str__(self) -> str:
        return self.nama


class PermohonanPenduduk(models.Model):
    """The data of a KTP-el, KIA, pindah-datang or SKTT berkas: whom it concerns and what changes.

    ``jenis`` is the service variant (see pendaftaran.kinds); ``data`` holds the fields that
    variant's entry form asks for. Register effects are applied once, recorded in diterapkan_pada.
    """

    berkas = models.OneToOneField(
        Berkas, primary_key=True, related_name="permohonan_penduduk", on_delete=models.CASCADE
    )
    jenis = models.CharField("jenis permohonan", max_length=30)
    penduduk = models.ForeignKey(
        Penduduk, verbose_name="penduduk", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    keluarga = models.ForeignKey(
        Keluarga, verbose_name="KK", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    nik_anggota = models.JSONField("NIK yang bersangkutan", default=list, blank=True)
    data = models.JSONField("data permohonan", default=dict, blank=True)
    dokumen_rujukan = models.ForeignKey(
        Dokumen,
        verbose_name="dokumen rujukan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="SKPWNI/SKTT yang dibatalkan, diperpanjang atau diganti karena hilang.",
    )
    nomor_dokumen = models.CharField("nomor dokumen", max_length=40, blank=True)
    diterapkan_pada = models.DateTimeField("diterapkan ke database kependudukan", null=True, blank=True)
    dasar = models.JSONField("data penduduk terdaftar saat dientri", default=dict, blank=True)
    # SKPWNI/SKPLN: where each person who moved stood in the KK ({nik: {hubungan, urutan}}), for a batal pindah
    asal_anggota = models.JSONField("kedudukan asal dalam KK", default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "permohonan dokumen penduduk"
        verbose_name_plural = "permohonan dokumen penduduk"

    def __str__(self) -> str:
        return f"{self.jenis} {self.berkas_id}"

    def data_rows(self) -> list[tuple[str, str]]:
        """The entered data with the entry form's labels, for the berkas page."""
        from dukcapil.forms import entry_rows

        return entry_rows(self.data, self._kind.entry_form if self._kind else None)

    @property
    def jenis_label(self) -> str:
        return self._kind.label if self._kind else self.jenis

    @property
    def _kind(self):
        """The service variant (pendaftaran.kinds), or None for a kode no longer offered."""
        from dukcapil.kinds import kind_for

        try:
            return kind_for(self.jenis)
        except LookupError:
            return None
