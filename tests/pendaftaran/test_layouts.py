"""Card (KTP-el, KTP-el orang asing, KIA) and surat keterangan layouts, checked on the PDF itself."""

import io
import re
from dataclasses import fields, replace
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from dukcapil.documents import OfficeHeader
from pendaftaran import documents as kk_documents
from pendaftaran.documents import AnggotaKK, KKDocument, render_kk_pdf
from pendaftaran.kartu import PHOTO_X, KartuData, render_kartu_pdf
from pendaftaran.surat import Bagian, SuratDocument, Tabel, render_surat_pdf

CARD_W, CARD_H = 85.6 * mm, 53.98 * mm
A4_W, A4_H = 595.28, 841.89
TOLERANCE = 0.5  # points

LONG_NAME = "SRI WAHYUNINGSIH KUSUMAWARDHANI PUSPITASARI RAHAYU NINGTYASI"  # 60 characters
# 100 characters
LONG_ADDRESS = "PERUMAHAN GRIYA PERMATA ASRI BLOK C-17 NOMOR 23 JALAN RAYA SURABAYA MALANG KILOMETER 12 DUSUN KRAJAN"

KTP = KartuData(
    jenis="ktp-el",
    provinsi="Jawa Timur",
    kabupaten_kota="Lumajang",
    nik="3508015708900002",
    nama="SITI NURHALIZA RAHMAWATI",
    tempat_lahir="Lumajang",
    tanggal_lahir=date(1990, 8, 17),
    jenis_kelamin="PEREMPUAN",
    golongan_darah="O",
    alamat="JL. KAPTEN KYAI ILYAS NO. 12",
    rt="003",
    rw="005",
    desa_kelurahan="DITOTRUNAN",
    kecamatan="LUMAJANG",
    agama="ISLAM",
    status_perkawinan="KAWIN",
    pekerjaan="GURU",
    kewarganegaraan="WNI",
    berlaku_hingga="SEUMUR HIDUP",
    tempat_terbit="Lumajang",
    tanggal_terbit=date(2026, 3, 2),
    verification_url="https://dukcapil.lumajangkab.go.id/v/KTP-260302-0001-8f3a9c",
    penandatangan="KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN LUMAJANG",
    nomor_seri_blangko="BLK-2026-000123",
)
WNA = replace(
    KTP,
    jenis="ktp-el-wna",
    nik="3508011203850001",
    nama="JOHANNES MAXIMILIAN VAN DER BERG",
    tempat_lahir="ROTTERDAM",
    tanggal_lahir=date(1985, 3, 12),
    jenis_kelamin="LAKI-LAKI",
    golongan_darah="",
    kewarganegaraan="BELANDA",
    berlaku_hingga="11-02-2031",
    no_paspor="NXK4R71P2",
    no_kitas_kitap="2C21JE0123-V",
)
KIA = replace(
    KTP,
    jenis="kia",
    nik="3508016405230003",
    nama="AISYAH PUTRI RAMADHANI",
    tanggal_lahir=date(2023, 5, 24),
    status_perkawinan="",
    pekerjaan="",
    berlaku_hingga="24-05-2040",
    nomor_kk="3508011502150004",
    nama_kepala_keluarga="AHMAD FAUZI",
    no_akta_kelahiran="3508-LT-30052023-0012",
)


def pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages


def page_text(page) -> str:
    """Extracted text with all whitespace runs collapsed to one space."""
    return re.sub(r"\s+", " ", page.extract_text())


def text_runs(page) -> list[tuple[str, float, float, float, float]]:
    """(text, x, baseline y, width, font size) of every drawn string on the page."""
    runs = []

    def visit(text, cm, tm, font_dict, font_size):
        text = text.strip("\n")
        if not text.strip() or not font_dict:
            return
        size = font_size * tm[0]
        font = font_dict["/BaseFont"].lstrip("/")
        runs.append((text, tm[4] + cm[4], tm[5] + cm[5], stringWidth(text, font, size), size))

    page.extract_text(visitor_text=visit)
    return runs


def assert_size(page, width: float, height: float) -> None:
    box = page.mediabox
    assert abs(float(box.width) - width) <= TOLERANCE
    assert abs(float(box.height) - height) <= TOLERANCE


def assert_inside_card(page) -> None:
    runs = text_runs(page)
    assert runs
    for text, x, y, w, size in runs:
        assert x >= 0 and x + w <= CARD_W, f"{text!r} runs off the card sideways"
        assert y - 0.25 * size >= 0 and y + size <= CARD_H, f"{text!r} runs off the card vertically"


