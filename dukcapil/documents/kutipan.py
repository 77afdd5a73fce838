"""The national kutipan akta form (blanko of Permendagri 109/2019), A4 portrait.

Pure function: :func:`render_kutipan` takes a :class:`KutipanAkta` and returns PDF bytes.

From top to bottom, as on the blanko staff and citizens know:

- the Garuda Pancasila emblem (drawn as vector shapes: no image file), "REPUBLIK INDONESIA" and
  "PENCATATAN SIPIL" with the English translation in italic underneath;
- the heading rows (``kepala``: warga negara, NIK), the title ("KUTIPAN AKTA KELAHIRAN") and its
  English translation;
- the statement (``pernyataan``): "Berdasarkan Akta Kelahiran Nomor … bahwa di … pada tanggal …
  telah lahir …", one row per fixed field in the national order, each Indonesian label with its
  English translation in italic underneath and the value in capitals;
- "Kutipan ini dikeluarkan di … pada tanggal …", the Kepala Dinas's signature block with the TTE
  caption and the verification QR code;
- the catatan pinggir and small notes (kutipan ke-n, late report).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .common import FONT, FONT_BOLD, FONT_ITALIC, OfficeHeader, format_tanggal, para
from .letter import Penandatangan, signature_block


@dataclass(frozen=True)
class Baris:
    """One fixed field of the form: the Indonesian label, its English translation, the value."""

    label: str
    label_en: str
    nilai: str


@dataclass(frozen=True, kw_only=True)
class KutipanAkta:
    office: OfficeHeader
    judul: str  # "KUTIPAN AKTA KELAHIRAN"
    judul_en: str  # "EXCERPT OF BIRTH CERTIFICATE"
    nomor: str  # the akta's number (PDF metadata; printed through ``pernyataan``)
    kepala: list[Baris] = field(default_factory=list)  # above the title: warga negara, NIK
    pernyataan: list[Baris] = field(default_factory=list)  # "Berdasarkan Akta … Nomor", "bahwa di", …
    tempat_terbit: str
    tanggal_terbit: date
    penandatangan: Penandatangan | None = None  # None -> the Kepala Dinas of ``office``
    verification_url: str = ""
    catatan_pinggir: list[tuple[str, str]] = field(default_factory=list)  # (tanggal, isi)
    catatan_kaki: list[str] = field(default_factory=list)
    nomor_registrasi: str = ""


PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
_PAGE = {"pagesize": A4, "leftMargin": MARGIN_X, "rightMargin": MARGIN_X, "topMargin": 14 * mm, "bottomMargin": 16 * mm}
_EMBLEM = 26 * mm
_LABEL_W = 68 * mm
_COLON_W = 5 * mm

_STYLE_HEAD = ParagraphStyle("kutipan-head", fontName=FONT_BOLD, fontSize=12, leading=14, alignment=TA_CENTER)
_STYLE_HEAD_EN = ParagraphStyle("kutipan-head-en", fontName=FONT_ITALIC, fontSize=9, leading=11, alignment=TA_CENTER)
_STYLE_TITLE = ParagraphStyle("kutipan-title", parent=_STYLE_HEAD, fontSize=14, leading=17, spaceBefore=4)
_STYLE_LABEL = ParagraphStyle("kutipan-label", fontName=FONT, fontSize=10, leading=12)
_STYLE_LABEL_EN = ParagraphStyle("kutipan-label-en", fontName=FONT_ITALIC, fontSize=8, leading=9.5)
_STYLE_VALUE = ParagraphStyle("kutipan-value", fontName=FONT_BOLD, fontSize=10.5, leading=12.5)
_STYLE_SIGN = ParagraphStyle("kutipan-sign", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER)
_STYLE_NOTE_HEAD = ParagraphStyle("kutipan-note-head", fontName=FONT_BOLD, fontSize=8, leading=10)
_STYLE_NOTE = ParagraphStyle("kutipan-note", fontName=FONT, fontSize=7.5, leading=9.5)

_GOLD = colors.Color(0.76, 0.58, 0.12)
_GOLD_DARK = colors.Color(0.42, 0.3, 0.05)
_RED = colors.Color(0.75, 0.1, 0.1)


# --------------------------------------------------------------------------
# The Garuda Pancasila, simplified: spread wings, head turned to its right, the shield with the
# five fields and the star at its centre, the tail and the ribbon held in the claws.
# --------------------------------------------------------------------------


def draw_garuda(canvas: Canvas, cx: float, y: float, size: float) -> None:
    """Draw the emblem ``size`` wide and high with its bottom centre at (cx, y)."""
    s = size / 100.0

    def pt(x: float, yy: float) -> tuple[float, float]:
        return cx + x * s, y + yy * s

    def polygon(points, fill, stroke=_GOLD_DARK, width=0.5) -> None:
        path = canvas.beginPath()
        path.moveTo(*pt(*points[0]))
        for p in points[1:]:
            path.lineTo(*pt(*p))
        path.close()
        canvas.setFillColor(fill)
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width)
        canvas.drawPath(path, fill=1, stroke=1)

    canvas.saveState()
    # wings: five feathers on each side fanning up and out from the shoulders
    for side in (-1, 1):
        for i in range(5):
            angle = math.radians(100 - i * 17)
            length = 44 - i * 3
            base = (side * 10, 62 - i * 4)
            tip = (side * (10 + length * abs(math.cos(angle)) + i * 4), 62 - i * 4 + length * math.sin(angle) * 0.6)
            polygon([(base[0], base[1] + 3), (tip[0] - side * 7, tip[1] + 4), tip, (base[0], base[1] - 9)], _GOLD)
    # tail
    for i in range(-2, 3):
        polygon([(i * 3, 30), (i * 7 - 3, 16), (i * 7 + 3, 16)], _GOLD)
    # body and neck
    polygon([(-11, 74), (11, 74), (13, 32), (0, 26), (-13, 32)], _GOLD)
    polygon([(-3, 74), (3, 74), (4, 84), (-4, 84)], _GOLD)
    # head turned to its right (the viewer's left), beak and crest
    canvas.setFillColor(_GOLD)
    canvas.setStrokeColor(_GOLD_DARK)
    canvas.circle(*pt(-1, 88), 6 * s, fill=1, stroke=1)
    polygon([(-6, 90), (-13, 87), (-6, 85)], _GOLD)
    for i in range(3):
        polygon([(1 + i * 2, 93), (4 + i * 3, 99), (5 + i * 2, 92)], _GOLD)
    canvas.setFillColor(_GOLD_DARK)
    canvas.circle(*pt(-3, 89), 1 * s, fill=1, stroke=0)
    # shield: four fields around the thick line of the equator, the star in the black centre shield
    shield = [(-15, 70), (15, 70), (15, 52), (0, 36), (-15, 52)]
    polygon(shield, colors.white, width=0.8)
    polygon([(-15, 70), (0, 70), (0, 56), (-15, 56)], _RED, width=0.3)
    polygon([(0, 56), (15, 56), (15, 52), (8, 44), (0, 50)], _RED, width=0.3)
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(1.6 * s)
    canvas.line(*pt(-15, 56), *pt(15, 56))
    polygon([(-5, 62), (5, 62), (5, 55), (0, 50), (-5, 55)], colors.black, stroke=colors.black, width=0.3)
    star = [
        (
            0.0 + (3.2 if k % 2 == 0 else 1.3) * math.cos(math.radians(90 + k * 36)),
            57.0 + (3.2 if k % 2 == 0 else 1.3) * math.sin(math.radians(90 + k * 36)),
        )
        for k in range(10)
    ]
    polygon(star, _GOLD, stroke=_GOLD, width=0.2)
    # claws holding the ribbon with the national motto
    canvas.setStrokeColor(_GOLD_DARK)
    canvas.setLineWidth(1.2 * s)
    for x in (-6, 6):
        canvas.line(*pt(x, 26), *pt(x, 14))
    polygon([(-34, 14), (34, 14), (30, 4), (-30, 4)], colors.white, width=0.6)
    polygon([(-34, 14), (-40, 8), (-34, 2), (-30, 4)], colors.white, width=0.6)
    polygon([(34, 14), (40, 8), (34, 2), (30, 4)], colors.white, width=0.6)
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, max(3.0, 5.2 * s))
    canvas.drawCentredString(*pt(0, 7.2), "BHINNEKA TUNGGAL IKA")
    canvas.restoreState()


class GarudaFlowable(Flowable):
    def __init__(self, size: float):
        super().__init__()
        self.size = size

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.size

    def draw(self) -> None:
        draw_garuda(self.canv, self.width / 2, 0, self.size)


# --------------------------------------------------------------------------
# Rows and page
# --------------------------------------------------------------------------


def _label(baris: Baris) -> list[Flowable]:
    cell: list[Flowable] = [para(baris.label, _STYLE_LABEL)]
    if baris.label_en:
        cell.append(para(baris.label_en, _STYLE_LABEL_EN))
    return cell


def _rows(rows: list[Baris], *, top: float = 5) -> Table:
    data = [[_label(b), ":", Paragraph(escape(b.nilai.upper()), _STYLE_VALUE)] for b in rows]
    table = Table(data, colWidths=[_LABEL_W, _COLON_W, CONTENT_W - _LABEL_W - _COLON_W], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (1, 0), (1, -1), FONT),
                ("FONTSIZE", (1, 0), (1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _catatan(kutipan: KutipanAkta) -> list[Flowable]:
    block: list[Flowable] = []
    if kutipan.catatan_pinggir:
        block += [para("CATATAN PINGGIR", _STYLE_NOTE_HEAD), para("Marginal notes", _STYLE_LABEL_EN)]
        for n, (tanggal, isi) in enumerate(kutipan.catatan_pinggir, 1):
            block.append(para(f"{n}. {tanggal}: {isi}", _STYLE_NOTE))
        block.append(Spacer(1, 4))
    notes = [n.strip() for n in kutipan.catatan_kaki if n and n.strip()]
    if notes:
        block.append(para("Catatan:", _STYLE_NOTE_HEAD))
        block += [para(f"{n}. {text}", _STYLE_NOTE) for n, text in enumerate(notes, 1)]
    return block


def _footer(nomor_registrasi: str):
    def draw(canvas: Canvas, doc) -> None:
        if not nomor_registrasi:
            return
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.Color(0.3, 0.3, 0.3))
        canvas.drawString(MARGIN_X, 10 * mm, f"No. Registrasi: {nomor_registrasi}")
        canvas.drawRightString(PAGE_W - MARGIN_X, 10 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    return draw


def render_kutipan(kutipan: KutipanAkta) -> bytes:
    """Render the kutipan (A4 portrait) and return the PDF bytes."""
    buf = BytesIO()
    template = SimpleDocTemplate(
        buf,
        **_PAGE,
        title=f"{kutipan.judul} Nomor {kutipan.nomor}",
        author=f"{kutipan.office.nama_dinas} {kutipan.office.kabupaten_kota}".strip(),
        subject=f"{kutipan.judul} ({kutipan.nomor_registrasi})" if kutipan.nomor_registrasi else kutipan.judul,
        creator="Dukcapil",
    )
    story: list[Flowable] = [
        GarudaFlowable(_EMBLEM),
        Spacer(1, 4),
        para("REPUBLIK INDONESIA", _STYLE_HEAD),
        para("REPUBLIC OF INDONESIA", _STYLE_HEAD_EN),
        Spacer(1, 2),
        para("PENCATATAN SIPIL", _STYLE_HEAD),
        para("CIVIL REGISTRY", _STYLE_HEAD_EN),
        Spacer(1, 6),
    ]
    if kutipan.kepala:
        story += [_rows(kutipan.kepala, top=2), Spacer(1, 4)]
    story += [
        para(kutipan.judul.upper(), _STYLE_TITLE),
        para(kutipan.judul_en.upper(), _STYLE_HEAD_EN),
        Spacer(1, 6),
        _rows(kutipan.pernyataan),
        Spacer(1, 12),
    ]
    issued = [
        Baris("Kutipan ini dikeluarkan di", "This excerpt is issued in", kutipan.tempat_terbit),
        Baris("pada tanggal", "on date", format_tanggal(kutipan.tanggal_terbit)),
    ]
    signer = kutipan.penandatangan or Penandatangan.kepala_dinas(kutipan.office)
    closing = [
        _rows(issued, top=2),
        Spacer(1, 8),
        signature_block(signer, verification_url=kutipan.verification_url, width=CONTENT_W),
    ]
    story.append(KeepTogether(closing))
    if catatan := _catatan(kutipan):
        story += [Spacer(1, 10), KeepTogether(catatan)]
    footer = _footer(kutipan.nomor_registrasi)
    template.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
