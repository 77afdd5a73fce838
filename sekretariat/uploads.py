"""Checking an uploaded scan: its real type from its bytes (filetype), that it opens (pypdf /
Pillow) and its size against ``settings.SEKRETARIAT_UPLOAD_MAX_MB``."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

JENIS_DITERIMA = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def batas_unggah_mb() -> int:
    return int(getattr(settings, "SEKRETARIAT_UPLOAD_MAX_MB", 10))


def periksa_pindaian(upload, what: str = "Pindaian surat", limit_mb: int | None = None) -> str:
    """The file's extension if it is a PDF, JPEG or PNG that opens and is within the limit
    (``limit_mb``, else the Sekretariat's); otherwise ValidationError with an Indonesian message."""
    limit = limit_mb or batas_unggah_mb()
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(f"{what} terlalu besar (maksimal {limit} MB).")
    upload.seek(0)
    kind = filetype.guess(upload.read(262))
    upload.seek(0)
    ext = JENIS_DITERIMA.get(kind.mime) if kind else None
    if ext is None:
        raise ValidationError(f"{what} harus berupa PDF, JPEG, atau PNG.")
    try:
        if ext == "pdf":
            reader = PdfReader(upload)
            if not reader.pages:
                raise ValidationError(f"{what} (PDF) tidak memiliki halaman.")
        else:
            with Image.open(upload) as image:
                image.verify()
    except (PdfReadError, UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError(f"{what} rusak atau tidak dapat dibuka.") from exc
    finally:
        upload.seek(0)
    return ext
