"""Shared input checks: names as SIAK takes them, plausible birth dates, phone numbers."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dukcapil.demo import make_nik
from dukcapil.nik import nik_mismatches
from dukcapil.validators import NamaField, validate_nama, validate_telepon


@pytest.mark.parametrize("born", [date(2031, 8, 17), date(1800, 8, 17), date(1, 8, 17)], ids=["2031", "1800", "1"])
def test_nik_check_refuses_a_birth_date_in_the_future_or_impossibly_old(born):
    nik = make_nik(born, "L", 1)
    problems = nik_mismatches(nik, born, "L")
    assert problems and all("Tanggal lahir" in p for p in problems)


def test_nik_check_accepts_a_plausible_birth_date_of_either_century():
    for born in (date(1925, 3, 4), date(2020, 3, 4), timezone.localdate() - timedelta(days=3)):
        assert nik_mismatches(make_nik(born, "P", 1), born, "P") == []


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("siti aminah", "SITI AMINAH"), ("  o'neil  jr. ", "O'NEIL JR."), ("Nur-Hayati, S.Pd", "NUR-HAYATI, S.PD")],
)
def test_nama_accepts_what_siak_accepts_upper_cased(typed, stored):
    assert validate_nama(typed) == stored
    assert NamaField().clean(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["BUDI 😀", "BUDI\u202eITNAS", "BUDI\u200bSANTOSO", "BUDI\x00", "Иван", "محمد", "李", "<script>", "...", "BUDI1"],
    ids=["emoji", "rtl-override", "zero-width", "nul", "cyrillic", "arabic", "han", "tag", "punctuation", "digit"],
)
def test_nama_refuses_other_characters_with_a_message(typed):
    with pytest.raises(ValidationError) as exc:
        validate_nama(typed)
    assert "huruf latin" in exc.value.messages[0] or "wajib" in exc.value.messages[0]


def test_telepon_allows_digits_spaces_plus_and_dash_only():
    validate_telepon("+62 812-7700-1234")
    with pytest.raises(ValidationError):
        validate_telepon("0812<script>")
