"""Kartu Keluarga (KK) PDF layout.

Pure function: :func:`render_kk_pdf` takes a :class:`KKDocument` and returns
PDF bytes. The layout follows the post-2020 plain-paper Kartu Keluarga:
A4 landscape, title and number on top, a two-column address block, the two
member tables with numbered columns (1)-(17), the issue date and the
signature block of the Kepala Dinas, with a reserved square (:data:`QR_BOX`)
on page 1 where a later step draws the verification QR code.

The frames of the two tables (headings, numbering, grid, blank rows) are laid out once per process
for each page geometry and written again as recorded (``_FRAMES``); each document lays out only its
members' values, in tables of their own rows drawn at the same places.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from dukcapil.documents import (
    JABATAN_KEPALA_DINAS,
    TTE_CAPTION,
    DrawingCache,
    OfficeHeader,
    draw_qr,
    fit_font_size,
    format_tanggal,
    upper_or,
)

__all__ = [
    "AnggotaKK",
    "KKDocument",
    "KK_PAGE_SIZE",
    "MIN_ROWS",
    "QR_BOX",
    "render_kk_pdf",
]


# --------------------------------------------------------------------------
# Data contract
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AnggotaKK:
    nik: str
    nama: str
    jenis_kelamin: str  # "LAKI-LAKI" / "PEREMPUAN"
    tempat_lahir: str
    tanggal_lahir: date
    agama: str
    pendidikan: str
    pekerjaan: str
    golongan_darah: str  # may be "" -> "TIDAK TAHU"
    status_perkawinan: str
    tanggal_perkawinan: date | None
    hubungan: str  # "KEPALA KELUARGA", "ISTRI", "ANAK", ...
    kewarganegaraan: str  # "WNI" / "WNA"
    no_paspor: str  # may be "" -> "-"
    no_kitap: str  # may be "" -> "-"
    nama_ayah: str
    nama_ibu: str


@dataclass(frozen=True)
class KKDocument:
    office: OfficeHeader
    nomor_kk: str  # 16 digits
    nomor_registrasi: str
    kepala_keluarga: str
    alamat: str
    rt: str
    rw: str
    desa_kelurahan: str
    kecamatan: str
    kabupaten_kota: str
    provinsi: str
    kode_pos: str
    anggota: list[AnggotaKK]
    tanggal_terbit: date
    verification_url: str = ""  # the QR's target; empty = QR area left blank (draft)


# --------------------------------------------------------------------------
# Page geometry (points; origin bottom-left)
# --------------------------------------------------------------------------

KK_PAGE_SIZE = landscape(A4)  # 841.89 x 595.28 pt (297 x 210 mm)
PAGE_W, PAGE_H = KK_PAGE_SIZE
MARGIN_X = 10 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
MIN_ROWS = 10  # the printed form always shows at least ten member rows

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_ITALIC = "Helvetica-Oblique"

# Header block
_TITLE_Y = PAGE_H - 10 * mm - 13
_NOMOR_Y = _TITLE_Y - 16
_ADDR_TOP_Y = _NOMOR_Y - 19  # baseline of the first address line
_ADDR_LEADING = 10.5
_ADDR_SIZE = 8
_ADDR_LEFT_X = MARGIN_X
_ADDR_LEFT_COLON_X = MARGIN_X + 34 * mm
_ADDR_RIGHT_X = MARGIN_X + 0.60 * CONTENT_W
_ADDR_RIGHT_COLON_X = _ADDR_RIGHT_X + 28 * mm
_ADDR_VALUE_GAP = 6

# Footer / signature area on page 1
_FOOTER_Y = 6 * mm
_QR_SIZE = 27 * mm
_SIGN_W = 86 * mm  # width of the centred signature column at the right edge
_SIGN_X = PAGE_W - MARGIN_X - _SIGN_W
_QR_X = _SIGN_X - 4 * mm - _QR_SIZE
_QR_Y = 11 * mm

#: Reserved area for the verification QR code on page 1: (x, y, width, height)
#: in points, origin at the bottom-left corner of the page.
QR_BOX: tuple[float, float, float, float] = (
    round(_QR_X, 2),
    round(_QR_Y, 2),
    round(_QR_SIZE, 2),
    round(_QR_SIZE, 2),
)

_CAPTION_W = 58 * mm
_CAPTION_X = _QR_X - 4 * mm - _CAPTION_W
_CAPTION_SIZE = 6.5
_CAPTION_LEADING = 8


def _balanced_lines(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Wrap into as few lines as ``max_width`` allows, with lines of similar length."""
    lines = simpleSplit(text, font, size, max_width)
    width = max_width
    while width > 20:
        candidate = simpleSplit(text, font, size, width - 4)
        if len(candidate) > len(lines):
            break
        lines, width = candidate, width - 4
    return lines


