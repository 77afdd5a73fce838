"""The lembar disposisi (A4, the usual layout of Indonesian local government) and the registers'
rows for print and XLSX."""

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from dukcapil.documents.common import (
    FONT,
    FONT_BOLD,
    KopFlowable,
    OfficeHeader,
    format_tanggal,
    format_tanggal_waktu,
    para,
)

from ..models import Disposisi, InstruksiDisposisi, SifatSurat, SuratMasuk
from .registers import a4_document, grid_table

_S = ParagraphStyle("ld", fontName=FONT, fontSize=8.5, leading=10.5)
_B = ParagraphStyle("ld-b", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
_SMALL = ParagraphStyle("ld-s", fontName=FONT, fontSize=7.5, leading=9)
_TITLE = ParagraphStyle("ld-t", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=1)


def _box(checked: bool, label: str) -> str:
    return f"[{'X' if checked else '  '}] {label}"


def _nama(user) -> str:
    return user.get_full_name() or user.username


def render_lembar_disposisi(
    office: OfficeHeader,
    surat: SuratMasuk,
    tree: Sequence[tuple[int, Disposisi]],
    instruksi: Sequence[InstruksiDisposisi],
) -> bytes:
    buffer = io.BytesIO()
    doc = a4_document(buffer, f"Lembar disposisi agenda {surat.nomor}", margin=16 * mm)
    width = A4[0] - 32 * mm
    sifat = "   ".join(_box(surat.sifat == value, label) for value, label in SifatSurat.choices)
    agenda = Table(
        [
            [
                para("Surat dari", _B),
                para(surat.asal.nama, _S),
                para("Diterima tanggal", _B),
                para(format_tanggal(surat.tanggal_terima), _S),
            ],
            [para("Nomor surat", _B), para(surat.nomor_surat, _S), para("Nomor agenda", _B), para(surat.nomor, _S)],
            [
                para("Tanggal surat", _B),
                para(format_tanggal(surat.tanggal_surat), _S),
                para("Lampiran", _B),
                para(surat.lampiran or "-", _S),
            ],
            [para("Sifat", _B), para(sifat, _S), "", ""],
            [para("Perihal", _B), para(surat.perihal, _S), "", ""],
        ],
        colWidths=[width * 0.16, width * 0.34, width * 0.18, width * 0.32],
    )
    agenda.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("SPAN", (1, 3), (3, 3)),
                ("SPAN", (1, 4), (3, 4)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    head = [
        para(h, _B) for h in ["Tingkat / dari", "Diteruskan kepada", "Isi disposisi", "Catatan", "Paraf dan tanggal"]
    ]
    body = [_disposisi_row(depth, d, instruksi) for depth, d in tree]
    widths = [width * w for w in (0.17, 0.17, 0.26, 0.22, 0.18)]
    table = grid_table(head, body, widths, para("Belum ada disposisi.", _S))
    doc.build(
        [
            KopFlowable(office),
            Spacer(1, 8),
            para("LEMBAR DISPOSISI", _TITLE),
            Spacer(1, 8),
            agenda,
            Spacer(1, 10),
            table,
        ]
    )
    return buffer.getvalue()


LEMBAR_KOLOM = ["Tingkat / dari", "Diteruskan kepada", "Isi disposisi", "Catatan", "Paraf dan tanggal"]


def _disposisi_row(depth: int, d: Disposisi, instruksi: Sequence[InstruksiDisposisi]) -> list:
    chosen = {i.pk for i in d.instruksi.all()}
    paraf = [f"Diberikan {format_tanggal_waktu(d.dibuat)}"]
    paraf.append(f"Dibaca {format_tanggal_waktu(d.dibaca_pada)}" if d.dibaca_pada else "Belum dibaca")
    if d.ditutup_pada:
        paraf.append(f"{d.get_status_display()} {format_tanggal_waktu(d.ditutup_pada)}")
    catatan = d.isi or "-"
    if d.batas_waktu:
        catatan += f" (batas waktu {format_tanggal(d.batas_waktu)})"
    if d.catatan_tindak_lanjut:
        catatan += f" — tindak lanjut: {d.catatan_tindak_lanjut}"
    return [
        para(f"{depth + 1}. {_nama(d.dari)}", _S),
        para(_nama(d.kepada), _S),
        _boxes_cell(instruksi, chosen),
        para(catatan, _S),
        para(" · ".join(paraf), _SMALL),
    ]


def _boxes_cell(instruksi: Sequence[InstruksiDisposisi], chosen: set[int]) -> Paragraph:
    """The checklist as one paragraph, a line a box (one flowable: a nested table per row costs ~10x)."""
    return Paragraph("<br/>".join(escape(_box(i.pk in chosen, i.nama)) for i in instruksi) or "-", _SMALL)


AGENDA_KOLOM = [
    "No. agenda",
    "Tanggal terima",
    "Surat dari",
    "Nomor surat",
    "Tanggal surat",
    "Perihal",
    "Sifat",
    "Status",
]
AGENDA_LEBAR = [8, 10, 20, 16, 10, 30, 9, 14]


def agenda_cells(rows) -> list[list[str]]:
    return [
        [
            r.surat.nomor,
            format_tanggal(r.surat.tanggal_terima),
            r.asal,
            r.nomor_surat,
            "-" if r.tersamar else format_tanggal(r.surat.tanggal_surat),
            r.perihal,
            r.surat.get_sifat_display(),
            r.surat.get_status_display(),
        ]
        for r in rows
    ]


DISPOSISI_KOLOM = ["Penerima", "Agenda", "Perihal", "Dari", "Diberikan", "Dibaca", "Batas waktu", "Status"]
DISPOSISI_LEBAR = [16, 8, 30, 14, 12, 12, 10, 12]


def disposisi_cells(rows) -> list[list[str]]:
    return [
        [
            _nama(r.disposisi.kepada),
            r.disposisi.surat.nomor,
            r.perihal,
            _nama(r.disposisi.dari),
            format_tanggal(r.disposisi.dibuat),
            format_tanggal(r.disposisi.dibaca_pada, empty="belum dibaca"),
            format_tanggal(r.disposisi.batas_waktu) + (" (TERLAMBAT)" if r.terlambat else ""),
            r.disposisi.get_status_display(),
        ]
        for r in rows
    ]