# --------------------------------------------------------------------------
# Cards
# --------------------------------------------------------------------------


def test_ktp_is_an_id1_card_with_front_and_back():
    card = pages(render_kartu_pdf(KTP))
    assert len(card) == 2
    for page in card:
        assert_size(page, CARD_W, CARD_H)


def test_ktp_front_shows_the_identity_as_on_the_real_card():
    front = page_text(pages(render_kartu_pdf(KTP))[0])
    assert "PROVINSI JAWA TIMUR" in front
    assert "KABUPATEN LUMAJANG" in front
    assert "NIK : 3508015708900002" in front
    assert "SITI NURHALIZA RAHMAWATI" in front
    assert "LUMAJANG, 17-08-1990" in front
    assert "PEREMPUAN" in front and "Gol. Darah : O" in front
    assert "003/005" in front and "DITOTRUNAN" in front
    assert "Berlaku Hingga : SEUMUR HIDUP" in front
    assert "PAS FOTO" in front
    assert "02-03-2026" in front  # issue date under the photo
    assert "ORANG ASING" not in front and "KARTU IDENTITAS ANAK" not in front


def test_ktp_back_carries_issuer_signatory_notice_and_serial():
    back = page_text(pages(render_kartu_pdf(KTP))[1])
    assert "Dikeluarkan oleh Dinas Kependudukan dan Pencatatan Sipil Kabupaten Lumajang" in back
    assert "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN LUMAJANG" in back
    assert "Kartu ini milik Pemerintah Republik Indonesia." in back
    assert "BLK-2026-000123" in back
    assert "Pindai untuk memeriksa keaslian" in back


def test_back_without_verification_url_has_no_qr_caption():
    back = page_text(pages(render_kartu_pdf(replace(KTP, verification_url="")))[1])
    assert "Pindai untuk memeriksa keaslian" not in back
    assert "BLK-2026-000123" in back


def test_gol_darah_unknown_prints_a_dash():
    front = page_text(pages(render_kartu_pdf(replace(KTP, golongan_darah="")))[0])
    assert "Gol. Darah : -" in front


@pytest.mark.parametrize("base", [KTP, WNA, KIA], ids=["ktp-el", "ktp-el-wna", "kia"])
def test_long_name_and_address_stay_on_the_card_and_off_the_photo(base):
    data = replace(base, nama=LONG_NAME, alamat=LONG_ADDRESS, nama_kepala_keluarga=LONG_NAME)
    assert len(LONG_NAME) == 60 and len(LONG_ADDRESS) == 100
    front, back = pages(render_kartu_pdf(data))
    text = page_text(front)
    for word in LONG_NAME.split() + LONG_ADDRESS.split():
        assert word in text
    assert_inside_card(front)
    assert_inside_card(back)
    runs = text_runs(front)
    nik_y = next(y for t, _, y, _, _ in runs if t == "NIK")
    for text_, x, y, w, _ in runs:
        if y <= nik_y and x < PHOTO_X:  # the rows, from NIK down
            assert x + w < PHOTO_X, f"{text_!r} runs into the photo column"


def test_wna_card_is_marked_and_carries_passport_and_kitas():
    front, back = pages(render_kartu_pdf(WNA))
    text = page_text(front)
    assert "KARTU TANDA PENDUDUK ORANG ASING" in text
    assert "No. Paspor : NXK4R71P2" in text
    assert "No. KITAS/KITAP : 2C21JE0123-V" in text
    assert "Kewarganegaraan : BELANDA" in text
    assert "Berlaku Hingga : 11-02-2031" in text
    assert "SEUMUR HIDUP" not in text
    assert_size(front, CARD_W, CARD_H)


def test_wna_card_is_never_valid_for_life():
    with pytest.raises(ValueError, match="^KTP-el orang asing harus mempunyai tanggal berlaku, bukan seumur hidup$"):
        render_kartu_pdf(replace(WNA, berlaku_hingga="SEUMUR HIDUP"))


def test_unknown_card_kind_is_refused():
    with pytest.raises(ValueError, match="^jenis kartu tidak dikenal: 'sim'$"):
        render_kartu_pdf(replace(KTP, jenis="sim"))