_CAPTION_LINES = _balanced_lines(TTE_CAPTION, "Helvetica-Oblique", _CAPTION_SIZE, _CAPTION_W)

_TABLE_GAP = 7  # vertical gap between table 1 and table 2
_TABLES_BOTTOM_FIRST = _QR_Y + _QR_SIZE + 12  # lowest y tables may reach on page 1
_TABLES_BOTTOM_NEXT = _FOOTER_Y + 20  # ... on continuation pages
_CONTINUED_NOTE_H = 12

# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

_CELL_PAD_X = 2.5
_CELL_PAD_Y = 1.6
_DATA_SIZE = 7
_DATA_LEADING = 8.2
_ROW_EXTRA = 0.6  # breathing room so glyph descenders never touch the grid
_ROW_MIN_H = _DATA_LEADING + 2 * _CELL_PAD_Y + _ROW_EXTRA
_NUM_ROW_H = 9.5
_GRID = 0.45

_STYLE_DATA_L = ParagraphStyle(
    "kk-data-l", fontName=FONT, fontSize=_DATA_SIZE, leading=_DATA_LEADING, alignment=TA_LEFT
)
_STYLE_DATA_C = ParagraphStyle("kk-data-c", parent=_STYLE_DATA_L, alignment=TA_CENTER)
_STYLE_HEAD = ParagraphStyle("kk-head", fontName=FONT_BOLD, fontSize=7, leading=8, alignment=TA_CENTER)

# Table 1: (header, width, centred?)
_T1_COLS: list[tuple[str, float, bool]] = [
    ("No", 20, True),
    ("Nama Lengkap", 160, False),
    ("NIK", 78, True),
    ("Jenis Kelamin", 56, True),
    ("Tempat Lahir", 84, False),
    ("Tanggal Lahir", 68, True),
    ("Agama", 60, True),
    ("Pendidikan", 98, False),
    ("Jenis Pekerjaan", 108, False),
]
_T1_COLS.append(("Golongan Darah", CONTENT_W - sum(c[1] for c in _T1_COLS), True))
_T1_WIDTHS = [c[1] for c in _T1_COLS]
_T1_CENTRED = [c[2] for c in _T1_COLS]
_T1_HEAD_H = 21.0

# Table 2 flat columns after the header spans are resolved.
_T2_WIDTHS_FIXED = [20, 90, 70, 98, 72, 70, 70]
_T2_PARENT_W = (CONTENT_W - sum(_T2_WIDTHS_FIXED)) / 2
_T2_WIDTHS = _T2_WIDTHS_FIXED + [_T2_PARENT_W, _T2_PARENT_W]
_T2_CENTRED = [True, True, True, True, True, True, True, False, False]
_T2_HEAD_H = (12.0, 12.0)


def _head(text: str) -> Paragraph:
    return Paragraph(escape(text), _STYLE_HEAD)


def _t1_header_rows() -> list[list]:
    heads = [_head(name) for name, _, _ in _T1_COLS]
    numbers = [""] + [f"({i})" for i in range(1, len(_T1_COLS))]
    return [heads, numbers]


def _t2_header_rows() -> list[list]:
    row0 = [
        _head("No"),
        _head("Status Perkawinan"),
        _head("Tanggal Perkawinan"),
        _head("Status Hubungan Dalam Keluarga"),
        _head("Kewarganegaraan"),
        _head("Dokumen Imigrasi"),
        "",
        _head("Nama Orang Tua"),
        "",
    ]
    row1 = ["", "", "", "", "", _head("No. Paspor"), _head("No. KITAP"), _head("Ayah"), _head("Ibu")]
    numbers = [""] + [f"({i})" for i in range(10, 18)]
    return [row0, row1, numbers]


