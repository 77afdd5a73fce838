from django.contrib.postgres.fields import ArrayField
from django.db import models

from sekretariat.models.presensi import NaskahBulanan


class LaporanKinerja(NaskahBulanan):
    """The month's laporan kinerja pelayanan: its naskah carries the paraf and the Kadis's TTE."""

    class Meta:
        verbose_name = verbose_name_plural = "laporan kinerja pelayanan"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="laporan_kinerja_satu_per_bulan")]

    def __str__(self) -> str:
        return f"Laporan kinerja pelayanan {self.bulan:02d}/{self.tahun}"


# --- daily roll-ups (see rekap.py): written only by ``rekap.rekap_hari``, read by the selectors ---


class RekapHari(models.Model):
    """A day whose roll-up rows are complete, and when they were computed (changes after that are
    read live until the day is rolled up again)."""

    tanggal = models.DateField(primary_key=True)
    dihitung_pada = models.DateTimeField()

    class Meta:
        verbose_name = verbose_name_plural = "rekap harian kinerja"

    def __str__(self) -> str:
        return f"Rekap kinerja {self.tanggal}"


class RekapBerkas(models.Model):
    """Berkas registered on ``tanggal`` per bidang and layanan: counts, and the duration (jam) of each
    finished one so that median and p90 over any period stay exact."""

    tanggal = models.DateField(db_index=True)
    bidang_id = models.BigIntegerField()
    layanan_id = models.BigIntegerField()
    masuk = models.IntegerField()
    selesai = models.IntegerField()
    batal = models.IntegerField()
    menunggu_blangko = models.IntegerField()
    bertenggat = models.IntegerField()
    tepat = models.IntegerField()
    jam = ArrayField(models.FloatField())

    class Meta:
        verbose_name = verbose_name_plural = "rekap berkas harian"

    def __str__(self) -> str:
        return f"Rekap berkas {self.tanggal}"


class RekapKartu(models.Model):
    """Kartu kendali hand-offs that ended on ``tanggal``, per bidang, layanan, step, officer, kind of
    transition and SOP standard: the duration (menit) of each, so percentiles stay exact."""

    tanggal = models.DateField(db_index=True)
    bidang_id = models.BigIntegerField()
    layanan_id = models.BigIntegerField()
    tahap = models.CharField(max_length=40)
    pelaku_id = models.BigIntegerField(null=True)
    transisi = models.CharField(max_length=40)  # accept, return_to_pemohon or «lain»
    standar = models.FloatField(null=True)
    menit = ArrayField(models.FloatField())

    class Meta:
        verbose_name = verbose_name_plural = "rekap kartu kendali harian"

    def __str__(self) -> str:
        return f"Rekap kartu kendali {self.tanggal}"


class RekapPengembalian(models.Model):
    """Returns and cancellations on ``tanggal`` per bidang, layanan and reason."""

    tanggal = models.DateField(db_index=True)
    bidang_id = models.BigIntegerField()
    layanan_id = models.BigIntegerField()
    jenis = models.CharField(max_length=20)
    alasan = models.TextField()
    jumlah = models.IntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "rekap pengembalian harian"

    def __str__(self) -> str:
        return f"Rekap pengembalian {self.tanggal}"
