"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import gangguan, kerjasama, pengaduan, permintaan_data, publikasi, update_data  # noqa: F401
