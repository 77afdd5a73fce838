from django.db import models

from dukcapil.fields import ListField
from sekretariat.models.presensi import NaskahBulanan


class LaporanKinerja(NaskahBulanan):
    """The month's laporan kinerja pelayanan: its naskah carries the paraf and the Kadis's TTE."""

    class Meta:
        verbose_name = verbose_name_plural = "laporan kinerja pelayanan"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="laporan_kinerja_satu_per_bulan")]

    def __str__(self) -> str:
        return f"Laporan kinerja pelayanan {self.bulan:02d}/{self.tahun}"


# --- daily roll-ups (see rekap.py): written only by ``services.rekap_hitung``, read by the selectors ---


class RekapHari(models.Model):
    """A day whose roll-up rows are complete, and when they were computed (changes after that are
    read live until the day is rolled up again)."""

    tanggal = models.DateField(primary_key=True)
    dihitung_pada = models.DateTimeField()

    class Meta:
        verbose_name = verbose_name_plural = "rekap harian kinerja"

    def __str__(self) -> str:
        return f"Rekap kinerja {self.tanggal}"


class Rekap(models.Model):
    """A roll-up row: one day (``tanggal``), one bidang and one layanan (plain ids: rows are rebuilt,
    never edited)."""

    tanggal = models.DateField(db_index=True)
    bidang_id = models.BigIntegerField()
    layanan_id = models.BigIntegerField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.tanggal}"


class RekapBerkas(Rekap):
    """Berkas registered on ``tanggal``: counts, and the duration (jam) of each finished one so that
    median and p90 over any period stay exact."""

    masuk = models.IntegerField()
    selesai = models.IntegerField()
    batal = models.IntegerField()
    menunggu_blangko = models.IntegerField()
    bertenggat = models.IntegerField()
    tepat = models.IntegerField()
    jam = ListField(models.FloatField())

    class Meta:
        verbose_name = verbose_name_plural = "rekap berkas harian"


class RekapKartu(Rekap):
    """Kartu kendali hand-offs that ended on ``tanggal``, per step, officer, kind of transition and SOP
    standard: each distinct duration in whole minutes (``menit``) with how many took it (``jumlah``),
    and how many went over the standard."""

    tahap = models.CharField(max_length=40)
    pelaku_id = models.BigIntegerField(null=True)
    transisi = models.CharField(max_length=40)  # accept, return_to_pemohon or «lain»
    standar = models.FloatField(null=True)
    menit = ListField(models.IntegerField())
    jumlah = ListField(models.IntegerField())
    lewat = models.IntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "rekap kartu kendali harian"


class RekapPengembalian(Rekap):
    """Returns and cancellations on ``tanggal`` per reason."""

    jenis = models.CharField(max_length=20)
    alasan = models.TextField()
    jumlah = models.IntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "rekap pengembalian harian"
