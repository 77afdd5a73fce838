"""Checking an uploaded scan (tanda terima, scanned letters): PDF or image by its content, within the
configured size limit (settings.SEKRETARIAT_UPLOAD_MAX_MB, default 5)."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

ALLOWED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def max_bytes() -> int:
    return int(getattr(settings, "SEKRETARIAT_UPLOAD_MAX_MB", 5)) * 1024 * 1024


def validate_scan(upload) -> str:
    """The file's real extension; ValidationError with an Indonesian message otherwise."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(f"Berkas terlalu besar ({upload.size / 1048576:.1f} MB); batasnya {limit // 1048576} MB.")
    upload.seek(0)
    kind = filetype.guess(upload.read(262))
    upload.seek(0)
    if kind is None or kind.mime not in ALLOWED:
        raise ValidationError("Berkas harus berupa PDF, JPG, atau PNG (isi berkas diperiksa, bukan hanya namanya).")
    try:
        if kind.mime == "application/pdf":
            from pypdf import PdfReader

            if len(PdfReader(upload).pages) < 1:
                raise ValueError("no pages")
        else:
            from PIL import Image

            with Image.open(upload) as image:
                image.verify()
    except Exception as exc:  # any parser error means the file cannot be opened
        raise ValidationError("Berkas rusak atau tidak dapat dibuka; pindai ulang lalu unggah kembali.") from exc
    finally:
        upload.seek(0)
    return ALLOWED[kind.mime]
