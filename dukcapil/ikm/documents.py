"""The IKM results as a PDF (reportlab, the bar chart drawn with reportlab.graphics) and as an XLSX
workbook, both from the same tables. The PDF is the semester report's lampiran: made from the
report's snapshot, so it never changes after the Kasi drew it up. Numbers only, no person's data;
every bar carries its value and the weakest unsur is marked in words, not by colour alone."""

from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dukcapil.documents.common import DATA_TABLE_STYLE, FONT, FONT_BOLD, format_tanggal
from dukcapil.documents_builders import office_header
from dukcapil.report_pdf import report_opening, report_styles

from .hitung import MUTU, format_angka

# each grade's interval: from its lower bound to just under the next grade's (A up to 100,00)
_INTERVAL = [(m, (MUTU[i - 1].batas_bawah - Decimal("0.01")) if i else Decimal(100)) for i, m in enumerate(MUTU)]

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
_STYLES = report_styles("ikm", cell=(8, 10))
_TITLE, _SUB, _H2, _BODY, _CELL = _STYLES
_BAR, _BAR_LOW = colors.HexColor("#2f5d8a"), colors.HexColor("#b23a1e")


def _angka(value) -> str:
    return format_angka(Decimal(value)) if value is not None else "-"


def tabel(data: dict) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) of every table, from a snapshot (``selectors.snapshot``)."""
    k = data["kantor"]
    unsur = [
        [f"U{i}", u["nama"], _angka(u["nrr"]), "terendah" if u["terendah"] else ""]
        for i, u in enumerate(k["unsur"], start=1)
    ]
    ringkas = [
        ["Jumlah responden", str(k["responden"])],
        ["IKM unit pelayanan (Σ NRR × 1/9)", format_angka(_dec(k["ikm_unit"]), 3) if k["ikm_unit"] else "-"],
        ["IKM konversi (× 25)", _angka(k["ikm"])],
        ["Mutu pelayanan", f"{k['mutu']} ({k['mutu_label']})" if k["mutu"] else "-"],
    ]
    layanan = [
        [i["judul"], str(i["responden"]), _angka(i["ikm"]), i["mutu"] or "-"] + [_angka(u["nrr"]) for u in i["unsur"]]
        for i in data["per_layanan"]
    ]
    tables = [
        ("Indeks kepuasan masyarakat", ["Uraian", "Nilai"], ringkas),
        ("Nilai rata-rata per unsur (NRR)", ["Unsur", "Nama unsur", "NRR", "Keterangan"], unsur),
        (
            "IKM per layanan",
            ["Layanan", "Responden", "IKM", "Mutu", *(f"U{i}" for i in range(1, 10))],
            layanan,
        ),
    ]
    for label, rows in data["komposisi"]:
        tables.append((f"Responden menurut {label.lower()}", [label, "Jumlah"], [[c, str(n)] for c, n in rows]))
    tables.append(
        (
            "Nilai interval konversi (Permenpan-RB 14/2017)",
            ["Mutu", "Kinerja unit pelayanan", "Nilai interval konversi"],
            [[m.huruf, m.label, f"{format_angka(m.batas_bawah)} – {format_angka(atas)}"] for m, atas in _INTERVAL],
        )
    )
    return tables


def _dec(value) -> Decimal:
    return Decimal(value)


def _table(header: list[str], rows: list[list]) -> Table:
    body = [[Paragraph(escape(str(c)), _CELL) for c in header]]
    body += [[Paragraph(escape(str(c)), _CELL) for c in row] for row in rows]
    if len(header) > 6:  # the per-layanan table: a wide name column, then narrow numbers
        fixed = [0.23, 0.11, 0.08, 0.06]
        rest = (1 - sum(fixed)) / (len(header) - len(fixed))
        widths = [WIDTH * f for f in fixed] + [WIDTH * rest] * (len(header) - len(fixed))
    elif header[0] == "Unsur":
        widths = [WIDTH * f for f in (0.08, 0.5, 0.14, 0.28)]
    else:
        widths = None
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle([*DATA_TABLE_STYLE, ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)])
    )
    return table


def grafik_unsur(data: dict) -> Drawing:
    """NRR per unsur as vertical bars (scale 1–4), each bar labelled with its value; the weakest
    unsur's bar is darker red and its label says «terendah»."""

    unsur = data["kantor"]["unsur"]
    height = 190
    drawing = Drawing(WIDTH, height + 20)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 36, 40, WIDTH - 50, height - 40
    chart.data = [[float(Decimal(u["nrr"])) if u["nrr"] else 0 for u in unsur]]
    chart.categoryAxis.categoryNames = [f"U{i}" + (" (terendah)" if u["terendah"] else "") for i, u in
                                        enumerate(unsur, start=1)]  # fmt: skip
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 4, 1
    chart.valueAxis.labels.fontSize = 7
    chart.barLabelFormat = lambda v: f"{v:.2f}".replace(".", ",")
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.bars[0].fillColor = _BAR
    for i, u in enumerate(unsur):
        if u["terendah"]:
            chart.bars[(0, i)].fillColor = _BAR_LOW
    drawing.add(chart)
    drawing.add(String(36, height + 6, "Nilai rata-rata (NRR) per unsur, skala 1–4", fontName=FONT_BOLD, fontSize=8))
    return drawing


