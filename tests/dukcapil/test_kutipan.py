"""The national kutipan akta form (dukcapil.documents.kutipan), rendered without a berkas."""

import io
import re
from datetime import date

from pypdf import PdfReader

from dukcapil.documents import Baris, KutipanAkta, OfficeHeader, render_kutipan, tanggal_terbilang

OFFICE = OfficeHeader(
    nama_dinas="DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    pemerintah="PEMERINTAH KABUPATEN BINTAN",
    alamat="Jl. Raya Tanjung Uban Km. 42, Bintan, Kepulauan Riau",
    kabupaten_kota="Kabupaten Bintan",
    tempat_terbit="Bintan",
    kepala_dinas_nama="Drs. RAJA HAMZAH, M.Si.",
    kepala_dinas_nip="19700312 199603 1 004",
)


def kutipan(**changes) -> KutipanAkta:
    values = dict(
        office=OFFICE,
        judul="KUTIPAN AKTA KELAHIRAN",
        judul_en="EXCERPT OF BIRTH CERTIFICATE",
        nomor="2102-LT-21112026-0007",
        kepala=[Baris("NIK", "Personal identification number", "2102016111260001")],
        pernyataan=[
            Baris("Berdasarkan Akta Kelahiran Nomor", "By virtue of Birth Certificate Number", "2102-LT-21112026-0007"),
            Baris("telah lahir", "was born", "Alya Putri"),
        ],
        tempat_terbit="Bintan",
        tanggal_terbit=date(2026, 12, 1),
        verification_url="https://dukcapil.example/verifikasi/abc",
    )
    return KutipanAkta(**{**values, **changes})


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_form_prints_the_national_headings_bilingual_labels_and_the_signer():
    text = text_of(render_kutipan(kutipan()))
    order = [
        "REPUBLIK INDONESIA",
        "PENCATATAN SIPIL",
        "NIK",
        "2102016111260001",
        "KUTIPAN AKTA KELAHIRAN",
        "EXCERPT OF BIRTH CERTIFICATE",
        "Berdasarkan Akta Kelahiran Nomor",
        "By virtue of Birth Certificate Number",
        "2102-LT-21112026-0007",
        "telah lahir was born",
        "ALYA PUTRI",  # values in capitals
        "Kutipan ini dikeluarkan di This excerpt is issued in",
        "BINTAN",
        "pada tanggal on date",
        "1 DESEMBER 2026",
        "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "Drs. RAJA HAMZAH, M.Si.",
        "NIP. 19700312 199603 1 004",
    ]
    at = 0
    for part in order:  # each after the one before it
        found = text.find(part, at)
        assert found >= 0, (part, text[at:])
        at = found + len(part)
    assert "Dokumen ini ditandatangani secara elektronik" in text


def test_the_garuda_emblem_is_drawn_and_the_qr_only_with_a_verification_url():
    signed = render_kutipan(kutipan())
    unsigned = render_kutipan(kutipan(verification_url=""))
    assert "BHINNEKA TUNGGAL IKA" in text_of(unsigned)  # the emblem's ribbon
    assert "Dokumen ini ditandatangani" not in text_of(unsigned)
    # the QR code is drawn as vector runs: many more path operations on the signed page
    ops = [
        len(re.findall(rb" re\b", PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()))
        for pdf in (signed, unsigned)
    ]
    assert ops[0] > ops[1] + 100


def test_catatan_pinggir_and_notes_are_printed_under_the_signature():
    text = text_of(
        render_kutipan(
            kutipan(
                catatan_pinggir=[("1 Desember 2026", "Nama anak dibetulkan dari ALIA menjadi ALYA.")],
                catatan_kaki=["Kutipan ke-2; kutipan sebelumnya tidak berlaku lagi."],
            )
        )
    )
    assert (
        text.index("NIP.") < text.index("CATATAN PINGGIR") < text.index("Nama anak dibetulkan dari ALIA menjadi ALYA.")
    )
    assert "Kutipan ke-2" in text


def test_dates_are_written_in_words_as_on_the_national_kutipan():
    assert tanggal_terbilang(date(2026, 11, 21)) == "dua puluh satu November dua ribu dua puluh enam"
    assert tanggal_terbilang(date(2001, 1, 1)) == "satu Januari dua ribu satu"