def _member_values(a: AnggotaKK) -> tuple[list[str], list[str]]:
    t1 = [
        upper_or(a.nama),
        (a.nik or "").strip() or "-",
        upper_or(a.jenis_kelamin),
        upper_or(a.tempat_lahir),
        format_tanggal(a.tanggal_lahir),
        upper_or(a.agama),
        upper_or(a.pendidikan),
        upper_or(a.pekerjaan),
        upper_or(a.golongan_darah, empty="TIDAK TAHU"),
    ]
    t2 = [
        upper_or(a.status_perkawinan),
        format_tanggal(a.tanggal_perkawinan),
        upper_or(a.hubungan),
        upper_or(a.kewarganegaraan),
        upper_or(a.no_paspor),
        upper_or(a.no_kitap),
        upper_or(a.nama_ayah),
        upper_or(a.nama_ibu),
    ]
    return t1, t2


def _cells(number: str, values: list[str], widths: list[float], centred: list[bool]):
    """Build one row of cells and return (cells, row_height).

    Text that fits on one line stays a plain string (drawn directly, several times faster);
    only longer text becomes a wrapping Paragraph.
    """
    cells: list = []
    height = _ROW_MIN_H
    for text, width, centre in zip([number, *values], widths, centred, strict=True):
        if stringWidth(text, FONT, _DATA_SIZE) <= width - 2 * _CELL_PAD_X:
            cells.append(text)
            continue
        para = Paragraph(escape(text), _STYLE_DATA_C if centre else _STYLE_DATA_L)
        _, h = para.wrap(width - 2 * _CELL_PAD_X, 10_000)
        height = max(height, h + 2 * _CELL_PAD_Y + _ROW_EXTRA)
        cells.append(para)
    return cells, height


def _data_style(header_rows: int, centred: list[bool]) -> list:
    """Font and alignment of the plain-string data cells (Paragraph cells carry their own)."""
    style = [("FONT", (0, header_rows), (-1, -1), FONT, _DATA_SIZE, _DATA_LEADING)]
    for col, centre in enumerate(centred):
        style.append(("ALIGN", (col, header_rows), (col, -1), "CENTER" if centre else "LEFT"))
    return style


@dataclass
class _Row:
    t1: list
    t2: list
    h1: float
    h2: float


def _build_rows(members: list[AnggotaKK]) -> list[_Row]:
    rows = []
    for i, member in enumerate(members, start=1):
        v1, v2 = _member_values(member)
        t1, h1 = _cells(f"{i}", v1, _T1_WIDTHS, _T1_CENTRED)
        t2, h2 = _cells(f"{i}", v2, _T2_WIDTHS, _T2_CENTRED)
        rows.append(_Row(t1, t2, h1, h2))
    return rows


def _empty_row() -> _Row:
    return _Row([""] * len(_T1_COLS), [""] * len(_T2_WIDTHS), _ROW_MIN_H, _ROW_MIN_H)


# every cell of both tables: padding and vertical alignment
_CELL_STYLE = [
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
    ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
    ("TOPPADDING", (0, 0), (-1, -1), _CELL_PAD_Y),
    ("BOTTOMPADDING", (0, 0), (-1, -1), _CELL_PAD_Y),
]


def _base_table_style(header_rows: int) -> list:
    style = [
        ("GRID", (0, 0), (-1, -1), _GRID, colors.black),
        *_CELL_STYLE,
        # numbering row "(1) (2) ..."
        ("FONT", (0, header_rows - 1), (-1, header_rows - 1), FONT, 6.5, 7.5),
        ("ALIGN", (0, header_rows - 1), (-1, header_rows - 1), "CENTER"),
        ("TOPPADDING", (0, header_rows - 1), (-1, header_rows - 1), 0.5),
        ("BOTTOMPADDING", (0, header_rows - 1), (-1, header_rows - 1), 1.5),
        ("BACKGROUND", (0, 0), (-1, header_rows - 2), colors.Color(0.93, 0.93, 0.93)),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.black),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
    ]
    return style


