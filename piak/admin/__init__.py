"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import gangguan  # noqa: F401
