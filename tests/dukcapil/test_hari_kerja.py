from datetime import date

import pytest

from dukcapil.hari_kerja import add_hari_kerja, hari_kerja_between, is_hari_kerja
from dukcapil.models import HariLibur


def test_weekends_are_skipped():
    friday = date(2026, 11, 20)
    assert add_hari_kerja(friday, 1, closures=set()) == date(2026, 11, 23)  # Monday
    assert add_hari_kerja(friday, 3, closures=set()) == date(2026, 11, 25)


def test_national_holidays_from_the_holidays_package_are_skipped():
    assert not is_hari_kerja(date(2026, 8, 17))  # Hari Kemerdekaan, a Monday
    friday = date(2026, 8, 14)
    assert add_hari_kerja(friday, 1, closures=set()) == date(2026, 8, 18)
    # Christmas on Friday 25 December 2026
    assert add_hari_kerja(date(2026, 12, 24), 1, closures=set()) == date(2026, 12, 28)


@pytest.mark.django_db
def test_cuti_bersama_entered_in_admin_is_skipped():
    HariLibur.objects.create(
        tanggal=date(2026, 12, 24), jenis=HariLibur.Jenis.CUTI_BERSAMA, keterangan="Cuti bersama Hari Raya Natal"
    )
    wednesday = date(2026, 12, 23)
    assert add_hari_kerja(wednesday, 1) == date(2026, 12, 28)  # Thu cuti bersama, Fri Natal, weekend
    assert hari_kerja_between(wednesday, date(2026, 12, 31)) == 4  # 28, 29, 30, 31


def test_zero_days_is_the_same_day():
    assert add_hari_kerja(date(2026, 11, 23), 0, closures=set()) == date(2026, 11, 23)