def test_kia_front_carries_the_family_and_birth_certificate():
    card = pages(render_kartu_pdf(KIA))
    assert len(card) == 2
    for page in card:
        assert_size(page, CARD_W, CARD_H)
    text = page_text(card[0])
    assert "KARTU IDENTITAS ANAK" in text
    assert "NIK : 3508016405230003" in text
    assert "No. KK : 3508011502150004" in text
    assert "Nama Kepala Keluarga : AHMAD FAUZI" in text
    assert "No. Akta Kelahiran : 3508-LT-30052023-0012" in text
    assert "Berlaku Hingga : 24-05-2040" in text
    # A KIA has no marital status, occupation or holder signature.
    assert "Status Perkawinan" not in text and "Pekerjaan" not in text
    assert "Tanda tangan" not in text


def test_kia_under_five_has_no_photo_box():
    # issued 02-03-2026 to a child born 24-05-2023: three years old
    assert "PAS FOTO" not in page_text(pages(render_kartu_pdf(KIA))[0])


def test_kia_from_five_years_old_has_a_photo_box():
    age_8 = replace(KIA, tanggal_lahir=date(2017, 7, 2))
    assert "PAS FOTO" in page_text(pages(render_kartu_pdf(age_8))[0])


def test_kia_photo_starts_on_the_fifth_birthday():
    issued = KIA.tanggal_terbit  # 2 March 2026
    fifth_birthday_today = replace(KIA, tanggal_lahir=date(2021, 3, 2))
    fifth_birthday_tomorrow = replace(KIA, tanggal_lahir=date(2021, 3, 3))
    assert issued == date(2026, 3, 2)
    assert "PAS FOTO" in page_text(pages(render_kartu_pdf(fifth_birthday_today))[0])
    assert "PAS FOTO" not in page_text(pages(render_kartu_pdf(fifth_birthday_tomorrow))[0])


# --------------------------------------------------------------------------
# Surat keterangan
# --------------------------------------------------------------------------

OFFICE = OfficeHeader(
    nama_dinas="DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    pemerintah="PEMERINTAH KABUPATEN LUMAJANG",
    alamat="Jl. Alun-Alun Utara No. 7, Lumajang, Jawa Timur 67311",
    kabupaten_kota="Kabupaten Lumajang",
    tempat_terbit="Lumajang",
    kepala_dinas_nama="Drs. HARTONO WIBISONO, M.Si.",
    kepala_dinas_nip="19700312 199603 1 004",
)
KOLOM = ["No", "NIK", "Nama Lengkap", "SHDK"]
ANGGOTA = [
    ["1", "3508011708850001", "AHMAD FAUZI", "KEPALA KELUARGA"],
    ["2", "3508015708900002", "SITI NURHALIZA RAHMAWATI", "ISTRI"],
    ["3", "3508010207170001", "MUHAMMAD RIZKY ALFARIZI", "ANAK"],
    ["4", "3508016405230003", "AISYAH PUTRI RAMADHANI", "ANAK"],
]
SKPWNI = SuratDocument(
    office=OFFICE,
    kode_formulir="F-1.03",
    judul="SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA",
    nomor="SKPWNI/3508/02032026/0007",
    pembuka="Yang bertanda tangan di bawah ini menerangkan bahwa penduduk berikut telah mengajukan pindah:",
    bagian=[
        Bagian("DATA DAERAH ASAL", [("Nomor Kartu Keluarga", "3508011502150004"), ("Desa/Kelurahan", "DITOTRUNAN")]),
        Bagian("DATA KEPINDAHAN", [("NIK Pemohon", "3508011708850001"), ("Alasan Pindah", "PEKERJAAN")]),
        Bagian("DATA DAERAH TUJUAN", [("Kabupaten/Kota", "KOTA MALANG"), ("Nomor Kartu Keluarga Tujuan", "")]),
    ],
    tabel=[Tabel("KELUARGA YANG PINDAH", KOLOM, ANGGOTA, [0.5, 1.7, 2.6, 1.6])],
    penutup="Demikian Surat Keterangan Pindah ini dibuat untuk dipergunakan sebagaimana mestinya.",
    tanggal_terbit=date(2026, 3, 2),
    tempat_terbit="Lumajang",
    nomor_registrasi="SKPWNI-260302-0007",
    verification_url="https://dukcapil.lumajangkab.go.id/v/SKPWNI-260302-0007-3f9a1c",
    catatan_kaki=["SKPWNI berlaku 30 hari kerja sejak diterbitkan."],
)
TTE_CAPTION = "Dokumen ini ditandatangani secara elektronik."


