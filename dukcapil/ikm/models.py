"""Rows of the IKM survey.

``ResponIKM`` is one filled questionnaire: the nine scores, the suggestion, the respondent's
groups (never a name, NIK or contact) and the layanan. It carries no link to a berkas or an
invitation, so an answer cannot be traced back to the citizen who gave it.

``UndanganIKM`` is the per-berkas invitation printed on the resi: an unguessable token and the
moment it was used; one answer per berkas is kept by locking that row and refusing a used token.

``LaporanIKM`` is the semester report: a snapshot of the results, the Kasi's analysis and rencana
tindak lanjut, and the naskah that carries it through the Sekretariat chain to the Kadis's TTE.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .choices import JenisKelamin, KelompokUmur, Pekerjaan, Pendidikan, Saluran

__all__ = ["LaporanIKM", "ResponIKM", "UndanganIKM", "semester_dari"]


def semester_dari(tanggal) -> int:
    """Semester I: January–June; II: July–December."""
    return 1 if tanggal.month <= 6 else 2


def _token() -> str:
    return secrets.token_urlsafe(18)


def _nilai(nomor: int, nama: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(f"U{nomor} {nama}")


class ResponIKM(models.Model):
    waktu = models.DateTimeField("waktu pengisian", default=timezone.now)
    tanggal = models.DateField("tanggal (WIB)", db_index=True)
    layanan = models.ForeignKey(
        "dukcapil.Layanan", verbose_name="layanan", on_delete=models.PROTECT, related_name="respon_ikm"
    )
    saluran = models.CharField("saluran", max_length=10, choices=Saluran.choices)
    u1 = _nilai(1, "persyaratan")
    u2 = _nilai(2, "sistem, mekanisme dan prosedur")
    u3 = _nilai(3, "waktu penyelesaian")
    u4 = _nilai(4, "biaya/tarif")
    u5 = _nilai(5, "produk spesifikasi jenis pelayanan")
    u6 = _nilai(6, "kompetensi pelaksana")
    u7 = _nilai(7, "perilaku pelaksana")
    u8 = _nilai(8, "penanganan pengaduan, saran dan masukan")
    u9 = _nilai(9, "sarana dan prasarana")
    saran = models.TextField("saran dan masukan", blank=True)
    kelompok_umur = models.CharField("kelompok umur", max_length=10, choices=KelompokUmur.choices)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    pendidikan = models.CharField("pendidikan", max_length=10, choices=Pendidikan.choices)
    pekerjaan = models.CharField("pekerjaan", max_length=10, choices=Pekerjaan.choices)

    class Meta:
        verbose_name = "jawaban survei IKM"
        verbose_name_plural = "jawaban survei IKM"
        ordering = ["-waktu"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"u{i}__gte": 1}) & Q(**{f"u{i}__lte": 4}), name=f"ikm_u{i}_skala_1_4"
            )
            for i in range(1, 10)
        ]
        indexes = [models.Index(fields=["tanggal", "layanan"], name="ikm_respon_tanggal_layanan")]

    def __str__(self) -> str:
        return f"Jawaban IKM {self.tanggal:%d-%m-%Y}"


class UndanganIKM(models.Model):
    berkas = models.OneToOneField(
        "dukcapil.Berkas", verbose_name="berkas", on_delete=models.CASCADE, related_name="undangan_ikm"
    )
    token = models.CharField("token", max_length=32, unique=True, default=_token, editable=False)
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)
    dijawab_pada = models.DateTimeField("dijawab pada", null=True, blank=True)

    class Meta:
        verbose_name = "undangan survei IKM (resi)"
        verbose_name_plural = "undangan survei IKM (resi)"

    def __str__(self) -> str:
        return f"Undangan IKM {self.berkas_id}"

    def get_absolute_url(self) -> str:
        return reverse("ikm:survei-resi", args=[self.token])


class LaporanIKM(models.Model):
    tahun = models.PositiveSmallIntegerField("tahun")
    semester = models.PositiveSmallIntegerField("semester", choices=[(1, "I"), (2, "II")])
    data = models.JSONField("hasil survei (snapshot)", default=dict)
    dihitung_pada = models.DateTimeField("hasil dihitung pada", default=timezone.now)
    analisis = models.TextField("analisis")
    rencana_tindak_lanjut = models.TextField("rencana tindak lanjut")
    naskah = models.ForeignKey(
        "sekretariat.Naskah", verbose_name="naskah", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)

    class Meta:
        verbose_name = "laporan IKM semester"
        verbose_name_plural = "laporan IKM semester"
        ordering = ["-tahun", "-semester"]
        constraints = [models.UniqueConstraint(fields=["tahun", "semester"], name="laporan_ikm_satu_per_semester")]

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        return reverse("ikm:laporan-detail", args=[self.pk])

    @property
    def periode(self) -> str:
        return f"Semester {'I' * self.semester} {self.tahun}"

    @property
    def judul(self) -> str:
        return f"Laporan Indeks Kepuasan Masyarakat {self.periode}"
