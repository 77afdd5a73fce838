"""Building blocks every Dukcapil PDF shares: Indonesian dates, text fitting, the QR code and the kop.

Pure helpers: they never touch the database or the file system. Text printed on the documents is in
Bahasa Indonesia.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

import segno
from django.utils import timezone, translation
from django.utils.formats import date_format
from num2words import num2words
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

JAKARTA_TZ = zoneinfo.ZoneInfo("Asia/Jakarta")

JABATAN_KEPALA_DINAS = "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
# Printed beside the verification QR code on documents that go through the TTE step.
TTE_CAPTION = (
    "Dokumen ini ditandatangani secara elektronik. Pindai kode QR untuk memeriksa keaslian dan status dokumen."
)

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
# the data tables of the reports: thin grey grid, a grey header row (``repeatRows=1``), cells from the top
DATA_TABLE_STYLE = (
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
)
FONT_ITALIC = "Helvetica-Oblique"


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


def tanggal_terbilang(value: date) -> str:
    """A date in words as the kutipan akta writes it, e.g. ``dua puluh satu November dua ribu dua puluh enam``."""
    with translation.override("id"):
        bulan = date_format(value, "F")
    return f"{num2words(value.day, lang='id')} {bulan} {num2words(value.year, lang='id')}"


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


def upper_or(value: str, empty: str = "-") -> str:
    """``value`` in capitals as printed on the forms, or ``empty`` when it is blank."""
    value = (value or "").strip()
    return value.upper() if value else empty


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped, so ``&`` and ``<`` print as themselves)."""
    return Paragraph(escape(text), style)


# --------------------------------------------------------------------------
# Fixed parts of a page drawn once per process
# --------------------------------------------------------------------------


class DrawingCache:
    """The PDF drawing operations of a page's fixed parts (table frames, headings), recorded the
    first time a layout draws them in this process and written again as they are on every later
    page with the same ``key``, instead of laying them out again.

    The operations go between ``q`` and ``Q`` so they leave the page's graphics state as they found
    it. They may use only fonts the document has already set (their resource names are the
    document's): a drawing that sets a new font is drawn every time and not kept. Relies on
    reportlab's page buffer (``Canvas._code``) and font table (``_doc.fontMapping``)."""

    def __init__(self, size: int = 32):
        self._entries: dict[tuple, list[str] | None] = {}
        self._size = size

    def draw(self, canvas: Canvas, key: tuple, draw: Callable[[], None]) -> None:
        fonts = tuple(canvas._doc.fontMapping.items())
        key = (key, fonts)
        ops = self._entries.get(key)
        canvas.saveState()
        if ops is not None:
            canvas._code.extend(ops)
        else:
            start = len(canvas._code)
            draw()
            if key not in self._entries:
                if len(self._entries) >= self._size:
                    del self._entries[next(iter(self._entries))]
                same_fonts = tuple(canvas._doc.fontMapping.items()) == fonts
                self._entries[key] = canvas._code[start:] if same_fonts else None
        canvas.restoreState()

    def clear(self) -> None:
        self._entries.clear()


# --------------------------------------------------------------------------
# QR code (segno's module matrix drawn as vector runs: crisp at any zoom and
# several times faster than encoding and embedding a PNG)
# --------------------------------------------------------------------------


# One fixed mask pattern (any of the eight is valid; 2 is the one segno picks most often for a
# verification URL): segno would otherwise build all eight and score them, four fifths of the
# encoding time.
QR_MASK = 2


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw a square QR code of ``data`` (never micro) with its lower-left corner at (x, y)."""
    matrix = [tuple(row) for row in segno.make(data, error="m", micro=False, mask=QR_MASK).matrix]
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


_KODE_SIZE = 8.5
_KODE_BOX_H = 14.0
_KODE_GAP = 4.0


class KopFlowable(Flowable):
    """The kop as a platypus flowable, with the kode formulir (if any) in a small box at the top right above it."""

    def __init__(self, office: OfficeHeader, kode_formulir: str = ""):
        super().__init__()
        self.office, self.kode = office, kode_formulir.strip()

    def _kode_h(self) -> float:
        return _KODE_BOX_H + _KODE_GAP if self.kode else 0.0

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self._kode_h() + kop_height(self.office, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if self.kode:
            box_w = canvas.stringWidth(self.kode, FONT_BOLD, _KODE_SIZE) + 14
            x = self.width - box_w
            y = self.height - _KODE_BOX_H
            canvas.setLineWidth(0.7)
            canvas.rect(x, y, box_w, _KODE_BOX_H, stroke=1, fill=0)
            canvas.setFont(FONT_BOLD, _KODE_SIZE)
            canvas.drawCentredString(x + box_w / 2, y + 4.3, self.kode)
        draw_kop(canvas, self.office, 0, self.height - self._kode_h(), self.width)