def test_surat_is_a4_portrait_with_title_number_and_form_code():
    (page,) = pages(render_surat_pdf(SKPWNI))
    assert_size(page, A4_W, A4_H)
    text = page_text(page)
    assert "F-1.03" in text
    assert "PEMERINTAH KABUPATEN LUMAJANG" in text
    assert "SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA" in text
    assert "Nomor : SKPWNI/3508/02032026/0007" in text
    assert "Yang bertanda tangan di bawah ini" in text


def test_surat_sections_are_numbered_per_section_in_order():
    text = page_text(pages(render_surat_pdf(SKPWNI))[0])
    asal, pindah, tujuan = (text.index(h) for h in ("DATA DAERAH ASAL", "DATA KEPINDAHAN", "DATA DAERAH TUJUAN"))
    assert asal < pindah < tujuan
    assert "1. Nomor Kartu Keluarga : 3508011502150004" in text[asal:pindah]
    assert "2. Desa/Kelurahan : DITOTRUNAN" in text[asal:pindah]
    assert "1. NIK Pemohon : 3508011708850001" in text[pindah:tujuan]
    assert "1. Kabupaten/Kota : KOTA MALANG" in text[tujuan:]
    assert "2. Nomor Kartu Keluarga Tujuan : -" in text[tujuan:]  # empty value prints a dash


def test_surat_table_lists_every_member_then_closing_and_signature():
    text = page_text(pages(render_surat_pdf(SKPWNI))[0])
    table = text.index("KELUARGA YANG PINDAH")
    assert "No NIK Nama Lengkap SHDK" in text[table:]
    for row in ANGGOTA:
        assert " ".join(row) in text[table:]
    closing = text.index("Demikian Surat Keterangan Pindah")
    assert closing > text.index(" ".join(ANGGOTA[-1]))
    signature = text[closing:]
    assert "Lumajang, 2 Maret 2026" in signature
    assert "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN LUMAJANG" in signature
    assert "Drs. HARTONO WIBISONO, M.Si." in signature
    assert "NIP. 19700312 199603 1 004" in signature
    assert "SKPWNI berlaku 30 hari kerja sejak diterbitkan." in signature


def test_surat_footer_and_tte_caption():
    text = page_text(pages(render_surat_pdf(SKPWNI))[0])
    assert "SKPWNI-260302-0007" in text
    assert "Halaman 1 dari 1" in text
    assert TTE_CAPTION in text


def test_surat_without_verification_url_has_no_tte_caption():
    text = page_text(pages(render_surat_pdf(replace(SKPWNI, verification_url="")))[0])
    assert TTE_CAPTION not in text
    assert "NIP. 19700312 199603 1 004" in text


def test_surat_with_only_the_required_parts_renders():
    bare = SuratDocument(
        office=OFFICE,
        kode_formulir="",
        judul="SURAT KETERANGAN TEMPAT TINGGAL",
        nomor="SKTT/3508/0001",
        tanggal_terbit=date(2026, 3, 2),
        tempat_terbit="Lumajang",
        nomor_registrasi="SKTT-260302-0001",
    )
    (page,) = pages(render_surat_pdf(bare))
    text = page_text(page)
    assert "SURAT KETERANGAN TEMPAT TINGGAL" in text
    assert "Nomor : SKTT/3508/0001" in text
    assert "NIP. 19700312 199603 1 004" in text


def test_long_table_splits_across_pages_and_repeats_its_header():
    rows = [[str(i), f"35080117088500{i:02d}", f"ANGGOTA KELUARGA NOMOR {i}", "FAMILI LAIN"] for i in range(1, 41)]
    doc = replace(SKPWNI, tabel=[Tabel("KELUARGA YANG PINDAH", KOLOM, rows, [0.5, 1.7, 2.6, 1.6])])
    surat = pages(render_surat_pdf(doc))
    assert len(surat) >= 2
    texts = [page_text(p) for p in surat]
    pages_with_rows = []
    for row in rows:
        found = [n for n, t in enumerate(texts) if " ".join(row) in t]
        assert len(found) == 1, f"row {row[0]} printed {len(found)} times"
        pages_with_rows.append(found[0])
    assert pages_with_rows == sorted(pages_with_rows)  # rows stay in order
    assert len(set(pages_with_rows)) >= 2  # the table itself is split, not pushed whole
    for n in set(pages_with_rows):
        assert "No NIK Nama Lengkap SHDK" in texts[n], f"header missing on page {n + 1}"
    total = len(surat)
    for n, t in enumerate(texts, start=1):
        assert f"Halaman {n} dari {total}" in t
        assert "SKPWNI-260302-0007" in t
        assert_size(surat[n - 1], A4_W, A4_H)
    # The signature follows the last row.
    last = texts[pages_with_rows[-1]]
    assert last.index("NIP. 19700312 199603 1 004") > last.index(" ".join(rows[-1]))