def _table1(rows: list[_Row]) -> Table:
    data = _t1_header_rows() + [r.t1 for r in rows]
    heights = [_T1_HEAD_H, _NUM_ROW_H] + [r.h1 for r in rows]
    table = Table(data, colWidths=_T1_WIDTHS, rowHeights=heights)
    table.setStyle(TableStyle(_base_table_style(2) + _data_style(2, _T1_CENTRED)))
    return table


def _table2(rows: list[_Row]) -> Table:
    data = _t2_header_rows() + [r.t2 for r in rows]
    heights = [*_T2_HEAD_H, _NUM_ROW_H] + [r.h2 for r in rows]
    table = Table(data, colWidths=_T2_WIDTHS, rowHeights=heights)
    style = _base_table_style(3) + _data_style(3, _T2_CENTRED)
    for col in range(5):
        style.append(("SPAN", (col, 0), (col, 1)))
    style += [("SPAN", (5, 0), (6, 0)), ("SPAN", (7, 0), (8, 0))]
    table.setStyle(TableStyle(style))
    return table


def _values_table(cells: list[list], heights: list[float], widths: list[float], centred: list[bool]) -> Table:
    """The members' rows alone, without grid or headings: drawn over the frame at their places."""
    table = Table(cells, colWidths=widths, rowHeights=heights)
    table.setStyle(TableStyle(_CELL_STYLE + _data_style(0, centred)))
    return table


_T1_HEADERS_H = _T1_HEAD_H + _NUM_ROW_H
_T2_HEADERS_H = sum(_T2_HEAD_H) + _NUM_ROW_H
_TABLES_FIXED_H = _T1_HEADERS_H + _TABLE_GAP + _T2_HEADERS_H


@dataclass
class _Page:
    rows: list[_Row]  # the members', then blank rows
    continues: bool  # more members follow on a later page
    members: int  # how many of ``rows`` are members


def _paginate(rows: list[_Row], tables_top: float) -> list[_Page]:
    """Split member rows over pages; pad each page to MIN_ROWS if room."""
    avail_first = tables_top - _TABLES_BOTTOM_FIRST - _TABLES_FIXED_H
    avail_next = tables_top - _TABLES_BOTTOM_NEXT - _TABLES_FIXED_H

    def take(start: int, avail: float) -> tuple[int, float]:
        used = 0.0
        k = 0
        while start + k < len(rows):
            row = rows[start + k]
            if used + row.h1 + row.h2 > avail:
                break
            used += row.h1 + row.h2
            k += 1
        return max(k, 1) if start < len(rows) else 0, used

    pages: list[_Page] = []
    start = 0
    while True:
        avail = avail_first if not pages else avail_next
        k, used = take(start, avail)
        continues = start + k < len(rows)
        if continues:  # leave room for the "continued" note
            k, used = take(start, avail - _CONTINUED_NOTE_H)
            continues = start + k < len(rows)
        page_rows = rows[start : start + k]
        empty = _empty_row()
        # Blank rows only make sense after the last member, never before a page break.
        pad = 0 if continues else max(0, MIN_ROWS - k)
        while pad and used + pad * (empty.h1 + empty.h2) > avail:
            pad -= 1
        pages.append(_Page(page_rows + [empty] * pad, continues, len(page_rows)))
        start += k
        if start >= len(rows):
            return pages


# --------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------


def _draw_field(canvas: Canvas, label: str, value: str, x: float, colon_x: float, right: float, y: float) -> float:
    """Draw ``label : value`` (value may wrap); returns the baseline of the next line."""
    canvas.setFont(FONT, _ADDR_SIZE)
    canvas.drawString(x, y, label)
    canvas.drawString(colon_x, y, ":")
    value_x = colon_x + _ADDR_VALUE_GAP
    lines = simpleSplit(value, FONT_BOLD, _ADDR_SIZE, right - value_x) or [""]
    canvas.setFont(FONT_BOLD, _ADDR_SIZE)
    for line in lines:
        canvas.drawString(value_x, y, line)
        y -= _ADDR_LEADING
    return y


