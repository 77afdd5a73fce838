"""Pencatatan Sipil: the register akta (the office's book), its catatan pinggir, the kutipan issued
from it, and the data each civil-registration berkas carries."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from dukcapil.models import Berkas, Dokumen

from .choices import JenisAkta, JenisCatatan, JenisPermohonanAkta, StatusAkta


class Akta(models.Model):
    """One entry of a register akta. Issued here (nomor from the office's series) or, for a
    kutipan kedua of another office's akta, transcribed after that office confirmed it."""

    jenis = models.CharField("jenis akta", max_length=20, choices=JenisAkta.choices)
    nomor = models.CharField("nomor akta", max_length=40, unique=True)
    kantor = models.CharField("kantor penerbit", max_length=150)
    kantor_lain = models.BooleanField("diterbitkan Dukcapil lain", default=False)
    tahun = models.PositiveSmallIntegerField("tahun register")
    urutan = models.PositiveIntegerField("nomor urut register", null=True, blank=True)
    tanggal_peristiwa = models.DateField("tanggal peristiwa")
    tempat_peristiwa = models.CharField("tempat peristiwa", max_length=150)
    subjek_nik = models.CharField("NIK subjek akta", max_length=16, blank=True, db_index=True)
    subjek_nama = models.CharField("nama subjek akta", max_length=150)
    # The register's entries as written when the akta was drawn up (names, parents, witnesses, court).
    data = models.JSONField("isi register", default=dict)
    terlambat = models.BooleanField("pelaporan terlambat", default=False)
    # Akta perkawinan: each spouse's status_perkawinan before it (by NIK), restored by a pembatalan.
    status_perkawinan_sebelum = models.JSONField("status perkawinan sebelumnya", default=dict, blank=True)
    status = models.CharField("status", max_length=10, choices=StatusAkta.choices, default=StatusAkta.BERLAKU)
    berkas = models.ForeignKey(
        Berkas, verbose_name="berkas pencatatan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dicatat_pada = models.DateTimeField("dicatat pada", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "register akta"
        verbose_name_plural = "register akta"
        constraints = [
            # the office's own series: one urutan per jenis and year, never shared
            models.UniqueConstraint(
                fields=["jenis", "tahun", "urutan"], condition=Q(kantor_lain=False), name="akta_urutan_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor}"


class CatatanPinggir(models.Model):
    """A marginal note on a register akta, written by the berkas that caused it (one per berkas)."""

    akta = models.ForeignKey(Akta, verbose_name="akta", related_name="catatan_pinggir", on_delete=models.PROTECT)
    berkas = models.ForeignKey(Berkas, verbose_name="berkas", on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField("jenis catatan", max_length=20, choices=JenisCatatan.choices)
    isi = models.TextField("isi catatan pinggir")
    dibuat_pada = models.DateTimeField("dicatat pada", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "catatan pinggir"
        verbose_name_plural = "catatan pinggir"
        ordering = ["dibuat_pada", "pk"]
        constraints = [models.UniqueConstraint(fields=["akta", "berkas"], name="catatan_satu_per_berkas")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} pada {self.akta.nomor}"


class Kutipan(models.Model):
    """A kutipan (the citizen's extract) issued from an akta: the first, a reprint with catatan
    pinggir, a corrected one, a kutipan kedua. Its signed PDF is a Dokumen."""

    akta = models.ForeignKey(Akta, verbose_name="akta", related_name="kutipan", on_delete=models.PROTECT)
    berkas = models.ForeignKey(Berkas, verbose_name="berkas", on_delete=models.PROTECT, related_name="+")
    ke = models.PositiveSmallIntegerField("kutipan ke")
    dokumen = models.OneToOneField(
        Dokumen, verbose_name="dokumen", null=True, blank=True, on_delete=models.PROTECT, related_name="kutipan"
    )
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)

    class Meta:
        verbose_name = "kutipan akta"
        verbose_name_plural = "kutipan akta"
        constraints = [
            models.UniqueConstraint(fields=["akta", "berkas"], name="kutipan_satu_per_berkas"),
            models.UniqueConstraint(fields=["akta", "ke"], name="kutipan_ke_unik"),
        ]

    def __str__(self) -> str:
        return f"Kutipan ke-{self.ke} {self.akta.nomor}"


class PermohonanAkta(models.Model):
    """What a civil-registration berkas asks for and what the operator entered for it."""

    berkas = models.OneToOneField(
        Berkas, verbose_name="berkas", related_name="permohonan_akta", on_delete=models.CASCADE
    )
    jenis = models.CharField("jenis layanan", max_length=20, choices=JenisPermohonanAkta.choices)
    # Conditions stated at the counter that decide conditional persyaratan (TNI, WNA, pernah menikah).
    kondisi = models.JSONField("kondisi pemohon", default=list, blank=True)
    # The akta the service acts on (catatan pinggir, pembatalan, kutipan kedua, perceraian's marriage).
    nomor_akta_rujukan = models.CharField("nomor akta rujukan", max_length=40, blank=True)
    akta_rujukan = models.ForeignKey(
        Akta, verbose_name="akta rujukan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kantor_penerbit = models.CharField("Dukcapil penerbit akta (bila bukan kantor ini)", max_length=150, blank=True)
    data = models.JSONField("data entri", default=dict, blank=True)
    terlambat = models.BooleanField("pelaporan terlambat", default=False)
    hari_pelaporan = models.PositiveIntegerField("hari sejak kelahiran sampai pelaporan", null=True, blank=True)
    # What the entry and the approval recorded: the child's NIK (entered, or given at approval), the
    # nomor akta drawn up, the KK the deceased left, the number of the SK pembatalan.
    nik_anak = models.CharField("NIK anak", max_length=16, blank=True)
    nomor_akta = models.CharField("nomor akta yang diterbitkan", max_length=40, blank=True)
    nomor_kk_asal = models.CharField("nomor KK terakhir yang meninggal", max_length=16, blank=True)
    nomor_sk = models.CharField("nomor SK pembatalan", max_length=80, blank=True)
    # Kutipan kedua of another office's akta: that office's confirmation of validity (P.5.8 step 6).
    konfirmasi_nomor = models.CharField("nomor surat konfirmasi keabsahan", max_length=80, blank=True)
    konfirmasi_tanggal = models.DateField("tanggal konfirmasi", null=True, blank=True)
    konfirmasi_dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diterapkan_pada = models.DateTimeField("dicatat dalam register pada", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "permohonan pencatatan sipil"
        verbose_name_plural = "permohonan pencatatan sipil"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.berkas}"

    @property
    def data_rows(self) -> list[tuple[str, str]]:
        """The operator's entry for the berkas page, with the entry form's labels and Indonesian dates."""
        from dukcapil.forms import entry_rows
        from dukcapil.kinds import kind_for

        return entry_rows(self.data, kind_for(self.jenis).entry_form)

    @property
    def menunggu_konfirmasi(self) -> bool:
        return bool(self.kantor_penerbit) and self.konfirmasi_tanggal is None
