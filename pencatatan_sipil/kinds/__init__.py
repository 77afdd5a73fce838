"""The sixteen civil-registration services, one ``AktaKind`` subclass each (see ``base``).

Importing this package registers them all (``PencatatanSipilConfig.ready``)."""

from . import anak, catatan, kelahiran, kematian, kutipan_kedua, pembatalan, pembetulan, perkawinan  # noqa: F401
from .base import AktaKind

__all__ = ["AktaKind"]