def _draw_header(canvas: Canvas, doc: KKDocument) -> float:
    """Title, number and address block. Returns the y where tables start."""
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, 17)
    canvas.drawCentredString(PAGE_W / 2, _TITLE_Y, "KARTU KELUARGA")
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawCentredString(PAGE_W / 2, _NOMOR_Y, f"No. {doc.nomor_kk}")

    rt_rw = f"{upper_or(doc.rt, '000')}/{upper_or(doc.rw, '000')}"
    left = [
        ("Nama Kepala Keluarga", upper_or(doc.kepala_keluarga)),
        ("Alamat", upper_or(doc.alamat)),
        ("RT/RW", rt_rw),
        ("Kode Pos", upper_or(doc.kode_pos)),
        ("Desa/Kelurahan", upper_or(doc.desa_kelurahan)),
    ]
    right = [
        ("Kecamatan", upper_or(doc.kecamatan)),
        ("Kabupaten/Kota", upper_or(doc.kabupaten_kota)),
        ("Provinsi", upper_or(doc.provinsi)),
    ]
    y_left = _ADDR_TOP_Y
    for label, value in left:
        y_left = _draw_field(canvas, label, value, _ADDR_LEFT_X, _ADDR_LEFT_COLON_X, _ADDR_RIGHT_X - 12, y_left)
    y_right = _ADDR_TOP_Y
    for label, value in right:
        y_right = _draw_field(canvas, label, value, _ADDR_RIGHT_X, _ADDR_RIGHT_COLON_X, PAGE_W - MARGIN_X, y_right)
    # y_* is the next baseline; tables start a little below the last text line.
    return min(y_left, y_right) + _ADDR_LEADING - 3 - 6


# the frames of both tables (headings, numbering, grid, blank rows) by page geometry, per process
_FRAMES = DrawingCache()


def _draw_tables(canvas: Canvas, page: _Page, top: float) -> float:
    """Both member tables: the frames from ``_FRAMES``, then the members' values at their places."""
    heights1 = [_T1_HEAD_H, _NUM_ROW_H] + [r.h1 for r in page.rows]
    heights2 = [*_T2_HEAD_H, _NUM_ROW_H] + [r.h2 for r in page.rows]
    y1 = top - sum(heights1)
    y2 = y1 - _TABLE_GAP - sum(heights2)
    _FRAMES.draw(canvas, (top, tuple(heights1), tuple(heights2)), lambda: _draw_frames(canvas, page, y1, y2))
    members = page.rows[: page.members]
    if members:
        t1 = _values_table([r.t1 for r in members], [r.h1 for r in members], _T1_WIDTHS, _T1_CENTRED)
        t1.wrapOn(canvas, CONTENT_W, top)
        t1.drawOn(canvas, MARGIN_X, top - _T1_HEADERS_H - sum(r.h1 for r in members))
        t2 = _values_table([r.t2 for r in members], [r.h2 for r in members], _T2_WIDTHS, _T2_CENTRED)
        t2.wrapOn(canvas, CONTENT_W, top)
        t2.drawOn(canvas, MARGIN_X, y1 - _TABLE_GAP - _T2_HEADERS_H - sum(r.h2 for r in members))
    if page.continues:
        canvas.setFont(FONT_ITALIC, 6.5)
        canvas.drawRightString(PAGE_W - MARGIN_X, y2 - 8, "Daftar anggota keluarga berlanjut ke halaman berikutnya.")
    return y2


def _draw_frames(canvas: Canvas, page: _Page, y1: float, y2: float) -> None:
    empty = _empty_row()
    blank = [_Row(empty.t1, empty.t2, row.h1, row.h2) for row in page.rows]
    for table, y in ((_table1(blank), y1), (_table2(blank), y2)):
        table.wrapOn(canvas, CONTENT_W, PAGE_H)
        table.drawOn(canvas, MARGIN_X, y)


