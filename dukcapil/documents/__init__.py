"""Shared PDF layouts for Dukcapil documents.

- :mod:`.common`: Indonesian dates, text fitting, the QR code and the kop (letterhead);
- :mod:`.resi`: the counter receipt (resi);
- :mod:`.letter`: the official letter every bidang issues (surat dinas, surat keterangan);
- :mod:`.kutipan`: the national kutipan akta form (Garuda, bilingual fixed fields, TTE and QR).

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
    DrawingCache,
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
    tanggal_terbilang,
    upper_or,
)
from .kutipan import Baris, KutipanAkta, render_kutipan
from .letter import Bagian, Penandatangan, Surat, Tabel, render_surat, signature_block
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
    "Baris",
    "DrawingCache",
    "KutipanAkta",
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
    "render_kutipan",
    "render_surat",
    "signature_block",
    "tanggal_terbilang",
    "upper_or",
]
