"""Reads of Anjab/ABK and the programme of pengembangan SDM, with the ABK table per round."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from ..models.anjab import IsianAnjab, ProgramSdm, PutaranAnjab, UraianTugas, kebutuhan_pegawai, waktu_kerja_efektif
from ..models.kepegawaian import Jabatan, Pegawai


def angka(value: Decimal) -> str:
    """Indonesian notation with two decimals: 47.760,00."""
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@dataclass
class BarisAbk:
    isian: IsianAnjab
    total_menit: Decimal
    kebutuhan: Decimal
    ada: int

    @property
    def jabatan(self) -> Jabatan:
        return self.isian.jabatan

    @property
    def selisih(self) -> Decimal:
        """Existing minus needed: negative = kurang, positive = lebih."""
        return Decimal(self.ada) - self.kebutuhan

    @property
    def selisih_label(self) -> str:
        if self.selisih < 0:
            return f"kurang {angka(-self.selisih)}"
        if self.selisih > 0:
            return f"lebih {angka(self.selisih)}"
        return "sesuai"


def putaran_list() -> QuerySet[PutaranAnjab]:
    return PutaranAnjab.objects.annotate(
        jumlah_isian=Count("isian"), terverifikasi=Count("isian", filter=Q(isian__status="terverifikasi"))
    )


def isian_of(putaran: PutaranAnjab) -> QuerySet[IsianAnjab]:
    return putaran.isian.select_related("jabatan").prefetch_related(
        Prefetch("uraian", queryset=UraianTugas.objects.order_by("urutan"))
    )


def abk_rows(putaran: PutaranAnjab) -> list[BarisAbk]:
    """One row per jabatan of the round: Σ(volume × norma waktu), kebutuhan pegawai, pegawai aktif."""
    isian = list(isian_of(putaran))
    counts = dict(
        Pegawai.objects.filter(aktif=True, jabatan_id__in=[i.jabatan_id for i in isian])
        .values_list("jabatan_id")
        .annotate(n=Count("pk"))
        .values_list("jabatan_id", "n")
    )
    wke = waktu_kerja_efektif()
    rows = []
    for i in isian:
        uraian = list(i.uraian.all())
        total = sum((u.waktu_penyelesaian for u in uraian), Decimal(0))
        rows.append(BarisAbk(i, total, kebutuhan_pegawai(uraian, wke), counts.get(i.jabatan_id, 0)))
    return rows


def program_list(*, tahun: int | None = None, pegawai_id: int | None = None) -> QuerySet[ProgramSdm]:
    qs = ProgramSdm.objects.prefetch_related(
        Prefetch("peserta", queryset=Pegawai.objects.only("pk", "nama", "gelar_depan", "gelar_belakang"))
    )
    if tahun:
        qs = qs.filter(tanggal__year=tahun)
    if pegawai_id:
        qs = qs.filter(peserta__pk=pegawai_id)
    return qs
