"""Celery tasks of PIAK (one module per process; autodiscovered through this package)."""

from .kerjasama import *  # noqa: F403
