"""Laporan perkembangan kependudukan: the semester report on the population register and the
monthly report to DP3AK Provinsi (women and children).

One row per period. Its aggregates are computed in SQL from the register as of the period's end
(``piak.selectors.laporan_penduduk``) and stored as a JSON snapshot on the row: the report the
Kadis signs never changes afterwards. The snapshot holds counts only (no NIK, no name).

Chain (Bintan "SOP Laporan Perkembangan Kependudukan", steps 3–8): the Kasi Pengolahan dan
Penyajian Data analyses the aggregates and writes the draft → the Kabid PIAK corrects (returns it to
the Kasi or passes it on) → the Sekretaris approves and initials → the Kadis signs (TTE) → the
Administrator Database registers it (nomor from the Kasubag Umum dan Kepegawaian).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition

from dukcapil.registry import DocumentSpec, register_document_label
from dukcapil.tte.signable import Signable
from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.permissions import SYSTEM, Aksi, requires, requires_by_state

__all__ = ["DOKUMEN_JENIS", "JenisLaporanPenduduk", "LaporanPerkembangan", "StatusLaporanPenduduk"]

BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip
DOKUMEN_JENIS = "laporan-kependudukan"  # Dokumen.jenis (max 30)
register_document_label(DOKUMEN_JENIS, "Laporan Perkembangan Kependudukan")


class JenisLaporanPenduduk(models.TextChoices):
    SEMESTER = "semester", "Laporan perkembangan kependudukan (semester)"
    BULANAN_DP3AK = "bulanan_dp3ak", "Laporan bulanan DP3AK"


class StatusLaporanPenduduk(models.TextChoices):
    DRAF = "draf", "Draf (Kasi PIAK)"
    KABID = "kabid", "Dikoreksi Kabid PIAK"
    SEKRETARIS = "sekretaris", "Diparaf Sekretaris"
    TTE = "tte", "Menunggu TTE Kadis"
    CETAK = "cetak", "Sedang ditandatangani"
    TERBIT = "terbit", "Ditandatangani, menunggu registrasi"
    TERDAFTAR = "terdaftar", "Diregistrasi"


S = StatusLaporanPenduduk
_KEMBALIKAN = {S.KABID: Aksi.LAPDUK_KOREKSI, S.SEKRETARIS: Aksi.LAPDUK_PARAF, S.TTE: Aksi.TTE}


class LaporanPerkembangan(FSMModelMixin, Signable, WorkflowRecord):
    """One report of one period, its aggregate snapshot and the Kasi's analysis."""

    KOTAK_MASUK = {
        S.DRAF: Aksi.LAPDUK_SUSUN,
        S.KABID: Aksi.LAPDUK_KOREKSI,
        S.SEKRETARIS: Aksi.LAPDUK_PARAF,
        S.TTE: Aksi.TTE,
        S.TERBIT: Aksi.LAPDUK_REGISTRASI,
    }

    jenis = models.CharField("jenis laporan", max_length=20, choices=JenisLaporanPenduduk.choices)
    tahun = models.PositiveSmallIntegerField("tahun")
    periode_ke = models.PositiveSmallIntegerField("periode ke", help_text="semester 1–2 atau bulan 1–12")
    tanggal_awal = models.DateField("awal periode")
    tanggal_akhir = models.DateField("akhir periode (data per tanggal)")
    data = models.JSONField("data agregat", default=dict, blank=True)
    dihitung_pada = models.DateTimeField("agregat dihitung pada", null=True, blank=True)
    analisis = models.TextField("analisis Kasi", blank=True)
    arahan = models.TextField("arahan Kadis kepada Kasi", blank=True)
    disusun_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="disusun oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("dibuat pada", default=timezone.now)
    putaran = models.PositiveSmallIntegerField("putaran koreksi", default=1)
    nomor_registrasi = models.CharField("nomor registrasi", max_length=100, blank=True)
    tanggal_registrasi = models.DateField("tanggal registrasi", null=True, blank=True)
    status = FSMField("status", max_length=20, choices=S.choices, default=S.DRAF, protected=True)

    class Meta:
        verbose_name = "laporan perkembangan kependudukan"
        verbose_name_plural = "laporan perkembangan kependudukan"
        ordering = ["-tanggal_akhir", "jenis"]
        constraints = [
            models.UniqueConstraint(fields=["jenis", "tahun", "periode_ke"], name="laporan_penduduk_satu_per_periode")
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def periode(self) -> str:
        if self.jenis == JenisLaporanPenduduk.SEMESTER:
            return f"Semester {'I' * self.periode_ke} {self.tahun}"
        return f"{BULAN[self.periode_ke]} {self.tahun}"

    @property
    def nomor(self) -> str:
        kode = "LPK" if self.jenis == JenisLaporanPenduduk.SEMESTER else "DP3AK"
        return self.nomor_registrasi or f"{kode}-{self.tahun}-{self.periode_ke:02d}"

    @property
    def judul(self) -> str:
        nama = "Laporan perkembangan kependudukan" if self.jenis == JenisLaporanPenduduk.SEMESTER else "Laporan DP3AK"
        return f"{nama} {self.periode}"

    @property
    def semester(self) -> bool:
        return self.jenis == JenisLaporanPenduduk.SEMESTER

    def get_absolute_url(self) -> str:
        return reverse("piak:laporan-penduduk-detail", args=[self.pk])

    # --- transitions (run only through piak.services.laporan_penduduk) ------------------------

    @transition(field=status, source=S.DRAF, target=S.KABID, permission=requires(Aksi.LAPDUK_SUSUN))
    def ajukan(self) -> None: ...

    @transition(field=status, source=S.KABID, target=S.SEKRETARIS, permission=requires(Aksi.LAPDUK_KOREKSI))
    def koreksi(self) -> None: ...

    @transition(field=status, source=S.SEKRETARIS, target=S.TTE, permission=requires(Aksi.LAPDUK_PARAF))
    def paraf(self) -> None: ...

    @transition(
        field=status, source=[S.KABID, S.SEKRETARIS, S.TTE], target=S.DRAF, permission=requires_by_state(_KEMBALIKAN)
    )
    def kembalikan(self) -> None:
        self.putaran += 1

    @transition(field=status, source=S.TTE, target=S.CETAK, permission=requires(Aksi.TTE))
    def sign(self) -> None: ...

    @transition(field=status, source=S.CETAK, target=S.TTE, permission=SYSTEM)
    def signing_failed(self) -> None: ...

    @transition(field=status, source=S.CETAK, target=S.TERBIT, permission=SYSTEM)
    def terbitkan(self) -> None: ...

    @transition(field=status, source=S.TERBIT, target=S.TERDAFTAR, permission=requires(Aksi.LAPDUK_REGISTRASI))
    def registrasi(self) -> None: ...

    # --- Signable -----------------------------------------------------------------------------

    def signing_documents(self) -> list[DocumentSpec]:
        from ..documents.laporan_penduduk import render_signed

        return [DocumentSpec(DOKUMEN_JENIS, "Laporan Perkembangan Kependudukan", render_signed)]

    def signing_subject(self) -> str:
        return ""  # an aggregate report concerns nobody in particular

    def signing_completed(self, stored: dict, system, note: str) -> None:
        from dukcapil.workflow.services import record_transition

        record_transition(self, "terbitkan", system, note)
