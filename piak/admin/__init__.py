"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import kerjasama, pengaduan, permintaan_data, publikasi  # noqa: F401  # noqa: F401
