"""SOP steps as rows: CSV for checking against the seeds, XLSX in the seeds' column order."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .models import SOP, LangkahSOP

CHECK_HEADER = ["office", "sop", "urutan", "uraian", "pelaksana", "kelengkapan", "waktu_menit", "waktu_teks", "output"]
SEED_HEADER = ["No", "Uraian Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"]


def check_rows(sops) -> list[list]:
    rows = []
    for sop in sops:
        per_day = sop.kantor.menit_kerja_per_hari
        for step in sop.langkah.all():
            minutes = step.waktu_menit(per_day)
            rows.append(
                [
                    sop.kantor.slug,
                    sop.slug,
                    step.urutan,
                    step.uraian,
                    step.pelaksana,
                    step.kelengkapan,
                    "" if minutes is None else minutes,
                    step.waktu_teks,
                    step.output,
                ]
            )
    return rows


def write_check_csv(sops, out) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CHECK_HEADER)
    writer.writerows(check_rows(sops))


def seed_rows(sop: SOP) -> list[list]:
    steps: list[LangkahSOP] = list(sop.langkah.all())
    return [[s.urutan, s.uraian, s.pelaksana, s.kelengkapan, s.waktu_label(), s.output, s.keterangan] for s in steps]


def sop_csv(sop: SOP) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SEED_HEADER)
    writer.writerows(seed_rows(sop))
    return out.getvalue().encode("utf-8-sig")


def sop_xlsx(sop: SOP) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    ws.append([sop.nama])
    ws.append([f"{sop.kantor} · {sop.nomor or 'nomor tidak tercantum'}"])
    ws.append([])
    ws.append(SEED_HEADER)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in seed_rows(sop):
        ws.append(row)
    for column, width in zip("ABCDEFG", [5, 60, 25, 35, 16, 30, 25], strict=True):
        ws.column_dimensions[column].width = width
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=13)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
