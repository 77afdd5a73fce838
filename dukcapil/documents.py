"""Shared PDF helpers for Dukcapil documents and the counter receipt (resi).

All render functions are pure: they take plain dataclasses and return PDF
bytes. They never touch the database or the file system. Text printed on the
documents is in Bahasa Indonesia.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from xml.sax.saxutils import escape

import segno
from django.utils import timezone, translation
from django.utils.formats import date_format
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

__all__ = [
    "JAKARTA_TZ",
    "OfficeHeader",
    "ResiDocument",
    "draw_kop",
    "draw_qr",
    "fit_font_size",
    "format_tanggal",
    "format_tanggal_waktu",
    "kop_height",
    "render_resi_pdf",
]

JAKARTA_TZ = zoneinfo.ZoneInfo("Asia/Jakarta")

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


# --------------------------------------------------------------------------
# Data contract
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeHeader:
    nama_dinas: str  # e.g. "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
    pemerintah: str  # e.g. "PEMERINTAH KABUPATEN BINTAN"
    alamat: str  # office address, one line
    kabupaten_kota: str  # e.g. "Kabupaten Bintan"
    tempat_terbit: str  # e.g. "Bintan"
    kepala_dinas_nama: str
    kepala_dinas_nip: str


@dataclass(frozen=True)
class ResiDocument:
    office: OfficeHeader
    nomor_registrasi: str  # e.g. "KK-261121-0007"
    layanan: str  # e.g. "Penerbitan Kartu Keluarga (KK)"
    tanggal_terima: datetime  # aware
    pemohon_nama: str
    pemohon_nik_masked: str  # already masked, e.g. "3171**********0001"
    persyaratan_diserahkan: list[str]
    perkiraan_selesai: date | None  # None -> "tidak ditetapkan"
    petugas: str  # name of the front-office officer
    status_url: str  # public URL where the citizen checks status


# --------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------


def format_tanggal(value: date | datetime | None, empty: str = "-") -> str:
    """Format a date in Indonesian, e.g. ``21 November 2026``.

    Aware datetimes are converted to Asia/Jakarta first so the calendar day
    matches the WIB time printed elsewhere.
    """
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = _to_jakarta(value)
    with translation.override("id"):
        return date_format(value, "j F Y")


def format_tanggal_waktu(value: datetime) -> str:
    """Format an aware datetime in WIB, e.g. ``21 November 2026, pukul 14.05 WIB``."""
    local = _to_jakarta(value)
    with translation.override("id"):
        tanggal = date_format(local, "j F Y")
    return f"{tanggal}, pukul {local:%H.%M} WIB"


def _to_jakarta(value: datetime) -> datetime:
    if timezone.is_naive(value):
        # Contract says aware; a naive value is taken to be local office time.
        return value.replace(tzinfo=JAKARTA_TZ)
    return timezone.localtime(value, JAKARTA_TZ)


def fit_font_size(text: str, font: str, max_size: float, max_width: float, min_size: float = 5.0) -> float:
    """Largest font size <= ``max_size`` at which ``text`` fits ``max_width``."""
    width = stringWidth(text, font, max_size)
    if width <= max_width or width == 0:
        return max_size
    return max(min_size, max_size * max_width / width)


# --------------------------------------------------------------------------
# QR code (segno's module matrix drawn as vector runs: crisp at any zoom and
# several times faster than encoding and embedding a PNG)
# --------------------------------------------------------------------------


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw a square QR code of ``data`` (never micro) with its lower-left corner at (x, y)."""
    matrix = [tuple(row) for row in segno.make(data, error="m", micro=False).matrix]
    modules = len(matrix)
    unit = size / modules
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * unit
        c = 0
        while c < modules:
            if row[c]:
                start = c
                while c < modules and row[c]:
                    c += 1
                path.rect(x + start * unit, top, (c - start) * unit, unit)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, fill=1, stroke=0)
    canvas.restoreState()


class QRFlowable(Flowable):
    """A QR code as a platypus flowable (for layouts built from tables)."""

    def __init__(self, data: str, size: float):
        super().__init__()
        self.data, self.size = data, size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.data, 0, 0, self.size)


# --------------------------------------------------------------------------
# Kop (letterhead)
# --------------------------------------------------------------------------

_KOP_PEMERINTAH_SIZE = 10.0
_KOP_DINAS_SIZE = 11.5
_KOP_ALAMAT_SIZE = 7.5


def _kop_alamat_lines(office: OfficeHeader, width: float) -> list[str]:
    return simpleSplit(office.alamat, FONT, _KOP_ALAMAT_SIZE, width) or [""]


