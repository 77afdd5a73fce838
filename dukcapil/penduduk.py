"""What the core asks of the population register, without importing it.

``pendaftaran`` (which owns the register) plugs its reads in from its ``AppConfig.ready()``; the core
only calls the functions below."""

from collections.abc import Callable

_household_niks: Callable[[str], frozenset[str] | None] | None = None


def set_household_lookup(lookup: Callable[[str], frozenset[str] | None]) -> None:
    global _household_niks
    _household_niks = lookup


def household_niks(nik: str) -> frozenset[str] | None:
    """The NIKs of the active members of the KK the person ``nik`` belongs to; None when the register
    does not hold that person in an active KK (or no register is installed)."""
    if _household_niks is None:
        return None
    return _household_niks(nik)
