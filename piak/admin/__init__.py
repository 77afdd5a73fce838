"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from . import (  # noqa: F401
    distribusi_blangko,
    gangguan,
    inovasi,
    kerjasama,
    operasional,
    pengaduan,
    permintaan_data,
    publikasi,
    sosialisasi,
    update_data,
)
