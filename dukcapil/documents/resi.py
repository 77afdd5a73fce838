"""The counter receipt (resi, A5 portrait): the tanda bukti pengajuan a citizen takes home.

Pure function: :func:`render_resi_pdf` takes a :class:`ResiDocument` and returns PDF bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .common import (
    FONT,
    FONT_BOLD,
    KopFlowable,
    OfficeHeader,
    QRFlowable,
    fit_font_size,
    format_tanggal,
    format_tanggal_waktu,
    para,
)


@dataclass(frozen=True)
class ResiDocument:
    office: OfficeHeader
    nomor_registrasi: str  # e.g. "KK-261121-0007"
    layanan: str  # e.g. "Penerbitan Kartu Keluarga (KK)"
    tanggal_terima: datetime  # aware
    pemohon_nama: str
    pemohon_nik_masked: str  # already masked, e.g. "3171**********0001"
    persyaratan_diserahkan: list[str]
    perkiraan_selesai: date | None  # None -> "tidak ditetapkan"
    petugas: str  # name of the front-office officer
    status_url: str  # public URL where the citizen checks status
    survei_url: str = ""  # the berkas's own IKM questionnaire (dukcapil.ikm); empty -> no survey box


RESI_PAGE_SIZE = A5
_RESI_MARGIN = 12 * mm

_STYLE_BASE = ParagraphStyle("resi-base", fontName=FONT, fontSize=8.5, leading=10.5)
_STYLE_LABEL = ParagraphStyle("resi-label", parent=_STYLE_BASE)
_STYLE_VALUE = ParagraphStyle("resi-value", parent=_STYLE_BASE, fontName=FONT_BOLD)
_STYLE_TITLE = ParagraphStyle(
    "resi-title",
    parent=_STYLE_BASE,
    fontName=FONT_BOLD,
    fontSize=12,
    leading=14.5,
    alignment=TA_CENTER,
)
_STYLE_SUBTITLE = ParagraphStyle(
    "resi-subtitle",
    parent=_STYLE_BASE,
    fontName=FONT_BOLD,
    fontSize=10,
    leading=12,
    alignment=TA_CENTER,
)
_STYLE_SMALL = ParagraphStyle("resi-small", parent=_STYLE_BASE, fontSize=7.5, leading=9.5)
_STYLE_SMALL_CENTER = ParagraphStyle("resi-small-c", parent=_STYLE_SMALL, alignment=TA_CENTER)
_STYLE_LIST = ParagraphStyle(
    "resi-list",
    parent=_STYLE_BASE,
    leftIndent=16,
    bulletIndent=2,
    alignment=TA_LEFT,
    bulletFontName=FONT,
    bulletFontSize=8.5,
)
_STYLE_QR_CAPTION = ParagraphStyle("resi-qr-caption", parent=_STYLE_SMALL_CENTER, fontSize=6.5, leading=8)
_STYLE_SIGN = ParagraphStyle("resi-sign", parent=_STYLE_BASE, alignment=TA_CENTER)


def _nomor_registrasi_box(nomor: str, width: float) -> Table:
    size = fit_font_size(nomor, FONT_BOLD, 24, width - 16, min_size=12)
    style_nomor = ParagraphStyle(
        "resi-nomor",
        fontName=FONT_BOLD,
        fontSize=size,
        leading=size * 1.15,
        alignment=TA_CENTER,
    )
    table = Table(
        [[para("NOMOR REGISTRASI", _STYLE_SMALL_CENTER)], [para(nomor, style_nomor)]],
        colWidths=[width],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.94, 0.94, 0.94)),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 7),
            ]
        )
    )
    return table


def _field_table(rows: list[tuple[str, str]], width: float) -> Table:
    label_w = 30 * mm
    colon_w = 3 * mm
    data = [[para(label, _STYLE_LABEL), para(":", _STYLE_LABEL), para(value, _STYLE_VALUE)] for label, value in rows]
    table = Table(data, colWidths=[label_w, colon_w, width - label_w - colon_w])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _qr_and_instruction(doc: ResiDocument, width: float) -> Table:
    qr_size = 27 * mm
    qr = QRFlowable(doc.status_url, qr_size)
    instruction = Paragraph(
        "<b>Bawa resi ini saat pengambilan dokumen.</b> Cek status: "
        f"<font name='{FONT_BOLD}'>{escape(doc.status_url)}</font> "
        "(masukkan nomor registrasi dan NIK)",
        _STYLE_BASE,
    )
    note = para(
        "Pindai kode QR di samping untuk membuka halaman cek status. "
        "Jangan berikan resi ini kepada orang lain; pengambilan dokumen oleh "
        "orang lain wajib membawa surat kuasa.",
        _STYLE_SMALL,
    )
    table = Table(
        [[[qr, Spacer(1, 2), para("Pindai untuk cek status", _STYLE_QR_CAPTION)], [instruction, Spacer(1, 4), note]]],
        colWidths=[qr_size + 8, width - qr_size - 8],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 4),
                ("RIGHTPADDING", (0, 0), (0, 0), 4),
                ("LEFTPADDING", (1, 0), (1, 0), 6),
                ("RIGHTPADDING", (1, 0), (1, 0), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _survei_box(doc: ResiDocument, width: float) -> Table:
    """The invitation to the Survei Kepuasan Masyarakat (Permenpan-RB 14/2017): this berkas's own
    questionnaire, one answer per berkas, no name asked."""
    qr_size = 19 * mm
    text = [
        Paragraph("<b>Survei Kepuasan Masyarakat</b>: setelah dokumen Anda terima, mohon nilai pelayanan kami "
                  "(tanpa nama, satu kali untuk berkas ini).", _STYLE_SMALL),
        Spacer(1, 2),
        Paragraph(f"<font name='{FONT_BOLD}'>{escape(doc.survei_url)}</font>", _STYLE_SMALL),
    ]  # fmt: skip
    table = Table([[QRFlowable(doc.survei_url, qr_size), text]], colWidths=[qr_size + 8, width - qr_size - 8])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _signature_block(doc: ResiDocument, width: float) -> Table:
    tempat = f"{doc.office.tempat_terbit}, {format_tanggal(doc.tanggal_terima)}"
    name_style = ParagraphStyle("resi-sign-name", parent=_STYLE_SIGN, fontName=FONT_BOLD)
    block = [
        para(tempat, _STYLE_SIGN),
        para("Petugas Loket,", _STYLE_SIGN),
        Spacer(1, 30),
        Paragraph(f"<u>{escape(doc.petugas)}</u>", name_style),
    ]
    col = 62 * mm
    table = Table([["", block]], colWidths=[width - col, col])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def render_resi_pdf(doc: ResiDocument) -> bytes:
    """Render the counter receipt (A5 portrait) and return the PDF bytes."""
    buf = BytesIO()
    page_w, page_h = RESI_PAGE_SIZE
    width = page_w - 2 * _RESI_MARGIN

    def on_page(canvas: Canvas, template: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 6.5)
        canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
        canvas.drawString(_RESI_MARGIN, 7 * mm, f"Resi {doc.nomor_registrasi}")
        if canvas.getPageNumber() > 1:
            canvas.drawRightString(page_w - _RESI_MARGIN, 7 * mm, f"Halaman {canvas.getPageNumber()}")
        canvas.restoreState()

    template = BaseDocTemplate(
        buf,
        pagesize=RESI_PAGE_SIZE,
        leftMargin=_RESI_MARGIN,
        rightMargin=_RESI_MARGIN,
        topMargin=10 * mm,
        bottomMargin=11 * mm,
        title=f"Resi {doc.nomor_registrasi}",
        author=doc.office.nama_dinas,
        subject=f"Tanda bukti pengajuan {doc.layanan}",
        creator="Dukcapil",
    )
    frame = Frame(
        template.leftMargin,
        template.bottomMargin,
        width,
        page_h - template.topMargin - template.bottomMargin,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate(id="resi", frames=[frame], onPage=on_page)])

    perkiraan = format_tanggal(doc.perkiraan_selesai) if doc.perkiraan_selesai is not None else "tidak ditetapkan"
    fields = [
        ("Jenis Layanan", doc.layanan),
        ("Tanggal/Jam Terima", format_tanggal_waktu(doc.tanggal_terima)),
        ("Nama Pemohon", doc.pemohon_nama),
        ("NIK Pemohon", doc.pemohon_nik_masked),
        ("Perkiraan Selesai", perkiraan),
    ]

    story: list[Flowable] = [
        KopFlowable(doc.office),
        Spacer(1, 7),
        para("TANDA BUKTI PENGAJUAN", _STYLE_TITLE),
        para("RESI PENGAMBILAN DOKUMEN", _STYLE_SUBTITLE),
        Spacer(1, 7),
        _nomor_registrasi_box(doc.nomor_registrasi, width),
        Spacer(1, 8),
        _field_table(fields, width),
        Spacer(1, 6),
        para("Persyaratan yang diserahkan:", _STYLE_LABEL),
        Spacer(1, 2),
    ]
    if doc.persyaratan_diserahkan:
        for i, item in enumerate(doc.persyaratan_diserahkan, start=1):
            story.append(Paragraph(escape(item), _STYLE_LIST, bulletText=f"{i}."))
    else:
        story.append(Paragraph("(tidak ada dokumen yang diserahkan)", _STYLE_LIST))
    story += [
        Spacer(1, 9),
        KeepTogether(
            [
                _qr_and_instruction(doc, width),
                *([Spacer(1, 5), _survei_box(doc, width)] if doc.survei_url else []),
                Spacer(1, 9),
                _signature_block(doc, width),
            ]
        ),
    ]
    template.build(story)
    return buf.getvalue()
