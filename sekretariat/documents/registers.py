"""Printable (PDF) and spreadsheet (XLSX) copies of a register: a title, a period line, a table.

Generic, so every register of the Sekretariat (agenda books, ekspedisi, open disposisi) prints
the same way: A4 landscape with the kop, header row repeated on each page, page numbers.
"""

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from dukcapil.documents.common import FONT, FONT_BOLD, KopFlowable, OfficeHeader, para

_CELL = ParagraphStyle("register-cell", fontName=FONT, fontSize=7.5, leading=9)
_HEAD = ParagraphStyle("register-head", fontName=FONT_BOLD, fontSize=7.5, leading=9)
_TITLE = ParagraphStyle("register-title", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=1)
_SUB = ParagraphStyle("register-sub", fontName=FONT, fontSize=8.5, leading=11, alignment=1)


def a4_document(buffer, title: str, pagesize=A4, margin: float = 15 * mm) -> SimpleDocTemplate:
    margins = dict.fromkeys(("leftMargin", "rightMargin", "topMargin", "bottomMargin"), margin)
    return SimpleDocTemplate(buffer, pagesize=pagesize, title=title, creator="Dukcapil", **margins)


def grid_table(head: list, body: list[list], widths: Sequence[float], empty) -> Table:
    """A ruled table with a grey header row repeated on every page; ``empty`` spans the row of an empty body."""
    rows = [head, *body] if body else [head, [empty] + [""] * (len(head) - 1)]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if not body:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def register_pdf(
    office: OfficeHeader,
    judul: str,
    keterangan: str,
    kolom: Sequence[str],
    rows: Sequence[Sequence[str]],
    lebar: Sequence[float],
    penutup: Sequence[str] = (),
) -> bytes:
    """``lebar``: relative column widths (they share the page's width); ``penutup``: lines after the
    table (who signed, who received)."""
    buffer = io.BytesIO()
    page = landscape(A4)
    margin = 12 * mm
    doc = a4_document(buffer, judul, page, margin)
    width = page[0] - 2 * margin
    total = sum(lebar)
    widths = [width * w / total for w in lebar]
    body = [[para("-" if cell in (None, "") else str(cell), _CELL) for cell in row] for row in rows]
    table = grid_table([para(k, _HEAD) for k in kolom], body, widths, para("Tidak ada data pada periode ini.", _CELL))

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawRightString(page[0] - margin, 7 * mm, f"{judul} · halaman {document.page}")
        canvas.restoreState()

    doc.build(
        [
            KopFlowable(office),
            Spacer(1, 6),
            para(judul.upper(), _TITLE),
            para(keterangan, _SUB),
            Spacer(1, 6),
            table,
            Spacer(1, 10),
            *[para(line, _CELL) for line in penutup],
        ],
        onFirstPage=footer,
        onLaterPages=footer,
    )
    return buffer.getvalue()


def table_sheet(ws, judul: str, keterangan: str, kolom: Sequence[str], rows) -> None:
    """A table on the sheet ``ws``: the title, a line under it, the column names in bold, the rows."""
    ws.append([judul])
    ws.append([keterangan])
    ws.append(list(kolom))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))


def register_xlsx(judul: str, keterangan: str, kolom: Sequence[str], rows: Sequence[Sequence]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = judul[:31]
    table_sheet(ws, judul, keterangan, kolom, rows)
    ws["A1"].font = Font(bold=True, size=13)
    ws.freeze_panes = "A4"
    for index, _ in enumerate(kolom):
        ws.column_dimensions[chr(ord("A") + index)].width = 22
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