# --- Kartu Keluarga: table frames drawn once per process --------------------------------------


def anggota(nik: str, nama: str, hubungan: str, ayah: str = "AYAH") -> AnggotaKK:
    """A member with the KTP's identity fields, under another NIK and name."""
    identity = {f.name: getattr(KTP, f.name) for f in fields(AnggotaKK) if hasattr(KTP, f.name)}
    family = {"hubungan": hubungan, "nama_ayah": ayah, "nama_ibu": "IBU", "tanggal_perkawinan": None}
    return AnggotaKK(**identity | family | {"nik": nik, "nama": nama, "pendidikan": "SLTA/SEDERAJAT", "no_kitap": ""})


BUDI = KKDocument(
    office=OFFICE,
    nomor_kk="2102010212260001",
    nomor_registrasi="KK-261201-0001",
    kepala_keluarga="BUDI SANTOSO",
    alamat=KTP.alamat,
    rt=KTP.rt,
    rw=KTP.rw,
    desa_kelurahan=KTP.desa_kelurahan,
    kecamatan=KTP.kecamatan,
    kabupaten_kota=KTP.kabupaten_kota,
    provinsi=KTP.provinsi,
    kode_pos="67311",
    anggota=[
        anggota("2102011207870001", "BUDI SANTOSO", "KEPALA KELUARGA"),
        anggota("2102014910890002", "SITI AMINAH", "ISTRI"),
    ],
    tanggal_terbit=date(2026, 12, 1),
    verification_url=KTP.verification_url,
)
RINA = replace(
    BUDI,
    nomor_kk="2102010212260002",
    kepala_keluarga="RINA MARLINA",
    anggota=[
        anggota("2102015503900003", "RINA MARLINA", "KEPALA KELUARGA", ayah="SUPARMAN"),
        anggota("2102011601120004", "ADI PRATAMA", "ANAK"),
    ],
)


def test_kk_frames_drawn_once_still_carry_each_familys_own_data(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids: equal documents are equal bytes
    kk_documents._FRAMES.clear()
    # given Budi's KK drawn with its table frames laid out afresh
    first = render_kk_pdf(BUDI)
    # when Rina's KK (the same frames, from the process's cache) and Budi's again are drawn
    rina = page_text(pages(render_kk_pdf(RINA))[0])
    again = render_kk_pdf(BUDI)
    # then each carries its own family and only its own
    assert len(kk_documents._FRAMES._entries) == 1
    for member in RINA.anggota:
        assert member.nik in rina and member.nama in rina
    assert "SUPARMAN" in rina
    for member in BUDI.anggota:
        assert member.nik not in rina and member.nama not in rina
    # and a document from the cached frames is the very document drawn afresh
    assert again == first


def test_kk_values_sit_in_their_rows_and_columns():
    kk_documents._FRAMES.clear()
    render_kk_pdf(RINA)  # the frames now come from the cache
    runs = text_runs(pages(render_kk_pdf(BUDI))[0])

    def run(text):
        return next(r for r in runs if r[0].strip() == text)

    def centre(r):
        return r[1] + r[3] / 2

    number, first, second = run("(2)"), run(BUDI.anggota[0].nik), run(BUDI.anggota[1].nik)
    # centred in the NIK column (its number «(2)» is centred too), one row apart, below the numbering
    assert abs(centre(first) - centre(number)) < TOLERANCE and abs(centre(second) - centre(number)) < TOLERANCE
    assert abs((first[2] - second[2]) - kk_documents._ROW_MIN_H) < TOLERANCE
    assert first[2] < number[2]
    # the row's number and the member's name on the same baseline as the NIK
    on_row = {r[0].strip() for r in runs if abs(r[2] - first[2]) < TOLERANCE}
    assert {"1", "BUDI SANTOSO", "17 Agustus 1990", "ISLAM"} <= on_row
