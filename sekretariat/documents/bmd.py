"""PDFs of BMD: the Kartu Inventaris Ruangan (A4 landscape, kop, table, signatures of the Kepala SKPD,
the room's penanggung jawab and the Pengurus Barang) and the sheets of QR labels (A4, a grid)."""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from dukcapil.documents.common import FONT, FONT_BOLD, KopFlowable, OfficeHeader, draw_qr, fit_font_size, para

from .registers import a4_document, grid_table

_CELL = ParagraphStyle("kir-cell", fontName=FONT, fontSize=7.5, leading=9)
_HEAD = ParagraphStyle("kir-head", fontName=FONT_BOLD, fontSize=7.5, leading=9, alignment=1)
_TITLE = ParagraphStyle("kir-title", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=1)
_INFO = ParagraphStyle("kir-info", fontName=FONT, fontSize=8.5, leading=11)
_SIGN = ParagraphStyle("kir-sign", fontName=FONT, fontSize=8.5, leading=11, alignment=1)

KIR_KOLOM = ["No.", "Nama barang", "Merk/type", "Bahan", "Tahun perolehan", "Kode barang", "Nomor register"]
KIR_KOLOM += ["Jumlah", "Harga perolehan (Rp)", "B", "RR", "RB", "Keterangan"]
KIR_LEBAR = [5, 21, 15, 9, 9, 19, 9, 7, 13, 5, 5, 5, 13]


@dataclass(frozen=True)
class Penandatangan:
    jabatan: str
    nama: str
    nip: str


def _signatures(people: Sequence[Penandatangan], width: float, tempat_tanggal: str) -> Table:
    cells = []
    for index, person in enumerate(people):
        top = para(tempat_tanggal, _SIGN) if index == len(people) - 1 else Spacer(1, _SIGN.leading)
        text = [top, para(person.jabatan, _SIGN), Spacer(1, 16 * mm)]
        text += [para(person.nama or "(....................................)", _SIGN), para(f"NIP {person.nip}", _SIGN)]
        cells.append(text)
    table = Table([cells], colWidths=[width / len(people)] * len(people))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def kir_pdf(
    office: OfficeHeader,
    *,
    ruangan: str,
    kode_ruangan: str,
    rows: Sequence[Sequence],
    penandatangan: Sequence[Penandatangan],
    tempat_tanggal: str,
) -> bytes:
    """``rows``: the table's cells after «No.», one list per barang (kondisi already split into B/RR/RB)."""
    buffer = io.BytesIO()
    page = landscape(A4)
    margin = 12 * mm
    doc = a4_document(buffer, f"KIR {ruangan}", page, margin)
    width = page[0] - 2 * margin
    widths = [width * w / sum(KIR_LEBAR) for w in KIR_LEBAR]
    body = [
        [para(str(i), _CELL), *(para("" if c in (None, "") else str(c), _CELL) for c in row)]
        for i, row in enumerate(rows, start=1)
    ]
    table = grid_table(
        [para(k, _HEAD) for k in KIR_KOLOM], body, widths, para("Ruangan ini belum berisi barang.", _CELL)
    )
    info = [
        para(f"SKPD: {office.nama_dinas.title()}", _INFO),
        para(f"Kabupaten/Kota: {office.kabupaten_kota}", _INFO),
        para(f"Ruangan: {ruangan} (kode {kode_ruangan})", _INFO),
    ]

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawRightString(page[0] - margin, 7 * mm, f"KIR {kode_ruangan} · halaman {document.page}")
        canvas.restoreState()

    story = [KopFlowable(office), Spacer(1, 6), para("KARTU INVENTARIS RUANGAN (KIR)", _TITLE), Spacer(1, 4), *info]
    story += [Spacer(1, 6), table, Spacer(1, 8), KeepTogether(_signatures(penandatangan, width, tempat_tanggal))]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Label:
    kode_barang: str
    nomor_register: str
    nama: str
    tahun: int
    ruangan: str
    url: str  # what the QR encodes: a staff URL with the barang's opaque token


LABEL_KOLOM, LABEL_BARIS = 2, 7
LABEL_W, LABEL_H = 90 * mm, 36 * mm


def _label(canvas: Canvas, label: Label, office: str, x: float, y: float) -> None:
    pad = 2.5 * mm
    qr = LABEL_H - 2 * pad
    canvas.setLineWidth(0.5)
    canvas.roundRect(x, y, LABEL_W, LABEL_H, 2 * mm, stroke=1, fill=0)
    draw_qr(canvas, label.url, x + pad, y + pad, qr)
    canvas.linkURL(label.url, (x + pad, y + pad, x + pad + qr, y + pad + qr), relative=0)
    left = x + 2 * pad + qr
    room = LABEL_W - (left - x) - pad
    lines = [
        (FONT_BOLD, 6.5, office),
        (FONT_BOLD, 9, label.kode_barang),
        (FONT, 8, f"Reg. {label.nomor_register} · Th. {label.tahun}"),
        (FONT_BOLD, 8, label.nama),
        (FONT, 7, f"Ruang: {label.ruangan}"),
    ]
    top = y + LABEL_H - pad - 7
    for font, size, text in lines:
        fitted = fit_font_size(text, font, size, room)
        canvas.setFont(font, fitted)
        canvas.drawString(left, top, text if canvas.stringWidth(text, font, fitted) <= room else text[:40])
        top -= fitted + 3


def label_pdf(office: str, labels: Sequence[Label]) -> bytes:
    """A4 sheets of LABEL_KOLOM × LABEL_BARIS labels, each with the office, the barang and its QR."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle("Label barang milik daerah")
    page_w, page_h = A4
    gap = 4 * mm
    left = (page_w - LABEL_KOLOM * LABEL_W - (LABEL_KOLOM - 1) * gap) / 2
    top = page_h - (page_h - LABEL_BARIS * LABEL_H - (LABEL_BARIS - 1) * gap) / 2
    per_page = LABEL_KOLOM * LABEL_BARIS
    for index, label in enumerate(labels):
        if index and index % per_page == 0:
            canvas.showPage()
        slot = index % per_page
        row, col = divmod(slot, LABEL_KOLOM)
        _label(canvas, label, office, left + col * (LABEL_W + gap), top - (row + 1) * LABEL_H - row * gap)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
