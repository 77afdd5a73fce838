"""Printable registers of the Sekretariat (A4 landscape PDF) and their XLSX export."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dukcapil.documents.common import FONT, FONT_BOLD, KopFlowable, para
from dukcapil.documents_builders import office_header

_TITLE = ParagraphStyle("reg-title", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=1)
_SUB = ParagraphStyle("reg-sub", fontName=FONT, fontSize=9, leading=11, alignment=1)
_CELL = ParagraphStyle("reg-cell", fontName=FONT, fontSize=7.8, leading=9.4)
_HEAD = ParagraphStyle("reg-head", parent=_CELL, fontName=FONT_BOLD, alignment=1)


def render_register_pdf(
    *, judul: str, periode: str, kolom: list[str], baris: list[list[str]], lebar: list[float]
) -> bytes:
    buf = BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(
        buf,
        pagesize=page,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=10 * mm,
        bottomMargin=12 * mm,
        title=judul,
        creator="Dukcapil",
    )
    width = page[0] - 24 * mm
    total = sum(lebar)
    widths = [width * w / total for w in lebar]
    rows = [[Paragraph(k, _HEAD) for k in kolom]] + [[para(str(c or "-"), _CELL) for c in r] for r in baris]
    if not baris:
        rows.append([para("Tidak ada catatan pada periode ini.", _CELL)] + [""] * (len(kolom) - 1))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        KopFlowable(office_header()),
        Spacer(1, 6),
        Paragraph(judul.upper(), _TITLE),
        para(periode, _SUB),
        Spacer(1, 8),
        table,
    ]
    doc.build(story)
    return buf.getvalue()


def render_register_xlsx(*, judul: str, periode: str, kolom: list[str], baris: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = judul[:31]
    ws.append([judul])
    ws.append([periode])
    ws.append(kolom)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for row in baris:
        ws.append(row)
    for i, name in enumerate(kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(50, len(name) + 8))
    ws.freeze_panes = "A4"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
