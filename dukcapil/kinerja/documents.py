"""The monthly laporan kinerja pelayanan as a PDF: kop, the indicators (target, realisasi, capaian),
every dashboard table, and charts drawn with reportlab.graphics. Counts and times only, never a
person's data besides the officers' names. Every bar carries its value as text and a table gives the
same numbers, so colour is never the only carrier of meaning."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..documents.common import FONT, format_tanggal
from ..documents_builders import office_header
from ..report_pdf import report_opening, report_styles
from . import selectors as sel
from .tables import TABEL, angka, dashboard, persen

PAGE = landscape(A4)
MARGIN = 14 * mm
WIDTH = PAGE[0] - 2 * MARGIN
BIRU, ABU = colors.HexColor("#1f5f99"), colors.HexColor("#9a9a9a")
_STYLES = report_styles("lk")
_TITLE, _SUB, _H2, _BODY, _CELL = _STYLES


def _cell(value) -> str:
    if isinstance(value, (int, float)) or value is None:
        return angka(value)
    return str(value)


def _table(header, rows) -> Table:
    body = [[Paragraph(escape(str(c)), _CELL) for c in header]]
    body += [[Paragraph(escape(_cell(c)), _CELL) for c in row] for row in rows]
    if not rows:
        body.append([Paragraph("Tidak ada data pada periode ini.", _CELL)] + [""] * (len(header) - 1))
    first = WIDTH * (0.28 if len(header) > 4 else 0.4)
    widths = [first] + [(WIDTH - first) / (len(header) - 1)] * (len(header) - 1)
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if not rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    return table


def _hbars(labels: list[str], series: list[list[float]], names: list[str], fmt: str = "%.0f") -> Drawing:
    """Horizontal grouped bars, each labelled with its value; a legend names each series."""
    height = max(60, 16 * len(labels) * max(1, len(series)) / 1.4) + 30
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = WIDTH * 0.35, 10, WIDTH * 0.55, height - 35
    chart.data = [[v or 0 for v in s] for s in series]
    chart.categoryAxis.categoryNames = [label[:60] for label in labels]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 6.5
    chart.barLabelFormat = fmt
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i, fill in enumerate((BIRU, ABU)[: len(series)]):
        chart.bars[i].fillColor = fill
    drawing.add(chart)
    if len(names) > 1:
        legend = Legend()
        legend.x, legend.y = WIDTH * 0.35, height - 6
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName, legend.fontSize = FONT, 7.5
        legend.colorNamePairs = list(zip((BIRU, ABU), names, strict=False))
        legend.deltax = 120
        drawing.add(legend)
    return drawing


def render_laporan(p: sel.Periode, judul: str) -> bytes:
    """The report for ``p`` (every figure from the selectors, as the dashboard shows them)."""
    data = dashboard(p)
    jumlah = sel.total(data["layanan"])
    story = report_opening(
        office_header(),
        f"LAPORAN KINERJA PELAYANAN {judul.upper()}",
        f"Periode {format_tanggal(p.dari)} s.d. {format_tanggal(p.sampai)}",
        styles=_STYLES,
    )
    story.append(Paragraph("Indikator kinerja", _H2))
    story.append(
        _table(
            ("Indikator kinerja", "Target", "Realisasi", "Capaian"),
            [
                ["Berkas selesai dalam jangka waktu Standar Pelayanan (hari kerja)", "100%",
                 f"{angka(jumlah['tepat'])} dari {angka(jumlah['bertenggat'])} berkas", persen(jumlah["persen_tepat"])],
                ["Berkas masuk", "–", angka(jumlah["masuk"]), "–"],
                ["Berkas selesai", "–", angka(jumlah["selesai"]),
                 persen(sel.persen(jumlah["selesai"], jumlah["masuk"]))],
                ["Berkas dalam proses pada akhir periode", "–", angka(jumlah["proses"]), "–"],
                ["Berkas menunggu blangko", "–", angka(jumlah["menunggu_blangko"]), "–"],
            ],
        )
    )  # fmt: skip
    charts = {
        "layanan": lambda rows: _hbars(
            [r["nama"] for r in rows], [[r["masuk"] for r in rows], [r["selesai"] for r in rows]], ["Masuk", "Selesai"]
        ),
        "tahap": lambda rows: _hbars(
            [f"{r['layanan']}: {r['tahap_label']}" for r in rows if r["standar_menit"]],
            [[r["median_menit"] for r in rows if r["standar_menit"]],
             [r["standar_menit"] for r in rows if r["standar_menit"]]],
            ["Median (menit)", "Standar SOP (menit)"],
        ),
        "petugas": lambda rows: _hbars(
            [r["petugas"] for r in rows[:15]], [[r["jumlah"] for r in rows[:15]]], ["Serah-terima"]
        ),
        "pengembalian": lambda rows: _hbars(
            [r["alasan_label"] for r in rows[:10]], [[r["jumlah"] for r in rows[:10]]], ["Jumlah"]
        ),
    }  # fmt: skip
    for kode, rows in data.items():
        t = TABEL[kode]
        block = [Paragraph(escape(t.judul), _H2)]
        if kode in charts and rows and any(True for _ in rows):
            drawing = charts[kode](rows)
            if drawing.contents and drawing.contents[0].data and drawing.contents[0].data[0]:
                block += [drawing, Spacer(1, 4)]
        block.append(_table(t.kolom, [t.cells(r) for r in rows]))
        story.append(KeepTogether(block) if len(rows) < 20 else block[0])
        if len(rows) >= 20:
            story += block[1:]
    story.append(Spacer(1, 8))
    story.append(
        Paragraph(
            "Waktu per tahap dihitung dari kartu kendali (masuk tahap sampai serah-terima, waktu berjalan); "
            "standar adalah menit SOP yang berlaku saat berkas didaftarkan. Tepat waktu: selesai paling lambat "
            "pada tenggat (hari kerja menurut kalender kantor).",
            _BODY,
        )
    )
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGE, title=f"Laporan kinerja pelayanan {judul}", creator="Dukcapil",
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
    )  # fmt: skip
    doc.build(story)
    return buffer.getvalue()
