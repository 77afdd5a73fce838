from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sekretariat.kepegawaian_nip import format_nip, urai_nip


def test_a_valid_nip_gives_birth_date_tmt_cpns_sex_and_serial():
    urai = urai_nip("198505122010012003")
    assert urai.tanggal_lahir == date(1985, 5, 12)
    assert urai.tmt_cpns == date(2010, 1, 1)
    assert urai.jenis_kelamin == "P"
    assert urai.nomor_urut == 3
    assert urai.pppk is False
    assert format_nip("198505122010012003") == "19850512 201001 2 003"


def test_a_pppk_nip_carries_the_code_21_in_place_of_the_month():
    urai = urai_nip("199002142022211004")
    assert urai.pppk is True
    assert urai.tmt_cpns == date(2022, 1, 1)
    assert urai.jenis_kelamin == "L"


@pytest.mark.parametrize(
    ("nip", "words"),
    [
        ("198502302010011001", "30-02-1985"),  # 30 February
        ("198513012010011001", "bukan tanggal lahir"),  # month 13
        ("198505122010131001", "bulan TMT CPNS «13»"),
        ("198505121995011001", "tahun TMT CPNS 1995"),  # CPNS at ten years old
        ("198505122010013001", "jenis kelamin"),
        ("19850512201001100", "18 angka"),
        ("19850512201001100x", "18 angka"),
    ],
)
def test_a_nip_that_does_not_decode_is_refused_with_what_is_wrong(nip, words):
    with pytest.raises(ValidationError) as exc:
        urai_nip(nip)
    assert words in exc.value.messages[0]
