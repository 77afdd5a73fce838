"""Shared PDF layouts for Dukcapil documents.

- :mod:`.common`: Indonesian dates, text fitting, the QR code and the kop (letterhead);
- :mod:`.resi`: the counter receipt (resi);
- :mod:`.letter`: the official letter every bidang issues (surat dinas, surat keterangan, kutipan).

All render functions are pure: they take plain dataclasses and return PDF bytes. They never touch
the database or the file system. Every name is importable from ``dukcapil.documents`` itself.
"""

from .common import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    JABATAN_KEPALA_DINAS,
    JAKARTA_TZ,
    TTE_CAPTION,
    KopFlowable,
    OfficeHeader,
    QRFlowable,
    draw_kop,
    draw_qr,
    fit_font_size,
    format_tanggal,
    format_tanggal_waktu,
    kop_height,
    para,
    upper_or,
)
from .letter import Bagian, Penandatangan, Surat, Tabel, render_surat
from .resi import RESI_PAGE_SIZE, ResiDocument, render_resi_pdf

__all__ = [
    "FONT",
    "FONT_BOLD",
    "FONT_ITALIC",
    "JABATAN_KEPALA_DINAS",
    "JAKARTA_TZ",
    "RESI_PAGE_SIZE",
    "TTE_CAPTION",
    "Bagian",
    "KopFlowable",
    "OfficeHeader",
    "Penandatangan",
    "QRFlowable",
    "ResiDocument",
    "Surat",
    "Tabel",
    "draw_kop",
    "draw_qr",
    "fit_font_size",
    "format_tanggal",
    "format_tanggal_waktu",
    "kop_height",
    "para",
    "render_resi_pdf",
    "render_surat",
    "upper_or",
]