def render_laporan_pdf(laporan) -> bytes:
    """The semester report: kop, title, the index, the chart, every table, analysis and RTL."""
    office = office_header()
    data = laporan.data
    story = report_opening(
        office,
        laporan.judul.upper(),
        f"Survei Kepuasan Masyarakat menurut Permenpan-RB Nomor 14 Tahun 2017; hasil dihitung "
        f"{format_tanggal(laporan.dihitung_pada)}",
        styles=_STYLES,
    )
    for i, (title, header, rows) in enumerate(tabel(data)):
        block = [Paragraph(escape(title), _H2), _table(header, rows)]
        if i == 1:
            block += [Spacer(1, 6), grafik_unsur(data)]
        story.append(KeepTogether(block))
    for heading, text in (("Analisis", laporan.analisis), ("Rencana tindak lanjut", laporan.rencana_tindak_lanjut)):
        story.append(Paragraph(heading, _H2))
        for line in (text or "-").splitlines() or ["-"]:
            story.append(Paragraph(escape(line) or "&nbsp;", _BODY))
    if data.get("saran"):
        story.append(Paragraph("Saran dan masukan responden (terbaru)", _H2))
        for saran in data["saran"][:30]:
            story.append(Paragraph("• " + escape(saran), _BODY))
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=laporan.judul, author=office.nama_dinas, creator="Dukcapil",
    )  # fmt: skip
    doc.build(story)
    return buffer.getvalue()


def render_hasil_xlsx(h) -> bytes:
    """One sheet per table of the results page."""
    from openpyxl import Workbook

    from sekretariat.documents.registers import table_sheet

    from .selectors import snapshot

    wb = Workbook()
    wb.remove(wb.active)
    for n, (title, header, rows) in enumerate(tabel(snapshot(h)), start=1):
        ws = wb.create_sheet(f"{n}. {title}"[:31].replace("/", "-"))
        table_sheet(ws, f"IKM {h.periode}" + (f" – {h.layanan_nama}" if h.layanan_nama else ""), title, header, rows)
        ws.column_dimensions["A"].width = 40
        ws.column_dimensions["B"].width = 30
    if h.saran:
        ws = wb.create_sheet("Saran")
        ws.append(["Tanggal", "Layanan", "Saran dan masukan"])
        for s in h.saran:
            ws.append([timezone.localtime(s.waktu).strftime("%d-%m-%Y"), s.layanan.nama, s.saran])
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
