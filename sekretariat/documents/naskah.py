"""PDF of a naskah dinas keluar: one function per tata letak (Permendagri 1/2023), all on the core
letter layout (dukcapil.documents.letter), and the archive copy with its paraf table."""

from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from dukcapil.documents.common import FONT, FONT_BOLD, format_tanggal, format_tanggal_waktu
from dukcapil.documents.letter import CONTENT_W, Surat, Tabel, render_surat
from dukcapil.documents_builders import office_header
from dukcapil.registry import RenderedDocument, register_document_label

from ..models.naskah import Naskah, Tata
from ..naskah_markup import to_blocks

register_document_label("naskah-dinas", "Naskah dinas")

_ROW = ParagraphStyle("naskah-row", fontName=FONT, fontSize=9.0, leading=11.5)
_HEAD = ParagraphStyle("naskah-head", parent=_ROW, fontName=FONT_BOLD, alignment=1, spaceBefore=6, spaceAfter=4)
BELUM_BERNOMOR = "(belum bernomor)"


def _rows(rows: list[tuple[str, str]], label_w: float = 28 * mm) -> Table:
    """Label : value rows without numbering (the heads of a nota dinas or surat tugas)."""
    data = [
        [Paragraph(label, _ROW), ":", Paragraph((value or "-").replace("\n", "<br/>"), _ROW)] for label, value in rows
    ]
    table = Table(data, colWidths=[label_w, 4 * mm, CONTENT_W - label_w - 4 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _field(naskah: Naskah, nama: str) -> str:
    return escape(str(naskah.data.get(nama, "") or ""))


def _body(naskah: Naskah) -> list:
    """Head rows of the jenis's tata letak, then the konsep's body."""
    tata, nomor = naskah.jenis.tata, naskah.nomor_naskah or BELUM_BERNOMOR
    head: list = []
    if tata == Tata.NOTA_DINAS:
        head = [
            _rows(
                [
                    ("Kepada", naskah.tujuan_nama),
                    ("Dari", _field(naskah, "dari") or "Kepala Dinas"),
                    ("Tembusan", ", ".join(naskah.tembusan_list())),
                    ("Tanggal", format_tanggal(naskah.tanggal_naskah)),
                    ("Nomor", nomor),
                    ("Sifat", naskah.get_sifat_display()),
                    ("Lampiran", naskah.lampiran),
                    ("Hal", naskah.hal),
                ]
            )
        ]
    elif tata == Tata.SURAT_TUGAS:
        head = [
            _rows([("Dasar", _field(naskah, "dasar"))]),
            Paragraph("MEMERINTAHKAN:", _HEAD),
            _rows([("Kepada", _field(naskah, "kepada") or naskah.tujuan_nama), ("Untuk", _field(naskah, "untuk"))]),
        ]
    elif tata == Tata.KEPUTUSAN:
        head = [
            Paragraph(f"TENTANG<br/>{naskah.hal.upper()}", _HEAD),
            _rows([("Menimbang", _field(naskah, "menimbang")), ("Mengingat", _field(naskah, "mengingat"))]),
            Paragraph("MEMUTUSKAN:", _HEAD),
            _rows([("Menetapkan", _field(naskah, "menetapkan") or naskah.hal)]),
        ]
    return [*head, *to_blocks(naskah.isi)]


def build_surat(naskah: Naskah, *, verification_url: str = "", signer=None, paraf: list | None = None) -> Surat:
    office = office_header(signer)
    tata = naskah.jenis.tata
    surat_dinas = tata == Tata.SURAT_DINAS
    kepada = [f"Yth. {naskah.tujuan_nama}", "di", naskah.tujuan_alamat or "Tempat"] if surat_dinas else []
    isi = _body(naskah)
    if paraf is not None:
        isi.append(
            Tabel(
                judul="Paraf koordinasi (salinan arsip)",
                kolom=["No", "Jabatan", "Nama", "Waktu paraf"],
                baris=[
                    [
                        str(n),
                        p.get_peran_display(),
                        p.pengguna.get_full_name() or p.pengguna.username,
                        format_tanggal_waktu(p.waktu),
                    ]
                    for n, p in enumerate(paraf, start=1)
                ]
                or [["-", "Tanpa paraf koordinasi", "-", "-"]],
                lebar=[0.5, 2, 3, 3],
            )
        )
    return Surat(
        office=office,
        nomor=naskah.nomor_naskah or BELUM_BERNOMOR,
        tanggal=naskah.tanggal_naskah or timezone.localdate(),
        judul="" if surat_dinas else (naskah.jenis.nama if tata != Tata.KEPUTUSAN else "Keputusan Kepala Dinas"),
        sifat=naskah.get_sifat_display() if surat_dinas else "",
        lampiran=naskah.lampiran if surat_dinas else "",
        perihal=naskah.hal if surat_dinas else "",
        kepada=kepada,
        isi=isi,
        verification_url=verification_url,
        tembusan=naskah.tembusan_list() if tata != Tata.NOTA_DINAS else [],
    )


def render_naskah(naskah: Naskah, *, verification_url: str, signer) -> RenderedDocument:
    """The document the Kadis signs (dukcapil.tte): always numbered (the service refuses TTE without)."""
    return RenderedDocument(
        pdf=render_surat(build_surat(naskah, verification_url=verification_url, signer=signer)),
        nomor=naskah.nomor_naskah,
    )


def render_arsip(naskah: Naskah, *, verification_url: str = "", signer=None) -> bytes:
    """The archive copy: the same naskah with the paraf koordinasi table."""
    paraf = list(naskah.paraf.filter(putaran=naskah.putaran).select_related("pengguna").order_by("waktu"))
    return render_surat(build_surat(naskah, verification_url=verification_url, signer=signer, paraf=paraf))


def render_konsep(naskah: Naskah) -> bytes:
    """A preview of the konsep (no QR, «belum bernomor» until numbered)."""
    return render_surat(build_surat(naskah))
