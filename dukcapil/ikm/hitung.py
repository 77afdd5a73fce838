"""The arithmetic of Permenpan-RB No. 14 Tahun 2017, Lampiran Bab III (pengolahan data):

- nilai rata-rata per unsur (NRR) = jumlah nilai unsur / jumlah responden;
- NRR tertimbang = NRR × bobot, bobot = 1 / jumlah unsur = 1/9;
- IKM unit pelayanan = Σ NRR tertimbang (scale 1–4);
- IKM konversi = IKM unit × 25 (scale 25–100);
- mutu pelayanan from the nilai interval konversi: A (Sangat Baik) 88,31–100,00; B (Baik)
  76,61–88,30; C (Kurang Baik) 65,00–76,60; D (Tidak Baik) 25,00–64,99.

The regulation prints the bobot as 0,11; the exact ninth is used here so nine equal NRR give that
NRR back. The converted value is rounded to two decimals (half up) before it is graded, as the
intervals are written with two decimals: 88,305 is 88,31, grade A.

Source check: the regulation's body (Pasal 1, the survey at least once a year) was read at
https://puskaandriana.blogspot.com/2023/03/permenpan-no-14-th-2017-tentang-survey.html; its
Lampiran (the formula table and the questionnaire) was not found in a readable copy, so the
intervals and answer texts above follow the Lampiran as commonly reproduced in unit SKM reports
and should be checked against the official text by the office.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .choices import KODE_UNSUR

BOBOT = Decimal(1) / Decimal(len(KODE_UNSUR))
KONVERSI = Decimal(25)
DUA_DESIMAL = Decimal("0.01")


@dataclass(frozen=True)
class Mutu:
    huruf: str
    label: str
    batas_bawah: Decimal  # the lowest converted value of the grade


# highest first; the lowest interval starts at 25,00 (every answer 1)
MUTU = (
    Mutu("A", "Sangat Baik", Decimal("88.31")),
    Mutu("B", "Baik", Decimal("76.61")),
    Mutu("C", "Kurang Baik", Decimal("65.00")),
    Mutu("D", "Tidak Baik", Decimal("25.00")),
)


def dua_desimal(value: Decimal) -> Decimal:
    return value.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def nrr(jumlah_nilai: int, jumlah_responden: int) -> Decimal | None:
    """Nilai rata-rata of one unsur (None without respondents)."""
    if not jumlah_responden:
        return None
    return Decimal(jumlah_nilai) / Decimal(jumlah_responden)


def ikm_unit(nrr_per_unsur: list[Decimal]) -> Decimal:
    """Σ NRR × 1/9 (the nine NRR of one group of respondents)."""
    if len(nrr_per_unsur) != len(KODE_UNSUR):
        raise ValueError("IKM dihitung dari sembilan unsur")
    return sum((value * BOBOT for value in nrr_per_unsur), Decimal(0))


def konversi(nilai_ikm_unit: Decimal) -> Decimal:
    """IKM unit × 25, rounded to two decimals."""
    return dua_desimal(nilai_ikm_unit * KONVERSI)


def mutu(nilai_konversi: Decimal) -> Mutu:
    nilai = dua_desimal(Decimal(nilai_konversi))
    for grade in MUTU:
        if nilai >= grade.batas_bawah:
            return grade
    return MUTU[-1]


def format_angka(value: Decimal | None, places: int = 2) -> str:
    """Indonesian decimal comma: 3,25."""
    if value is None:
        return "-"
    q = Decimal(1).scaleb(-places)
    return (
        f"{Decimal(value).quantize(q, rounding=ROUND_HALF_UP):,.{places}f}".replace(",", "_")
        .replace(".", ",")
        .replace("_", ".")
    )