def kop_height(office: OfficeHeader, width: float) -> float:
    """Height in points that :func:`draw_kop` uses for the given width."""
    n_alamat = len(_kop_alamat_lines(office, width))
    return 12 + 14 + n_alamat * 9.5 + 8


def draw_kop(canvas: Canvas, office: OfficeHeader, x: float, y_top: float, width: float) -> float:
    """Draw the office letterhead centred between x and x+width.

    Returns the y coordinate just below the double rule line.
    """
    cx = x + width / 2
    y = y_top - _KOP_PEMERINTAH_SIZE
    size = fit_font_size(office.pemerintah.upper(), FONT_BOLD, _KOP_PEMERINTAH_SIZE, width)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(cx, y, office.pemerintah.upper())

    y -= 14
    size = fit_font_size(office.nama_dinas.upper(), FONT_BOLD, _KOP_DINAS_SIZE, width)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(cx, y, office.nama_dinas.upper())

    canvas.setFont(FONT, _KOP_ALAMAT_SIZE)
    for line in _kop_alamat_lines(office, width):
        y -= 9.5
        canvas.drawCentredString(cx, y, line)

    # Classic Indonesian kop: thick rule with a thin rule under it.
    y -= 5
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(1.6)
    canvas.line(x, y, x + width, y)
    canvas.setLineWidth(0.5)
    canvas.line(x, y - 2.5, x + width, y - 2.5)
    return y_top - kop_height(office, width)


class _KopFlowable(Flowable):
    def __init__(self, office: OfficeHeader):
        super().__init__()
        self.office = office

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = kop_height(self.office, avail_width)
        return self.width, self.height

    def draw(self):
        draw_kop(self.canv, self.office, 0, self.height, self.width)


# --------------------------------------------------------------------------
# Resi (receipt) — A5 portrait
# --------------------------------------------------------------------------

RESI_PAGE_SIZE = A5
_RESI_MARGIN = 12 * mm

_STYLE_BASE = ParagraphStyle("resi-base", fontName=FONT, fontSize=8.5, leading=10.5)
_STYLE_LABEL = ParagraphStyle("resi-label", parent=_STYLE_BASE)
_STYLE_VALUE = ParagraphStyle("resi-value", parent=_STYLE_BASE, fontName=FONT_BOLD)
_STYLE_TITLE = ParagraphStyle(
    "resi-title",
    parent=_STYLE_BASE,
    fontName=FONT_BOLD,
    fontSize=12,
    leading=14.5,
    alignment=TA_CENTER,
)
_STYLE_SUBTITLE = ParagraphStyle(
    "resi-subtitle",
    parent=_STYLE_BASE,
    fontName=FONT_BOLD,
    fontSize=10,
    leading=12,
    alignment=TA_CENTER,
)
_STYLE_SMALL = ParagraphStyle("resi-small", parent=_STYLE_BASE, fontSize=7.5, leading=9.5)
_STYLE_SMALL_CENTER = ParagraphStyle("resi-small-c", parent=_STYLE_SMALL, alignment=TA_CENTER)
_STYLE_LIST = ParagraphStyle(
    "resi-list",
    parent=_STYLE_BASE,
    leftIndent=16,
    bulletIndent=2,
    alignment=TA_LEFT,
    bulletFontName=FONT,
    bulletFontSize=8.5,
)
_STYLE_QR_CAPTION = ParagraphStyle("resi-qr-caption", parent=_STYLE_SMALL_CENTER, fontSize=6.5, leading=8)
_STYLE_SIGN = ParagraphStyle("resi-sign", parent=_STYLE_BASE, alignment=TA_CENTER)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _nomor_registrasi_box(nomor: str, width: float) -> Table:
    size = fit_font_size(nomor, FONT_BOLD, 24, width - 16, min_size=12)
    style_nomor = ParagraphStyle(
        "resi-nomor",
        fontName=FONT_BOLD,
        fontSize=size,
        leading=size * 1.15,
        alignment=TA_CENTER,
    )
    table = Table(
        [[_p("NOMOR REGISTRASI", _STYLE_SMALL_CENTER)], [_p(nomor, style_nomor)]],
        colWidths=[width],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.94, 0.94, 0.94)),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 7),
            ]
        )
    )
    return table


