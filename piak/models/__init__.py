"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from .gangguan import *  # noqa: F403
