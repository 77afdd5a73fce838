"""Celery tasks of the Sekretariat (one module per process; autodiscovered through this package)."""

from .perencanaan import *  # noqa: F403
