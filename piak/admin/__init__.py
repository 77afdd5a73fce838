"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import gangguan, inovasi, kerjasama, operasional, pengaduan, permintaan_data, publikasi  # noqa: F401
