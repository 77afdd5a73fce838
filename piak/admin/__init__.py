"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import distribusi_blangko, gangguan, kerjasama, pengaduan, permintaan_data, publikasi  # noqa: F401
