"""Indonesian working days: Monday–Friday minus national holidays (``holidays``, Indonesia)."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _national_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("ID", years=year)


def is_hari_kerja(day: date) -> bool:
    return day.weekday() < 5 and day not in _national_holidays(day.year)


def add_hari_kerja(start: date, days: int) -> date:
    """The date on which ``days`` working days after ``start`` have passed."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_hari_kerja(current):
            remaining -= 1
    return current
