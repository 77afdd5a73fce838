"""The core letter layout (dukcapil.documents.letter) with a letter that belongs to no berkas."""

import io
import re
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from dukcapil.documents import Bagian, OfficeHeader, Penandatangan, Surat, Tabel, render_surat
from dukcapil.documents_builders import office_header

OFFICE = OfficeHeader(
    nama_dinas="DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    pemerintah="PEMERINTAH KABUPATEN BINTAN",
    alamat="Jl. Raya Tanjung Uban Km. 42, Bintan, Kepulauan Riau",
    kabupaten_kota="Kabupaten Bintan",
    tempat_terbit="Bintan",
    kepala_dinas_nama="Drs. RAJA HAMZAH, M.Si.",
    kepala_dinas_nip="19700312 199603 1 004",
)
TEMBUSAN = ["Bupati Bintan (sebagai laporan)", "Sekretaris Daerah Kabupaten Bintan", "Arsip"]
NASKAH_DINAS = Surat(
    office=OFFICE,
    nomor="400.12/118/DISDUKCAPIL/2026",
    tanggal=date(2026, 3, 2),
    sifat="Segera",
    lampiran="1 (satu) berkas",
    perihal="Jadwal Perekaman KTP-el Keliling",
    kepada=["Yth. Camat Bintan Timur", "di", "Kijang"],
    isi=[
        "Dalam rangka percepatan kepemilikan KTP-el, Dinas akan melaksanakan perekaman keliling di wilayah "
        "Kecamatan Bintan Timur.",
        Tabel("JADWAL", ["No", "Tanggal", "Tempat"], [["1", "9 Maret 2026", "Kantor Desa Gunung Lengkuas"]]),
        "Mohon bantuan Saudara untuk menyampaikan jadwal terlampir kepada para kepala desa dan lurah.",
    ],
    penutup="Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.",
    penandatangan=Penandatangan(
        nama="SITI AMINAH, S.Sos.",
        nip="19800101 200501 2 003",
        jabatan=("a.n. KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "SEKRETARIS"),
    ),
    tembusan=TEMBUSAN,
)
TTE_CAPTION = "Dokumen ini ditandatangani secara elektronik."


def text_of(pdf: bytes) -> str:
    """The text of every page, whitespace runs collapsed to one space."""
    return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_naskah_dinas_prints_kop_rows_addressee_body_signer_and_tembusan_in_order():
    text = text_of(render_surat(NASKAH_DINAS))
    order = [
        "PEMERINTAH KABUPATEN BINTAN",
        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "Jl. Raya Tanjung Uban Km. 42, Bintan, Kepulauan Riau",
        "Nomor : 400.12/118/DISDUKCAPIL/2026",
        "Bintan, 2 Maret 2026",
        "Sifat : Segera",
        "Lampiran : 1 (satu) berkas",
        "Hal : Jadwal Perekaman KTP-el Keliling",
        "Yth. Camat Bintan Timur di Kijang",
        "Dalam rangka percepatan kepemilikan KTP-el",
        "No Tanggal Tempat 1 9 Maret 2026 Kantor Desa Gunung Lengkuas",
        "Mohon bantuan Saudara",
        "Atas perhatian dan kerja sama Saudara",
        "a.n. KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL SEKRETARIS",
        "SITI AMINAH, S.Sos.",
        "NIP. 19800101 200501 2 003",
        "Tembusan:",
        *(f"{n}. {t}" for n, t in enumerate(TEMBUSAN, start=1)),
        "Halaman 1 dari 1",
    ]
    positions = [text.find(part) for part in order]
    missing = [part for part, at in zip(order, positions, strict=True) if at < 0]
    assert not missing, f"not printed: {missing}"
    assert positions == sorted(positions), "printed out of order"
    # A surat dinas carries its place and date at the top only, and no berkas number.
    assert text.count("2 Maret 2026") == 1
    assert "No. Registrasi" not in text
    assert TTE_CAPTION not in text


def test_surat_dinas_without_a_signer_is_signed_by_the_kepala_dinas_with_tte():
    surat = replace(NASKAH_DINAS, penandatangan=None, verification_url="https://dukcapil.example/v/ND-0118")
    text = text_of(render_surat(surat))
    assert "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN BINTAN" in text
    assert "Drs. RAJA HAMZAH, M.Si." in text
    assert "NIP. 19700312 199603 1 004" in text
    assert TTE_CAPTION in text


def test_letter_without_surat_dinas_rows_has_the_number_under_the_title_and_the_date_above_the_signature():
    surat = Surat(
        office=OFFICE,
        judul="Surat Keterangan",
        nomor="470/55/DISDUKCAPIL",
        tanggal=date(2026, 3, 2),
        isi=["Menerangkan bahwa data berikut tercatat dalam database kependudukan:", Bagian("DATA", [("NIK", "")])],
        nomor_registrasi="PIAK-260302-0001",
    )
    text = text_of(render_surat(surat))
    title = text.index("SURAT KETERANGAN")
    assert text.index("Nomor : 470/55/DISDUKCAPIL") > title
    assert "1. NIK : -" in text
    assert text.index("Bintan, 2 Maret 2026") > text.index("1. NIK : -")
    assert "No. Registrasi: PIAK-260302-0001" in text
    assert "Tembusan" not in text and "Sifat" not in text


def test_long_letter_continues_on_a_numbered_page_with_the_tembusan_after_the_signature():
    rows = [[str(i), f"21020117088500{i:02d}", f"PENDUDUK NOMOR {i}"] for i in range(1, 81)]
    surat = replace(NASKAH_DINAS, isi=[Tabel("DATA YANG DIMINTA", ["No", "NIK", "Nama"], rows)])
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(render_surat(surat))).pages]
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        assert f"Halaman {n} dari {len(pages)}" in page
    assert "Lanjutan JADWAL PEREKAMAN KTP-EL KELILING Nomor: 400.12/118/DISDUKCAPIL/2026" in pages[1]
    text = " ".join(pages)
    assert text.index("PENDUDUK NOMOR 80") < text.index("SITI AMINAH, S.Sos.") < text.index("3. Arsip")
    # the tembusan is never split from the signature
    assert "SITI AMINAH, S.Sos." in pages[-1] and "3. Arsip" in pages[-1]


def test_kop_and_signer_come_from_the_office_profile(catalogue, settings):
    office = office_header()
    text = text_of(render_surat(replace(NASKAH_DINAS, office=office, penandatangan=None)))
    assert office.pemerintah in text
    assert office.nama_dinas in text
    assert f"{settings.OFFICE['tempat_terbit']}, 2 Maret 2026" in text
    assert office.kepala_dinas_nama in text
