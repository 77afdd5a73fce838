"""The laporan perkembangan kependudukan as a PDF (reportlab, with charts drawn by
reportlab.graphics) and as an XLSX workbook (one sheet per table), both from the report's stored
snapshot: counts only, never a person's data. Every bar and slice carries its value as text, so
colour is never the only carrier of meaning."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dukcapil.documents.common import DATA_TABLE_STYLE, FONT, FONT_BOLD, format_tanggal
from dukcapil.documents.letter import Penandatangan, signature_block
from dukcapil.documents_builders import office_header
from dukcapil.registry import RenderedDocument
from dukcapil.report_pdf import report_opening, report_styles

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
LAKI, PEREMPUAN = colors.HexColor("#1f5f99"), colors.HexColor("#c2571a")
_STYLES = report_styles("lp")
_TITLE, _SUB, _H2, _BODY, _CELL = _STYLES


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _persen(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%".replace(".", ",") if whole else "-"


# --- the tables both formats share -------------------------------------------------------------


def tabel_laporan(data: dict) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) of every table of the report, in order (the PDF, the XLSX, the page)."""
    jk = ["L", "P", "Jumlah"]

    def rows(items, label="label"):
        return [[r[label], r["L"], r["P"], r["total"]] for r in items]

    tables = []
    j = data["jumlah"]
    tables.append(("Jumlah penduduk", ["Uraian", *jk], [["Penduduk", j["L"], j["P"], j["total"]]]))
    if "wilayah" in data:
        tables.append(("Penduduk per kecamatan", ["Kecamatan", *jk], rows(data["wilayah"])))
        desa = [[k["label"], d["label"], d["L"], d["P"], d["total"]] for k in data["wilayah"] for d in k["desa"]]
        tables.append(("Penduduk per desa/kelurahan", ["Kecamatan", "Desa/kelurahan", *jk], desa))
        tables.append(("Penduduk menurut kelompok umur", ["Kelompok umur", *jk], rows(data["umur"])))
        tables.append(("Penduduk menurut agama", ["Agama", *jk], rows(data["agama"])))
        tables.append(("Penduduk menurut pendidikan", ["Pendidikan", *jk], rows(data["pendidikan"])))
        tables.append(("Penduduk menurut pekerjaan", ["Pekerjaan", *jk], rows(data["pekerjaan"])))
        tables.append(("Penduduk menurut status perkawinan", ["Status perkawinan", *jk], rows(data["perkawinan"])))
    else:
        tables.append(("Anak (0–17 tahun) menurut kelompok umur", ["Kelompok umur", *jk], rows(data["umur_anak"])))
        tables.append(("Anak (0–17 tahun) per kecamatan", ["Kecamatan", *jk], rows(data["anak_wilayah"])))
    tables.append(("Kepemilikan dokumen", ["Uraian", *jk, "Cakupan"], kepemilikan_rows(data)))
    p = data["peristiwa"]
    tables.append(
        (
            "Peristiwa kependudukan dalam periode",
            ["Peristiwa", *jk],
            [
                ["Lahir", *(p["lahir"][k] for k in ("L", "P", "total"))],
                ["Meninggal", *(p["mati"][k] for k in ("L", "P", "total"))],
                ["Datang", *(p["datang"][k] for k in ("L", "P", "total"))],
                ["Pindah keluar", *(p["pindah_keluar"][k] for k in ("L", "P", "total"))],
                ["Akta kelahiran diterbitkan", "", "", p["akta_kelahiran_terbit"]],
                ["Akta kematian diterbitkan", "", "", p["akta_kematian_terbit"]],
            ],
        )
    )
    return tables


KEPEMILIKAN = [
    ("wajib_ktp", None, "Wajib KTP-el (17 tahun ke atas atau pernah kawin)"),
    ("wajib_ktp_rekam", "wajib_ktp", "Wajib KTP-el yang sudah perekaman"),
    ("akta_semua", "jumlah", "Memiliki akta kelahiran (semua umur)"),
    ("anak_0_18", None, "Anak 0–18 tahun"),
    ("akta_0_18", "anak_0_18", "Anak 0–18 tahun memiliki akta kelahiran"),
    ("anak_0_17", None, "Anak 0–17 tahun"),
    ("akta_0_17", "anak_0_17", "Anak 0–17 tahun memiliki akta kelahiran"),
    ("kia_0_17", "anak_0_17", "Anak 0–17 tahun memiliki KIA"),
]


