"""Aggregates the statistics pages share: the continuous percentile (median, p90).

On PostgreSQL ``percentile_cont(f) WITHIN GROUP (ORDER BY expr)``; on SQLite (the demo started
without a ``DATABASE_URL``) the same interpolation as a Python aggregate registered on each new
connection (``register_sqlite_functions``)."""

import math

from django.db.models import DurationField
from django.db.models.aggregates import Aggregate


def percentile_cont(values: list[float], fraksi: float) -> float | None:
    """Linear interpolation between the values at floor and ceil of fraksi × (n − 1), as PostgreSQL."""
    if not values:
        return None
    values = sorted(values)
    pos = fraksi * (len(values) - 1)
    low, high = math.floor(pos), math.ceil(pos)
    return values[low] + (values[high] - values[low]) * (pos - low)


class Persentil(Aggregate):
    """The continuous percentile of a duration (or a number with ``output_field``); NULLs are ignored."""

    function = "PERCENTILE_CONT"
    name = "Persentil"
    template = "%(function)s(%(fraksi)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()

    def __init__(self, expression, fraksi: float, **extra):
        if not 0 <= fraksi <= 1:
            raise ValueError("fraksi harus antara 0 dan 1")
        super().__init__(expression, fraksi=float(fraksi), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, function="persentil", template="%(function)s(%(expressions)s, %(fraksi)s)",
            **extra_context,
        )  # fmt: skip


def Median(expression, **extra) -> Persentil:  # noqa: N802 (reads as the aggregate it builds)
    return Persentil(expression, 0.5, **extra)


class _SqlitePersentil:
    def __init__(self):
        self.values: list[float] = []
        self.fraksi = 0.5

    def step(self, value, fraksi):
        self.fraksi = fraksi
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return percentile_cont(self.values, self.fraksi)


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: the percentile aggregate on SQLite connections."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("persentil", 2, _SqlitePersentil)
