"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import kerjasama, permintaan_data  # noqa: F401
