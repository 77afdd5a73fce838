"""The official letter (A4 portrait), one layout for every bidang.

Pure function: :func:`render_surat` takes a :class:`Surat` and returns PDF bytes. What is printed
follows from the data: fields left empty are left out.

From top to bottom:

- the kode formulir (if any) in a small box at the top right, then the kop with its double rule;
- the title (``judul``), centred and underlined, as on a surat keterangan or a kutipan;
- either the number centred under the title (a surat keterangan) or, for a surat dinas that has a
  ``perihal``, ``sifat``, ``lampiran`` or addressee, the Nomor/Sifat/Lampiran/Hal rows with the
  place and date at the right, then the addressee lines (``kepada``);
- the body (``isi``): paragraphs, numbered label/value sections (:class:`Bagian`) and gridded
  tables (:class:`Tabel`, header row repeated on every page it spans), in the given order;
- the closing paragraph, the signature block and the tembusan list, kept on one page: place and date
  (unless the surat dinas rows already carry them), the jabatan, name and NIP of the signer, and for
  documents that go through the TTE step the verification QR code with its caption at the left;
- small notes (``catatan_kaki``).

Every page carries "Halaman n dari m" in the footer (and the registration number when the letter is
issued for a berkas); pages after the first start with a "Lanjutan ..." line.
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

from .common import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    JABATAN_KEPALA_DINAS,
    TTE_CAPTION,
    KopFlowable,
    OfficeHeader,
    QRFlowable,
    fit_font_size,
    format_tanggal,
    para,
)

__all__ = [
    "Bagian",
    "JABATAN_KEPALA_DINAS",
    "Penandatangan",
    "SURAT_PAGE_SIZE",
    "Surat",
    "Tabel",
    "render_surat",
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


#: A block of the body: a paragraph (plain text), a numbered section, a table, or a ready flowable
#: (a paragraph with inline markup, e.g. a naskah dinas's bold/italic text).
Isi = str | Bagian | Tabel | Flowable


@dataclass(frozen=True)
class Penandatangan:
    """Who signs: the jabatan lines above the signature, the name and the NIP under it."""

    nama: str
    nip: str = ""  # empty -> no NIP line
    jabatan: tuple[str, ...] = ()  # e.g. ("a.n. KEPALA DINAS ...", "SEKRETARIS")

    @classmethod
    def kepala_dinas(cls, office: OfficeHeader) -> Penandatangan:
        """The head of the office (or, via ``office_header(signer)``, the official who really signs)."""
        return cls(
            nama=(office.kepala_dinas_nama or "").strip(),
            nip=office.kepala_dinas_nip,
            jabatan=(JABATAN_KEPALA_DINAS, (office.kabupaten_kota or "").strip().upper()),
        )


@dataclass(frozen=True, kw_only=True)  # keyword-only: required fields follow defaulted ones
class Surat:
    office: OfficeHeader  # the kop, and the default signer
    nomor: str
    tanggal: date
    tempat: str = ""  # place of issue; empty -> the office's tempat_terbit
    judul: str = ""  # centred title, e.g. "SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA"
    kode_formulir: str = ""  # e.g. "F-1.03", printed at the top right in a small box
    sifat: str = ""  # e.g. "Segera"
    lampiran: str = ""  # e.g. "1 (satu) berkas"
    perihal: str = ""  # printed as "Hal"
    kepada: list[str] = field(default_factory=list)  # addressee lines, e.g. ["Yth. Camat Bintan Timur", "di", "Kijang"]
    isi: list[Isi] = field(default_factory=list)
    penutup: str = ""  # closing paragraph, kept on the page of the signature
    penandatangan: Penandatangan | None = None  # None -> the Kepala Dinas of ``office``
    verification_url: str = ""  # QR at the left of the signature block; empty -> no QR
    tembusan: list[str] = field(default_factory=list)
    catatan_kaki: list[str] = field(default_factory=list)  # small notes at the bottom, e.g. validity
    nomor_registrasi: str = ""  # the berkas the letter is issued for, small in the footer

    @property
    def is_surat_dinas(self) -> bool:
        """Nomor/Sifat/Lampiran/Hal rows and an addressee, rather than the number under the title."""
        return any(s.strip() for s in (self.sifat, self.lampiran, self.perihal, *self.kepada))

    @property
    def tempat_tanggal(self) -> str:
        return f"{(self.tempat or self.office.tempat_terbit).strip()}, {format_tanggal(self.tanggal)}"

    @property
    def sebutan(self) -> str:
        """What the letter is called in the PDF metadata and on continuation pages."""
        return self.judul.strip() or self.perihal.strip() or "Surat"


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
_STYLE_DATE = ParagraphStyle("surat-date", parent=_STYLE_BODY, alignment=TA_RIGHT)
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
_STYLE_LIST_HEAD = ParagraphStyle("surat-list-head", parent=_STYLE_BODY)
_STYLE_LIST = ParagraphStyle(
    "surat-list",
    parent=_STYLE_BODY,
    leftIndent=12,
    bulletIndent=0,
    bulletFontName=FONT,
    bulletFontSize=_BODY_SIZE,
    alignment=TA_LEFT,
)
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

_ZERO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def _cell(text: str, style: ParagraphStyle, width: float):
    """A plain string when it fits on one line (drawn directly, much faster), else a wrapping Paragraph."""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return para(text, style)


# --------------------------------------------------------------------------
# Title, surat dinas rows and addressee
# --------------------------------------------------------------------------


def _title(surat: Surat) -> list[Flowable]:
    flowables: list[Flowable] = []
    if surat.judul.strip():
        flowables += [Spacer(1, 9), Paragraph(f"<u>{escape(surat.judul.strip().upper())}</u>", _STYLE_TITLE)]
    if not surat.is_surat_dinas:
        flowables += [Spacer(1, 2), para(f"Nomor : {surat.nomor.strip()}", _STYLE_NOMOR)]
    return flowables


_HEAD_LABEL_W = 18 * mm
_HEAD_COLON_W = 4 * mm
_HEAD_DATE_W = 60 * mm


def _surat_dinas_rows(surat: Surat) -> list[Flowable]:
    """Nomor, Sifat, Lampiran and Hal at the left, place and date at the right; then the addressee."""
    value_w = CONTENT_W - _HEAD_LABEL_W - _HEAD_COLON_W - _HEAD_DATE_W
    rows = [("Nomor", surat.nomor), ("Sifat", surat.sifat), ("Lampiran", surat.lampiran), ("Hal", surat.perihal)]
    data = [[label, ":", _cell((value or "").strip() or "-", _STYLE_BODY, value_w - 4), ""] for label, value in rows]
    data[0][3] = para(surat.tempat_tanggal, _STYLE_DATE)
    table = Table(data, colWidths=[_HEAD_LABEL_W, _HEAD_COLON_W, value_w, _HEAD_DATE_W], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *_ZERO_PADDING,
                ("FONT", (0, 0), (-1, -1), FONT, _BODY_SIZE, _BODY_LEADING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    flowables: list[Flowable] = [Spacer(1, 12), table]
    kepada = [line.strip() for line in surat.kepada if line.strip()]
    if kepada:
        flowables += [Spacer(1, 12), *(para(line, _STYLE_BODY) for line in kepada)]
    return flowables


# --------------------------------------------------------------------------
# Body: paragraphs, sections and tables
# --------------------------------------------------------------------------

_NO_W = 8 * mm
_LABEL_W = 52 * mm
_COLON_W = 4 * mm


def _bagian_flowables(bagian: Bagian) -> list[Flowable]:
    heading = [CondPageBreak(_HEADING_MIN_ROOM), para(bagian.judul.strip().upper(), _STYLE_HEADING)]
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
    header = [para(k, _STYLE_CELL_HEAD) for k in tabel.kolom]
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
        flowables.append(para(tabel.judul.strip().upper(), _STYLE_HEADING))
    flowables.append(table)
    return flowables


def _isi_flowables(block: Isi) -> list[Flowable]:
    if isinstance(block, Bagian):
        return _bagian_flowables(block)
    if isinstance(block, Tabel):
        return _tabel_flowables(block)
    if isinstance(block, Flowable):
        return [block, Spacer(1, 2)]
    if not block.strip():
        return []
    return [para(block.strip(), _STYLE_PARA), Spacer(1, 2)]


# --------------------------------------------------------------------------
# Signature block, tembusan and notes
# --------------------------------------------------------------------------

_QR_SIZE = 25 * mm
_SIGN_W = 88 * mm
_QR_GAP = 5 * mm
_CAPTION_W = 44 * mm


def _signature_block(surat: Surat) -> Table:
    # a surat dinas carries place and date at the top
    heading = [] if surat.is_surat_dinas else [para(surat.tempat_tanggal, _STYLE_SIGN), Spacer(1, 2)]
    signer = surat.penandatangan or Penandatangan.kepala_dinas(surat.office)
    return signature_block(signer, verification_url=surat.verification_url, heading=heading)


def signature_block(
    signer: Penandatangan, *, verification_url: str = "", heading: list[Flowable] = (), width: float = CONTENT_W
) -> Table:
    """The signer's jabatan, name and NIP at the right; with a verification URL the TTE QR and its caption."""
    jabatan_size = min(
        (fit_font_size(line, FONT, _SIGN_SIZE, _SIGN_W - 2, min_size=7) for line in signer.jabatan), default=_SIGN_SIZE
    )
    jabatan_style = ParagraphStyle("surat-jabatan", parent=_STYLE_SIGN, fontSize=jabatan_size)
    nama_size = fit_font_size(signer.nama, FONT_BOLD, _SIGN_SIZE, _SIGN_W - 2, min_size=7)
    nama_style = ParagraphStyle("surat-sign-name", parent=_STYLE_SIGN_BOLD, fontSize=nama_size)
    sign: list[Flowable] = list(heading)
    sign += [para(line, jabatan_style) for line in signer.jabatan]
    sign += [Spacer(1, 38), Paragraph(f"<u>{escape(signer.nama)}</u>", nama_style)]
    if signer.nip.strip():
        sign.append(para(f"NIP. {signer.nip}", _STYLE_SIGN))
    if verification_url:
        rest = width - _SIGN_W - _QR_SIZE - _QR_GAP
        caption = para(TTE_CAPTION, _STYLE_CAPTION)
        data = [[caption, QRFlowable(verification_url, _QR_SIZE), "", sign]]
        widths = [rest, _QR_SIZE, _QR_GAP, _SIGN_W]
        style = [
            *_ZERO_PADDING,
            ("RIGHTPADDING", (0, 0), (0, 0), 3 * mm),
            ("LEFTPADDING", (0, 0), (0, 0), rest - _CAPTION_W),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("VALIGN", (3, 0), (3, 0), "TOP"),
        ]
    else:
        data = [["", sign]]
        widths = [width - _SIGN_W, _SIGN_W]
        style = [*_ZERO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _numbered_list(
    judul: str, items: list[str], head_style: ParagraphStyle, item_style: ParagraphStyle
) -> list[Flowable]:
    """``judul`` over the items numbered 1., 2., ... (a single item gets a dash); nothing without items."""
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        return []
    block: list[Flowable] = [para(judul, head_style)]
    for n, item in enumerate(items, start=1):
        block.append(Paragraph(escape(item), item_style, bulletText=f"{n}." if len(items) > 1 else "-"))
    return block


# --------------------------------------------------------------------------
# Page decorations: footer and the continuation line, drawn once the page count is known
# --------------------------------------------------------------------------


def _numbered_canvas(surat: Surat) -> type[Canvas]:
    lanjutan = f"Lanjutan {surat.sebutan.upper()} Nomor: {surat.nomor.strip()}"
    registrasi = f"No. Registrasi: {surat.nomor_registrasi}" if surat.nomor_registrasi else ""

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
            if registrasi:
                self.drawString(MARGIN_LEFT, _FOOTER_Y, registrasi)
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


def render_surat(surat: Surat) -> bytes:
    """Render the letter (A4 portrait) and return the PDF bytes."""
    buf = BytesIO()
    sebutan = surat.sebutan
    template = SimpleDocTemplate(
        buf,
        pagesize=SURAT_PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{sebutan} Nomor {surat.nomor.strip()}",
        author=f"{surat.office.nama_dinas} {surat.office.kabupaten_kota}".strip(),
        subject=f"{sebutan} ({surat.nomor_registrasi})" if surat.nomor_registrasi else sebutan,
        creator="Dukcapil",
    )

    story: list[Flowable] = [KopFlowable(surat.office, surat.kode_formulir), *_title(surat)]
    if surat.is_surat_dinas:
        story += _surat_dinas_rows(surat)
    story.append(Spacer(1, 10))
    previous: Isi | None = None
    for block in surat.isi:
        if isinstance(block, str) and isinstance(previous, Bagian | Tabel):
            story.append(Spacer(1, 6))  # a paragraph after a table or section
        story += _isi_flowables(block)
        previous = block
    # The closing paragraph and the tembusan travel with the signature: a page with a lone signature
    # (or a lone tembusan) is no use to a clerk.
    closing: list[Flowable] = []
    if surat.penutup.strip():
        closing += [para(surat.penutup.strip(), _STYLE_PARA), Spacer(1, 9)]
    closing.append(_signature_block(surat))
    if tembusan := _numbered_list("Tembusan:", surat.tembusan, _STYLE_LIST_HEAD, _STYLE_LIST):
        closing += [Spacer(1, 8), *tembusan]
    story += [Spacer(1, 10), KeepTogether(closing)]
    if catatan := _numbered_list("Catatan:", surat.catatan_kaki, _STYLE_NOTE_HEAD, _STYLE_NOTE):
        story += [Spacer(1, 8), KeepTogether(catatan)]

    template.build(story, canvasmaker=_numbered_canvas(surat))
    return buf.getvalue()
