"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from .laporan_penduduk import *  # noqa: F401,F403