def _draw_signature(canvas: Canvas, doc: KKDocument) -> None:
    office = doc.office
    tanggal = format_tanggal(doc.tanggal_terbit)
    top = _QR_Y + _QR_SIZE  # signature text is aligned with the QR square
    first_baseline = top - 8

    # Left: issue date.
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN_X, first_baseline, "Dikeluarkan Tanggal")
    canvas.drawString(MARGIN_X + 30 * mm, first_baseline, ":")
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawString(MARGIN_X + 30 * mm + _ADDR_VALUE_GAP, first_baseline, tanggal)

    # Right: signature block, centred in its column.
    cx = _SIGN_X + _SIGN_W / 2
    jabatan = JABATAN_KEPALA_DINAS
    wilayah = upper_or(office.kabupaten_kota, "")
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(cx, first_baseline, f"{office.tempat_terbit}, {tanggal}")
    size = fit_font_size(jabatan, FONT_BOLD, 8, _SIGN_W)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(cx, first_baseline - 11, jabatan)
    size = fit_font_size(wilayah, FONT_BOLD, 8, _SIGN_W)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(cx, first_baseline - 21, wilayah)

    nama = office.kepala_dinas_nama
    size = fit_font_size(nama, FONT_BOLD, 8.5, _SIGN_W)
    name_y = _QR_Y + 12
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(cx, name_y, nama)
    half = canvas.stringWidth(nama, FONT_BOLD, size) / 2
    canvas.setLineWidth(0.6)
    canvas.line(cx - half, name_y - 1.6, cx + half, name_y - 1.6)
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(cx, _QR_Y + 2, f"NIP. {office.kepala_dinas_nip}")

    # The verification QR with its caption beside it.
    x, y, w, h = QR_BOX
    if not doc.verification_url:
        canvas.saveState()
        canvas.setStrokeColor(colors.Color(0.72, 0.72, 0.72))
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, w, h, stroke=1, fill=0)
        canvas.restoreState()
        return
    draw_qr(canvas, doc.verification_url, x, y, w)

    canvas.setFont(FONT_ITALIC, _CAPTION_SIZE)
    line_y = y + 2 + (len(_CAPTION_LINES) - 1) * _CAPTION_LEADING
    for line in _CAPTION_LINES:
        canvas.drawRightString(_CAPTION_X + _CAPTION_W, line_y, line)
        line_y -= _CAPTION_LEADING


def _draw_footer(canvas: Canvas, doc: KKDocument, page_no: int, total: int) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 6.5)
    canvas.setFillColor(colors.Color(0.25, 0.25, 0.25))
    canvas.drawString(MARGIN_X, _FOOTER_Y, f"No. Registrasi: {doc.nomor_registrasi}")
    canvas.drawRightString(PAGE_W - MARGIN_X, _FOOTER_Y, f"Halaman {page_no} dari {total}")
    if page_no > 1:
        canvas.drawCentredString(
            PAGE_W / 2,
            _FOOTER_Y,
            f"Lembar lanjutan Kartu Keluarga No. {doc.nomor_kk}; "
            "sah bersama halaman 1 yang memuat tanda tangan elektronik.",
        )
    canvas.restoreState()


def render_kk_pdf(doc: KKDocument) -> bytes:
    """Render the Kartu Keluarga (A4 landscape) and return the PDF bytes."""
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=KK_PAGE_SIZE)
    canvas.setTitle(f"Kartu Keluarga No. {doc.nomor_kk}")
    canvas.setAuthor(f"{doc.office.nama_dinas} {doc.office.kabupaten_kota}".strip())
    canvas.setSubject(f"Kartu Keluarga {doc.kepala_keluarga} ({doc.nomor_registrasi})")
    canvas.setCreator("Dukcapil")

    rows = _build_rows(list(doc.anggota))
    # The header of page 1 fixes where the tables start (the address may
    # wrap); every page repeats the same header, so the value is shared.
    tables_top = _draw_header(canvas, doc)
    pages = _paginate(rows, tables_top)

    for page_no, page in enumerate(pages, start=1):
        if page_no > 1:
            _draw_header(canvas, doc)
        _draw_tables(canvas, page, tables_top)
        if page_no == 1:
            _draw_signature(canvas, doc)
        _draw_footer(canvas, doc, page_no, len(pages))
        canvas.showPage()
    canvas.save()
    return buf.getvalue()
