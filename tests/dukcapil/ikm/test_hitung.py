"""The IKM arithmetic of Permenpan-RB 14/2017 against a worked example computed by hand."""

from decimal import Decimal

import pytest

from dukcapil.ikm import hitung
from dukcapil.ikm.selectors import indeks

# four questionnaires, U1..U9 each
JAWABAN = [
    (4, 4, 3, 4, 3, 3, 4, 2, 3),
    (3, 3, 2, 4, 3, 3, 3, 2, 3),
    (3, 4, 2, 4, 4, 4, 4, 3, 3),
    (4, 3, 3, 4, 3, 4, 4, 3, 2),
]
# by hand: sums per unsur 14, 14, 10, 16, 13, 14, 15, 10, 11; NRR = sum / 4
NRR_TANGAN = ["3.50", "3.50", "2.50", "4.00", "3.25", "3.50", "3.75", "2.50", "2.75"]
# Σ NRR = 29.25; IKM unit = 29.25 / 9 = 3.25; converted 3.25 × 25 = 81.25 → B (Baik)


def test_the_worked_example_gives_the_hand_computed_nrr_ikm_and_grade():
    sums = {f"u{i}": sum(row[i - 1] for row in JAWABAN) for i in range(1, 10)}
    hasil = indeks("contoh", len(JAWABAN), sums)

    assert [u.jumlah_nilai for u in hasil.unsur] == [14, 14, 10, 16, 13, 14, 15, 10, 11]
    assert [u.nrr for u in hasil.unsur] == [Decimal(v) for v in NRR_TANGAN]
    assert hasil.ikm_unit == Decimal("3.25")
    assert hasil.ikm == Decimal("81.25")
    assert (hasil.mutu.huruf, hasil.mutu.label) == ("B", "Baik")
    # the two lowest NRR (2,50) are both marked as the weakest unsur
    assert [u.nama for u in hasil.terendah] == ["Waktu penyelesaian", "Penanganan pengaduan, saran dan masukan"]
    # weighted NRR: NRR × 1/9, e.g. U4 4,00 / 9 = 0,444…
    assert hitung.format_angka(hasil.unsur[3].nrr_tertimbang, 3) == "0,444"


def test_every_answer_four_is_100_and_every_answer_one_is_25():
    assert hitung.konversi(hitung.ikm_unit([Decimal(4)] * 9)) == Decimal("100.00")
    assert hitung.konversi(hitung.ikm_unit([Decimal(1)] * 9)) == Decimal("25.00")
    assert hitung.mutu(Decimal("25.00")).huruf == "D"


@pytest.mark.parametrize(
    ("nilai", "huruf", "label"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.305", "A", "Sangat Baik"),  # rounds half up to 88,31
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
    ],
)
def test_grade_boundaries_of_the_nilai_interval_konversi(nilai, huruf, label):
    grade = hitung.mutu(Decimal(nilai))
    assert (grade.huruf, grade.label) == (huruf, label)


def test_no_respondents_gives_no_index():
    hasil = indeks("kosong", 0, {})
    assert hasil.ikm is None and hasil.mutu is None and hasil.terendah == []


def test_indonesian_decimal_comma():
    assert hitung.format_angka(Decimal("81.25")) == "81,25"
    assert hitung.format_angka(Decimal("1234.5")) == "1.234,50"
