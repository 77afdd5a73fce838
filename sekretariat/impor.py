"""Reading an uploaded table (CSV or XLSX) for an all-or-nothing import: the header row and the
non-empty rows after it with their line numbers, so every bad row can be named by its line."""

import csv
import io

from openpyxl import load_workbook

from dukcapil.exceptions import BerkasInvalid


class ImporGagal(BerkasInvalid):
    """The file was refused: every bad row with its line number."""

    def __init__(self, kesalahan: list[str]):
        self.kesalahan = kesalahan
        super().__init__(f"Berkas tidak diimpor: {len(kesalahan)} kesalahan. Tidak ada baris yang disimpan.")


def nama_kolom(cell) -> str:
    return str(cell or "").strip().lower().replace(" ", "_").replace("/", "_")


def baca_tabel(nama: str, data: bytes, max_baris: int) -> tuple[list[str], list[tuple[int, list]]]:
    """(header names, [(line number, cells)]) of a CSV or XLSX file; empty rows are skipped."""
    if nama.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise BerkasInvalid("Berkas XLSX tidak dapat dibaca.") from exc
    elif nama.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    else:
        raise BerkasInvalid("Format berkas harus CSV atau XLSX.")
    if not rows:
        raise BerkasInvalid("Berkas kosong.")
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(str(c or "").strip() for c in r)]
    if len(body) > max_baris:
        raise BerkasInvalid(f"Berkas terlalu besar: paling banyak {max_baris} baris.")
    return [nama_kolom(c) for c in rows[0]], body
