from django.db import models

from sekretariat.models.presensi import NaskahBulanan


class LaporanKinerja(NaskahBulanan):
    """The month's laporan kinerja pelayanan: its naskah carries the paraf and the Kadis's TTE."""

    class Meta:
        verbose_name = verbose_name_plural = "laporan kinerja pelayanan"
        constraints = [models.UniqueConstraint(fields=["tahun", "bulan"], name="laporan_kinerja_satu_per_bulan")]

    def __str__(self) -> str:
        return f"Laporan kinerja pelayanan {self.bulan:02d}/{self.tahun}"
