"""The berita acara serah terima (BAST) of blangko and printer supplies to a kecamatan: the office's
kop, the number, the two parties, the items and quantities, and a signature block for each side."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dukcapil.documents.common import FONT, FONT_BOLD, draw_kop, format_tanggal, tanggal_terbilang
from dukcapil.documents_builders import office_header

from ..models.distribusi_blangko import PermintaanBlangko


def _nama(user) -> str:
    return (user.get_full_name() or user.username) if user else "-"


def render_bast(permintaan: PermintaanBlangko) -> bytes:
    office = office_header()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4)
    c.setTitle(f"BAST {permintaan.nomor_bast}")
    width, height = A4
    left, right = 25 * mm, width - 20 * mm
    y = draw_kop(c, office, left, height - 15 * mm, right - left) - 18
    c.setFont(FONT_BOLD, 12)
    c.drawCentredString(width / 2, y, "BERITA ACARA SERAH TERIMA BARANG")
    y -= 14
    c.setFont(FONT, 10)
    c.drawCentredString(width / 2, y, f"Nomor: {permintaan.nomor_bast}")
    y -= 26
    tanggal = permintaan.tanggal_bast
    c.drawString(left, y, f"Pada tanggal {tanggal_terbilang(tanggal)}, yang bertanda tangan di bawah ini:")
    y -= 20
    pertama = permintaan.pihak_pertama
    for label, nama, nip, jabatan in (
        ("PIHAK PERTAMA", _nama(pertama), getattr(pertama, "nip", "") or "-", office.nama_dinas.title()),
        ("PIHAK KEDUA", permintaan.penerima_nama, permintaan.penerima_nip, f"Kecamatan {permintaan.kecamatan}"),
    ):
        c.setFont(FONT_BOLD, 10)
        c.drawString(left, y, label)
        c.setFont(FONT, 10)
        for key, value in (("Nama", nama), ("NIP", nip), ("Instansi", jabatan)):
            y -= 13
            c.drawString(left + 10 * mm, y, key)
            c.drawString(left + 35 * mm, y, f": {value}")
        y -= 18
    c.drawString(left, y, "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima, barang berikut:")
    y -= 20
    cols = (left, left + 12 * mm, left + 95 * mm, left + 125 * mm)
    c.setFont(FONT_BOLD, 10)
    for x, head in zip(cols, ("No", "Barang", "Diminta", "Diserahkan"), strict=True):
        c.drawString(x, y, head)
    c.line(left, y - 4, right, y - 4)
    c.setFont(FONT, 10)
    for n, item in enumerate((i for i in permintaan.items.all() if i.disetujui), start=1):
        y -= 16
        for x, value in zip(
            cols, (str(n), item.get_jenis_display(), str(item.diminta), str(item.disetujui)), strict=True
        ):
            c.drawString(x, y, value)
    c.line(left, y - 6, right, y - 6)
    y -= 26
    c.drawString(left, y, "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.")
    y -= 30
    c.drawRightString(right, y, f"{office.tempat_terbit}, {format_tanggal(tanggal)}")
    y -= 20
    for x, label, nama, nip in (
        (left, "PIHAK KEDUA", permintaan.penerima_nama, permintaan.penerima_nip),
        (width / 2 + 10 * mm, "PIHAK PERTAMA", _nama(pertama), getattr(pertama, "nip", "") or "-"),
    ):
        c.setFont(FONT_BOLD, 10)
        c.drawString(x, y, label)
        c.setFont(FONT, 10)
        c.line(x, y - 60, x + 60 * mm, y - 60)
        c.drawString(x, y - 72, nama)
        c.drawString(x, y - 85, f"NIP {nip}")
    c.showPage()
    c.save()
    return buffer.getvalue()
