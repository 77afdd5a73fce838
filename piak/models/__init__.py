"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from .pengaduan import *  # noqa: F403
from .publikasi import *  # noqa: F403
