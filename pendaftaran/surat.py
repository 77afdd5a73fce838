"""The surat keterangan (SKPWNI, SKDWNI, batal pindah, SKPLN, SKDLN, SKTT; also the kutipan akta).

They all have the shape of the SIAK printouts: the kode formulir, the kop, the centred title with
the number under it, an opening paragraph, the numbered label/value sections, the tables, the
closing paragraph and the Kepala Dinas's signature block with the verification QR code, small notes
at the bottom, the registration number in the footer. :class:`SuratDocument` holds exactly that;
:func:`render_surat_pdf` prints it with the office's letter layout (:mod:`dukcapil.documents.letter`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dukcapil.documents import OfficeHeader
from dukcapil.documents.letter import SURAT_PAGE_SIZE, Bagian, Surat, Tabel, render_surat

__all__ = [
    "Bagian",
    "SURAT_PAGE_SIZE",
    "SuratDocument",
    "Tabel",
    "render_surat_pdf",
]


@dataclass(frozen=True, kw_only=True)  # keyword-only: required fields follow defaulted ones
class SuratDocument:
    office: OfficeHeader
    kode_formulir: str  # e.g. "F-1.03", printed at the top right in a small box
    judul: str  # e.g. "SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA"
    nomor: str  # printed as "Nomor : ..." under the title
    pembuka: str = ""  # opening paragraph (may be "")
    bagian: list[Bagian] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)  # printed after the sections
    penutup: str = ""  # closing paragraph
    tanggal_terbit: date
    tempat_terbit: str
    nomor_registrasi: str  # small, in the footer
    verification_url: str = ""  # QR at the left of the signature block; empty -> no QR
    catatan_kaki: list[str] = field(default_factory=list)  # small notes at the bottom, e.g. validity

    def as_surat(self) -> Surat:
        return Surat(
            office=self.office,
            kode_formulir=self.kode_formulir,
            judul=self.judul,
            nomor=self.nomor,
            tanggal=self.tanggal_terbit,
            tempat=self.tempat_terbit,
            isi=[self.pembuka, *self.bagian, *self.tabel],
            penutup=self.penutup,
            verification_url=self.verification_url,
            catatan_kaki=self.catatan_kaki,
            nomor_registrasi=self.nomor_registrasi,
        )


def render_surat_pdf(doc: SuratDocument) -> bytes:
    """Render the surat keterangan (A4 portrait) and return the PDF bytes."""
    return render_surat(doc.as_surat())
