from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dukcapil.nik import clean_nik, mask_nama, mask_nik, nik_mismatches


def test_valid_nik_is_accepted_and_compacted():
    assert clean_nik("3171 0117 0845 0001") == "3171011708450001"


INVALID_NIK = "NIK tidak valid: kode wilayah atau tanggal lahir di dalam NIK tidak benar."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("317101170845", "NIK harus 16 digit angka."),
        ("31710117084500AB", "NIK hanya boleh berisi angka."),
        ("9971011708450001", INVALID_NIK),  # province 99 does not exist
        ("3171013213450001", INVALID_NIK),  # month 13
    ],
    ids=["terlalu-pendek", "bukan-angka", "provinsi-99", "bulan-13"],
)
def test_invalid_nik_gets_an_indonesian_message(value, message):
    with pytest.raises(ValidationError) as exc:
        clean_nik(value)
    assert exc.value.messages == [message]


def test_birth_date_and_sex_are_compared_with_what_the_nik_encodes():
    woman = "3171015708050001"  # day 57 = 17 + 40: a woman born 17-08-(19|20)05
    assert nik_mismatches(woman, date(2005, 8, 17), "P") == []
    # stdnum would guess 1905; only day, month and two-digit year are compared
    assert nik_mismatches(woman, date(1905, 8, 17), "P") == []
    assert nik_mismatches(woman, date(2005, 8, 18), "L") == [
        "Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 17-08-..05).",
        "Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan perempuan).",
    ]


def test_masking_hides_the_middle():
    assert mask_nik("3171011708450001") == "3171********0001"
    assert mask_nama("SITI AMINAH") == "S*** A*****"
