"""Indonesian working days: Monday–Friday minus national holidays (``holidays``, Indonesia)
and the office's own closures (cuti bersama, kantor tutup) entered in admin as HariLibur."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _national_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("ID", years=year)


def office_closures(start: date, end: date) -> set[date]:
    from .models import HariLibur

    return set(HariLibur.objects.filter(tanggal__range=(start, end)).values_list("tanggal", flat=True))


def is_hari_kerja(day: date, closures: set[date] | frozenset = frozenset()) -> bool:
    return day.weekday() < 5 and day not in _national_holidays(day.year) and day not in closures


def add_hari_kerja(start: date, days: int, closures: set[date] | None = None) -> date:
    """The date on which ``days`` working days after ``start`` have passed (0: ``start`` itself)."""
    if closures is None:
        # generous window: every 5 working days span at most ~2 calendar weeks around holidays
        closures = office_closures(start, start + timedelta(days=days * 3 + 30))
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_hari_kerja(current, closures):
            remaining -= 1
    return current


def hari_kerja_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    closures = office_closures(start, end)
    return sum(1 for n in range(1, (end - start).days + 1) if is_hari_kerja(start + timedelta(days=n), closures))
