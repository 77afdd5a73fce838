"""Generic A4 surat keterangan layout (SKPWNI, SKDWNI, batal pindah, SKPLN, SKDLN, SKTT).

Pure function: :func:`render_surat_pdf` takes a :class:`SuratDocument` and
returns PDF bytes. The layout follows the SIAK printouts: the kode formulir
in a small box at the top right, the kop with its double rule, the centred
underlined title with the number under it, an opening paragraph, the
numbered label/value sections, the tables (gridded, header row repeated on
every page they span), the closing paragraph and the signature block of the
Kepala Dinas with the verification QR code at its left. The footer carries
the registration number and "Halaman n dari m". Built with platypus so long
content flows onto further pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dukcapil.documents import OfficeHeader, QRFlowable, draw_kop, fit_font_size, format_tanggal, kop_height

__all__ = [
    "Bagian",
    "SURAT_PAGE_SIZE",
    "SuratDocument",
    "Tabel",
    "render_surat_pdf",
]


# --------------------------------------------------------------------------
# Data contract
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bagian:
    """A section of numbered label/value rows, e.g. "DATA DAERAH ASAL"."""

    judul: str
    baris: list[tuple[str, str]]


@dataclass(frozen=True)
class Tabel:
    """A gridded table, e.g. the family members who move."""

    judul: str
    kolom: list[str]
    baris: list[list[str]]
    lebar: list[float] | None = None  # relative column widths; None -> equal


@dataclass(frozen=True, kw_only=True)  # keyword-only: required fields follow defaulted ones
class SuratDocument:
    office: OfficeHeader
    kode_formulir: str  # e.g. "F-1.03", printed at the top right in a small box
    judul: str  # e.g. "SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA"
    nomor: str  # printed as "Nomor : ..." under the title
    pembuka: str = ""  # opening paragraph (may be "")
    bagian: list[Bagian] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)  # printed after the sections
    penutup: str = ""  # closing paragraph
    tanggal_terbit: date
    tempat_terbit: str
    nomor_registrasi: str  # small, in the footer
    verification_url: str = ""  # QR at the left of the signature block; empty -> no QR
    catatan_kaki: list[str] = field(default_factory=list)  # small notes at the bottom, e.g. validity


# --------------------------------------------------------------------------
# Page geometry and styles
# --------------------------------------------------------------------------

SURAT_PAGE_SIZE = A4
PAGE_W, PAGE_H = SURAT_PAGE_SIZE
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 17 * mm
CONTENT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
_FOOTER_Y = 10 * mm

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_ITALIC = "Helvetica-Oblique"

_BODY_SIZE = 9.0
_BODY_LEADING = 12.0
_CELL_SIZE = 8.3
_CELL_LEADING = 9.8
_FOOT_GREY = colors.Color(0.3, 0.3, 0.3)
_HEAD_FILL = colors.Color(0.9, 0.9, 0.9)

_STYLE_BODY = ParagraphStyle("surat-body", fontName=FONT, fontSize=_BODY_SIZE, leading=_BODY_LEADING)
_STYLE_PARA = ParagraphStyle("surat-para", parent=_STYLE_BODY, alignment=TA_JUSTIFY, firstLineIndent=10 * mm)
_STYLE_TITLE = ParagraphStyle(
    "surat-title", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=TA_CENTER, underlineWidth=0.9
)
_STYLE_NOMOR = ParagraphStyle("surat-nomor", parent=_STYLE_BODY, fontSize=10, alignment=TA_CENTER)
_STYLE_HEADING = ParagraphStyle("surat-heading", parent=_STYLE_BODY, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=2)
# A heading starts a new page unless its first rows fit under it. (keepWithNext would glue
# heading and table into one KeepTogether that jumps whole to the next page, leaving a gap.)
_HEADING_MIN_ROOM = 60
_STYLE_ROW = ParagraphStyle("surat-row", parent=_STYLE_BODY, leading=10.8)
_STYLE_CELL = ParagraphStyle("surat-cell", fontName=FONT, fontSize=_CELL_SIZE, leading=_CELL_LEADING)
_STYLE_CELL_HEAD = ParagraphStyle(
    "surat-cell-head", parent=_STYLE_CELL, fontName=FONT_BOLD, alignment=TA_CENTER, leading=_CELL_LEADING
)
_SIGN_SIZE = 9.5
_STYLE_SIGN = ParagraphStyle("surat-sign", parent=_STYLE_BODY, fontSize=_SIGN_SIZE, leading=12, alignment=TA_CENTER)
_STYLE_SIGN_BOLD = ParagraphStyle("surat-sign-b", parent=_STYLE_SIGN, fontName=FONT_BOLD)
_STYLE_CAPTION = ParagraphStyle("surat-qr-caption", fontName=FONT_ITALIC, fontSize=7, leading=8.6, alignment=TA_RIGHT)
_STYLE_NOTE_HEAD = ParagraphStyle("surat-note-head", fontName=FONT_BOLD, fontSize=7.5, leading=9.5)
_STYLE_NOTE = ParagraphStyle(
    "surat-note",
    fontName=FONT,
    fontSize=7.5,
    leading=9.5,
    leftIndent=10,
    bulletIndent=0,
    bulletFontName=FONT,
    bulletFontSize=7.5,
    alignment=TA_LEFT,
)

# Printed only on documents that go through the TTE step, worded as on the Kartu Keluarga.
_TTE_CAPTION = (
    "Dokumen ini ditandatangani secara elektronik. Pindai kode QR untuk memeriksa keaslian dan status dokumen."
)
_JABATAN = "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# --------------------------------------------------------------------------
# Flowables
# --------------------------------------------------------------------------

_KODE_SIZE = 8.5
_KODE_BOX_H = 14.0
_KODE_GAP = 4.0


class _KopFormulir(Flowable):
    """The kode formulir box at the top right above the office kop."""

    def __init__(self, office: OfficeHeader, kode: str):
        super().__init__()
        self.office, self.kode = office, kode.strip()

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


# --------------------------------------------------------------------------
# Sections and tables
# --------------------------------------------------------------------------

_NO_W = 8 * mm
_LABEL_W = 52 * mm
_COLON_W = 4 * mm


def _cell(text: str, style: ParagraphStyle, width: float):
    """A plain string when it fits on one line (drawn directly, much faster), else a wrapping Paragraph."""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return _p(text, style)


def _bagian_flowables(bagian: Bagian) -> list[Flowable]:
    heading = [CondPageBreak(_HEADING_MIN_ROOM), _p(bagian.judul.strip().upper(), _STYLE_HEADING)]
    if not bagian.baris:
        return heading
    value_w = CONTENT_W - _NO_W - _LABEL_W - _COLON_W
    data = []
    for i, (label, value) in enumerate(bagian.baris, start=1):
        value = (value or "").strip() or "-"
        data.append(
            [
                f"{i}.",
                _cell(label, _STYLE_ROW, _LABEL_W - 4),
                ":",
                _cell(value, _STYLE_ROW, value_w - 2),
            ]
        )
    table = Table(data, colWidths=[_NO_W, _LABEL_W, _COLON_W, value_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, _BODY_SIZE, _STYLE_ROW.leading),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 5),
                ("LEFTPADDING", (1, 0), (1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4),
            ]
        )
    )
    return [*heading, table]


_CELL_PAD_X = 3.0


def _is_no(kolom: str) -> bool:
    return kolom.strip().upper().rstrip(".") in {"NO", "NOMOR URUT"}


def _tabel_flowables(tabel: Tabel) -> list[Flowable]:
    n = len(tabel.kolom)
    if n == 0:
        return []
    weights = list(tabel.lebar) if tabel.lebar and len(tabel.lebar) == n else [1.0] * n
    total = sum(weights) or 1.0
    widths = [CONTENT_W * w / total for w in weights]
    header = [_p(k, _STYLE_CELL_HEAD) for k in tabel.kolom]
    rows = []
    for baris in tabel.baris:
        cells = [(c or "").strip() or "-" for c in list(baris)[:n]]
        cells += ["-"] * (n - len(cells))
        rows.append([_cell(c, _STYLE_CELL, w - 2 * _CELL_PAD_X) for c, w in zip(cells, widths, strict=True)])
    table = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), FONT, _CELL_SIZE, _CELL_LEADING),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
                ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
                ("TOPPADDING", (0, 0), (-1, -1), 1.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
                # a running-number column ("No") is centred
                *[("ALIGN", (i, 1), (i, -1), "CENTER") for i, k in enumerate(tabel.kolom) if _is_no(k)],
            ]
        )
    )
    flowables: list[Flowable] = [CondPageBreak(_HEADING_MIN_ROOM)]
    if tabel.judul.strip():
        flowables.append(_p(tabel.judul.strip().upper(), _STYLE_HEADING))
    flowables.append(table)
    return flowables


# --------------------------------------------------------------------------
# Signature block
# --------------------------------------------------------------------------

_QR_SIZE = 25 * mm
_SIGN_W = 88 * mm
_QR_GAP = 5 * mm
_CAPTION_W = 44 * mm


def _signature_block(doc: SuratDocument) -> Table:
    office = doc.office
    wilayah = (office.kabupaten_kota or "").strip().upper()
    jabatan_size = fit_font_size(_JABATAN, FONT, _SIGN_SIZE, _SIGN_W - 2, min_size=7)
    jabatan_style = ParagraphStyle("surat-jabatan", parent=_STYLE_SIGN, fontSize=jabatan_size)
    nama = (office.kepala_dinas_nama or "").strip()
    nama_size = fit_font_size(nama, FONT_BOLD, _SIGN_SIZE, _SIGN_W - 2, min_size=7)
    nama_style = ParagraphStyle("surat-sign-name", parent=_STYLE_SIGN_BOLD, fontSize=nama_size)
    sign = [
        _p(f"{doc.tempat_terbit.strip()}, {format_tanggal(doc.tanggal_terbit)}", _STYLE_SIGN),
        Spacer(1, 2),
        _p(_JABATAN, jabatan_style),
        _p(wilayah, jabatan_style),
        Spacer(1, 38),
        Paragraph(f"<u>{escape(nama)}</u>", nama_style),
        _p(f"NIP. {office.kepala_dinas_nip}", _STYLE_SIGN),
    ]
    zero_pad = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    if doc.verification_url:
        rest = CONTENT_W - _SIGN_W - _QR_SIZE - _QR_GAP
        caption = _p(_TTE_CAPTION, _STYLE_CAPTION)
        data = [[caption, QRFlowable(doc.verification_url, _QR_SIZE), "", sign]]
        widths = [rest, _QR_SIZE, _QR_GAP, _SIGN_W]
        style = [
            *zero_pad,
            ("RIGHTPADDING", (0, 0), (0, 0), 3 * mm),
            ("LEFTPADDING", (0, 0), (0, 0), rest - _CAPTION_W),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("VALIGN", (3, 0), (3, 0), "TOP"),
        ]
    else:
        data = [["", sign]]
        widths = [CONTENT_W - _SIGN_W, _SIGN_W]
        style = [*zero_pad, ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _catatan(notes: list[str]) -> list[Flowable]:
    notes = [n.strip() for n in notes if n and n.strip()]
    if not notes:
        return []
    items: list[Flowable] = [_p("Catatan:", _STYLE_NOTE_HEAD)]
    for i, note in enumerate(notes, start=1):
        items.append(Paragraph(escape(note), _STYLE_NOTE, bulletText=f"{i}." if len(notes) > 1 else "-"))
    return [Spacer(1, 8), KeepTogether(items)]


# --------------------------------------------------------------------------
# Page decorations: footer and the continuation line, drawn once the page count is known
# --------------------------------------------------------------------------


def _numbered_canvas(doc: SuratDocument) -> type[Canvas]:
    lanjutan = f"Lanjutan {doc.judul.strip().upper()} Nomor: {doc.nomor.strip()}"

    class _Numbered(Canvas):
        """Defers each page until save() so every footer can print the total page count."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 7)
            self.setFillColor(_FOOT_GREY)
            self.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
            self.setLineWidth(0.4)
            self.line(MARGIN_LEFT, _FOOTER_Y + 9, PAGE_W - MARGIN_RIGHT, _FOOTER_Y + 9)
            self.drawString(MARGIN_LEFT, _FOOTER_Y, f"No. Registrasi: {doc.nomor_registrasi}")
            self.drawRightString(PAGE_W - MARGIN_RIGHT, _FOOTER_Y, f"Halaman {number} dari {total}")
            if number > 1:
                size = fit_font_size(lanjutan, FONT_ITALIC, 7, CONTENT_W, min_size=4)
                self.setFont(FONT_ITALIC, size)
                self.drawString(MARGIN_LEFT, PAGE_H - 7 * mm, lanjutan)
            self.restoreState()

    return _Numbered


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def render_surat_pdf(doc: SuratDocument) -> bytes:
    """Render the surat keterangan (A4 portrait) and return the PDF bytes."""
    buf = BytesIO()
    template = SimpleDocTemplate(
        buf,
        pagesize=SURAT_PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{doc.judul.strip()} Nomor {doc.nomor.strip()}",
        author=f"{doc.office.nama_dinas} {doc.office.kabupaten_kota}".strip(),
        subject=f"{doc.judul.strip()} ({doc.nomor_registrasi})",
        creator="Dukcapil",
    )

    story: list[Flowable] = [
        _KopFormulir(doc.office, doc.kode_formulir),
        Spacer(1, 9),
        Paragraph(f"<u>{escape(doc.judul.strip().upper())}</u>", _STYLE_TITLE),
        Spacer(1, 2),
        _p(f"Nomor : {doc.nomor.strip()}", _STYLE_NOMOR),
        Spacer(1, 10),
    ]
    if doc.pembuka.strip():
        story += [_p(doc.pembuka.strip(), _STYLE_PARA), Spacer(1, 2)]
    for bagian in doc.bagian:
        story += _bagian_flowables(bagian)
    for tabel in doc.tabel:
        story += _tabel_flowables(tabel)
    # The closing paragraph travels with the signature: a page with a lone signature is no use to a clerk.
    closing: list[Flowable] = []
    if doc.penutup.strip():
        closing += [_p(doc.penutup.strip(), _STYLE_PARA), Spacer(1, 9)]
    story += [Spacer(1, 10), KeepTogether([*closing, _signature_block(doc)])]
    story += _catatan(doc.catatan_kaki)

    template.build(story, canvasmaker=_numbered_canvas(doc))
    return buf.getvalue()