def kepemilikan_rows(data: dict) -> list[list]:
    k = data["kepemilikan"] | {"jumlah": data["jumlah"]}
    out = []
    for key, base, label in KEPEMILIKAN:
        row = k[key]
        out.append([label, row["L"], row["P"], row["total"], _persen(row["total"], k[base]["total"]) if base else ""])
    return out


# --- charts --------------------------------------------------------------------------------------


def _bars(
    labels: list[str], series: list[list[int]], names: list[str], *, height: float = 180, fills=(LAKI, PEREMPUAN)
) -> Drawing:
    """Grouped vertical bars, each bar labelled with its value; a legend names each series."""
    drawing = Drawing(WIDTH, height + 30)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, WIDTH - 60, height - 40
    chart.data = series
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 6.5
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    for i, fill in enumerate(fills[: len(series)]):
        chart.bars[i].fillColor = fill
    drawing.add(chart)
    if len(names) > 1:
        legend = Legend()
        legend.x, legend.y = 40, height + 22
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName, legend.fontSize = FONT, 7.5
        legend.colorNamePairs = list(zip(fills, names, strict=False))
        legend.deltax = 90
        drawing.add(legend)
    return drawing


def _pyramid(rows: list[dict]) -> Drawing:
    """Age × sex as two horizontal bar charts back to back (L left, P right), values written."""
    height = 14 * len(rows) + 40
    drawing = Drawing(WIDTH, height)
    top = max([r["L"] for r in rows] + [r["P"] for r in rows] + [1])
    half = (WIDTH - 60) / 2
    for i, (key, fill, name) in enumerate((("L", LAKI, "Laki-laki"), ("P", PEREMPUAN, "Perempuan"))):
        chart = HorizontalBarChart()
        chart.y, chart.height, chart.width = 10, height - 35, half - 10
        chart.x = 30 if i == 0 else 30 + half + 20
        chart.data = [[r[key] for r in rows]]
        chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top * 1.15
        chart.valueAxis.reverseDirection = i == 0
        chart.valueAxis.visible = False
        chart.categoryAxis.categoryNames = [r["label"] for r in rows]
        chart.categoryAxis.labels.fontSize = 6.5
        chart.categoryAxis.visibleLabels = i == 1
        chart.categoryAxis.labels.dx = -half - 2
        chart.bars[0].fillColor = fill
        chart.barLabelFormat = "%d"
        chart.barLabels.fontSize = 6
        chart.barLabels.nudge = 8
        drawing.add(chart)
        drawing.add(
            String(chart.x + chart.width / 2, height - 15, name, fontName=FONT_BOLD, fontSize=8, textAnchor="middle")
        )
    return drawing


def cakupan(data: dict) -> list[tuple[str, int, int]]:
    """(label, who own it, out of how many) for akta kelahiran, KIA and perekaman KTP-el."""
    k = data["kepemilikan"]
    return [
        ("Akta kelahiran (semua)", k["akta_semua"]["total"], data["jumlah"]["total"]),
        ("Akta kelahiran 0–18", k["akta_0_18"]["total"], k["anak_0_18"]["total"]),
        ("KIA 0–17", k["kia_0_17"]["total"], k["anak_0_17"]["total"]),
        ("Perekaman KTP-el", k["wajib_ktp_rekam"]["total"], k["wajib_ktp"]["total"]),
    ]


def _cakupan_chart(data: dict) -> Drawing:
    """Ownership of akta kelahiran and KIA: «memiliki» and «belum» per group, counts written on the bars."""
    groups = cakupan(data)
    punya = [g[1] for g in groups]
    belum = [g[2] - g[1] for g in groups]
    labels = [f"{g[0]} ({_persen(g[1], g[2])})" for g in groups]
    fills = (colors.HexColor("#2f6b3a"), colors.HexColor("#b0b0b0"))
    return _bars(labels, [punya, belum], ["Memiliki", "Belum memiliki"], height=150, fills=fills)


