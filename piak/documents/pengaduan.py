"""The monthly statistics of pengaduan as a workbook (openpyxl): one sheet, one block per grouping."""

from openpyxl import Workbook
from openpyxl.styles import Font

from sekretariat.services.perencanaan import BULAN

from ..selectors.pengaduan import Statistik

KOLOM = ["", "Jumlah", "Dijawab", "Tepat waktu", "% tepat waktu", "Median waktu jawab (hari)"]


def statistik_workbook(stat: Statistik) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = f"{stat.tahun}-{stat.bulan:02d}"
    ws.append([f"Statistik pengaduan dan permintaan informasi, {BULAN[stat.bulan]} {stat.tahun}"])
    ws["A1"].font = Font(bold=True)
    for judul, rows in (
        ("Per saluran", stat.per_saluran),
        ("Per kategori", stat.per_kategori),
        ("Per bidang yang menjawab", stat.per_bidang),
        ("Total", [stat.total]),
    ):
        ws.append([])
        ws.append([judul, *KOLOM[1:]])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append([r.label, r.jumlah, r.dijawab, r.tepat_waktu, r.persen_tepat, r.median_hari])
    ws.column_dimensions["A"].width = 40
    return wb