def _field_table(rows: list[tuple[str, str]], width: float) -> Table:
    label_w = 30 * mm
    colon_w = 3 * mm
    data = [[_p(label, _STYLE_LABEL), _p(":", _STYLE_LABEL), _p(value, _STYLE_VALUE)] for label, value in rows]
    table = Table(data, colWidths=[label_w, colon_w, width - label_w - colon_w])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _qr_and_instruction(doc: ResiDocument, width: float) -> Table:
    qr_size = 27 * mm
    qr = QRFlowable(doc.status_url, qr_size)
    instruction = Paragraph(
        "<b>Bawa resi ini saat pengambilan dokumen.</b> Cek status: "
        f"<font name='{FONT_BOLD}'>{escape(doc.status_url)}</font> "
        "(masukkan nomor registrasi dan NIK)",
        _STYLE_BASE,
    )
    note = _p(
        "Pindai kode QR di samping untuk membuka halaman cek status. "
        "Jangan berikan resi ini kepada orang lain; pengambilan dokumen oleh "
        "orang lain wajib membawa surat kuasa.",
        _STYLE_SMALL,
    )
    table = Table(
        [[[qr, Spacer(1, 2), _p("Pindai untuk cek status", _STYLE_QR_CAPTION)], [instruction, Spacer(1, 4), note]]],
        colWidths=[qr_size + 8, width - qr_size - 8],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 4),
                ("RIGHTPADDING", (0, 0), (0, 0), 4),
                ("LEFTPADDING", (1, 0), (1, 0), 6),
                ("RIGHTPADDING", (1, 0), (1, 0), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _signature_block(doc: ResiDocument, width: float) -> Table:
    tempat = f"{doc.office.tempat_terbit}, {format_tanggal(doc.tanggal_terima)}"
    name_style = ParagraphStyle("resi-sign-name", parent=_STYLE_SIGN, fontName=FONT_BOLD)
    block = [
        _p(tempat, _STYLE_SIGN),
        _p("Petugas Loket,", _STYLE_SIGN),
        Spacer(1, 30),
        Paragraph(f"<u>{escape(doc.petugas)}</u>", name_style),
    ]
    col = 62 * mm
    table = Table([["", block]], colWidths=[width - col, col])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def render_resi_pdf(doc: ResiDocument) -> bytes:
    """Render the counter receipt (A5 portrait) and return the PDF bytes."""
    buf = BytesIO()
    page_w, page_h = RESI_PAGE_SIZE
    width = page_w - 2 * _RESI_MARGIN

    def on_page(canvas: Canvas, template: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 6.5)
        canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
        canvas.drawString(_RESI_MARGIN, 7 * mm, f"Resi {doc.nomor_registrasi}")
        if canvas.getPageNumber() > 1:
            canvas.drawRightString(page_w - _RESI_MARGIN, 7 * mm, f"Halaman {canvas.getPageNumber()}")
        canvas.restoreState()

    template = BaseDocTemplate(
        buf,
        pagesize=RESI_PAGE_SIZE,
        leftMargin=_RESI_MARGIN,
        rightMargin=_RESI_MARGIN,
        topMargin=10 * mm,
        bottomMargin=11 * mm,
        title=f"Resi {doc.nomor_registrasi}",
        author=doc.office.nama_dinas,
        subject=f"Tanda bukti pengajuan {doc.layanan}",
        creator="Dukcapil",
    )
    frame = Frame(
        template.leftMargin,
        template.bottomMargin,
        width,
        page_h - template.topMargin - template.bottomMargin,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate(id="resi", frames=[frame], onPage=on_page)])

    perkiraan = format_tanggal(doc.perkiraan_selesai) if doc.perkiraan_selesai is not None else "tidak ditetapkan"
    fields = [
        ("Jenis Layanan", doc.layanan),
        ("Tanggal/Jam Terima", format_tanggal_waktu(doc.tanggal_terima)),
        ("Nama Pemohon", doc.pemohon_nama),
        ("NIK Pemohon", doc.pemohon_nik_masked),
        ("Perkiraan Selesai", perkiraan),
    ]

    story: list[Flowable] = [
        _KopFlowable(doc.office),
        Spacer(1, 7),
        _p("TANDA BUKTI PENGAJUAN", _STYLE_TITLE),
        _p("RESI PENGAMBILAN DOKUMEN", _STYLE_SUBTITLE),
        Spacer(1, 7),
        _nomor_registrasi_box(doc.nomor_registrasi, width),
        Spacer(1, 8),
        _field_table(fields, width),
        Spacer(1, 6),
        _p("Persyaratan yang diserahkan:", _STYLE_LABEL),
        Spacer(1, 2),
    ]
    if doc.persyaratan_diserahkan:
        for i, item in enumerate(doc.persyaratan_diserahkan, start=1):
            story.append(Paragraph(escape(item), _STYLE_LIST, bulletText=f"{i}."))
    else:
        story.append(Paragraph("(tidak ada dokumen yang diserahkan)", _STYLE_LIST))
    story += [
        Spacer(1, 9),
        KeepTogether(
            [
                _qr_and_instruction(doc, width),
                Spacer(1, 9),
                _signature_block(doc, width),
            ]
        ),
    ]
    template.build(story)
    return buf.getvalue()