def _table(header: list[str], rows: list[list], widths: list[float] | None = None) -> Table:
    body = [[Paragraph(escape(str(c)), _CELL) for c in header]]
    body += [[Paragraph(escape(_n(c) if isinstance(c, int) else str(c)), _CELL) for c in row] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([*DATA_TABLE_STYLE, ("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    return table


def _widths(header: list[str]) -> list[float]:
    numeric = len([h for h in header if h in ("L", "P", "Jumlah", "Cakupan")])
    text = len(header) - numeric
    rest = WIDTH - numeric * 22 * mm
    return [rest / text] * text + [22 * mm] * numeric


def render_pdf(laporan, *, verification_url: str = "", signer=None) -> bytes:
    """The report: kop, title, period, the Kasi's analysis, tables and charts, signature block."""
    office = office_header(signer)
    data = laporan.data
    story = report_opening(
        office,
        laporan.judul.upper(),
        f"Periode {format_tanggal(laporan.tanggal_awal)} s.d. {format_tanggal(laporan.tanggal_akhir)}; "
        f"data per {format_tanggal(laporan.tanggal_akhir)}",
        *([f"Nomor: {escape(laporan.nomor_registrasi)}"] if laporan.nomor_registrasi else []),
        styles=_STYLES,
    )
    charts = {"Penduduk per kecamatan": "wilayah", "Penduduk menurut kelompok umur": "umur"}
    for title, header, rows in tabel_laporan(data):
        block = [Paragraph(escape(title), _H2), _table(header, rows, _widths(header))]
        if charts.get(title) == "wilayah" and rows:
            block += [Spacer(1, 4), _bars([r[0] for r in rows], [[r[3] for r in rows]], ["Jumlah penduduk"])]
        if charts.get(title) == "umur":
            block += [
                Spacer(1, 4),
                Paragraph("Piramida penduduk (laki-laki kiri, perempuan kanan)", _BODY),
                _pyramid(data["umur"]),
            ]
        if title.startswith("Anak (0–17 tahun) menurut"):
            block += [
                Spacer(1, 4),
                _bars(
                    [r[0] for r in rows],
                    [[r[1] for r in rows], [r[2] for r in rows]],
                    ["Laki-laki", "Perempuan"],
                    height=140,
                ),
            ]
        if title == "Kepemilikan dokumen":
            block += [Spacer(1, 4), _cakupan_chart(data)]
        story.append(KeepTogether(block) if len(rows) < 25 else block[0])
        if len(rows) >= 25:
            story += block[1:]
    story.append(Paragraph("Analisis", _H2))
    for line in (laporan.analisis or "-").splitlines() or ["-"]:
        story.append(Paragraph(escape(line) or "&nbsp;", _BODY))
    story.append(Spacer(1, 12))
    story.append(
        signature_block(
            Penandatangan.kepala_dinas(office),
            verification_url=verification_url,
            heading=[Paragraph(f"{escape(office.tempat_terbit)}, {format_tanggal(laporan.tanggal_akhir)}", _BODY)],
            width=WIDTH,
        )
    )
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=laporan.judul, author=office.nama_dinas,
    )  # fmt: skip
    doc.build(story)
    return buffer.getvalue()


def render_signed(laporan, *, verification_url: str, signer) -> RenderedDocument:
    """What the Kadis signs (dukcapil.tte): the same layout with the TTE QR code."""
    return RenderedDocument(pdf=render_pdf(laporan, verification_url=verification_url, signer=signer), nomor="")


def render_xlsx(laporan) -> bytes:
    """One sheet per table of the report (sheet names within Excel's 31 characters)."""
    from openpyxl import Workbook

    from sekretariat.documents.registers import table_sheet

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for title, header, rows in tabel_laporan(laporan.data):
        name = title.replace("/", "-")[:31]
        while name in used:
            name = name[:29] + f"{len(used):02d}"
        used.add(name)
        ws = wb.create_sheet(name)
        table_sheet(ws, laporan.judul, title, header, rows)
        ws.column_dimensions["A"].width = 42
        ws.column_dimensions["B"].width = 24
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
