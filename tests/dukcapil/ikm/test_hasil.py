"""The results page (who may read it, what it shows, pinned queries), its XLSX, and the semester
report drawn up as a naskah with its PDF produced through dukcapil.cetakan."""

import io
from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasForbidden
from dukcapil.ikm.models import LaporanIKM, ResponIKM
from dukcapil.ikm.services import laporan_ikm_susun
from dukcapil.models import Layanan
from tests.factories import staff

from .test_hitung import JAWABAN

pytestmark = pytest.mark.django_db


def isi(layanan, nilai, tanggal=date(2026, 3, 10), saran="", **facts):
    when = timezone.make_aware(datetime.combine(tanggal, time(9)))
    values = {f"u{i}": v for i, v in enumerate(nilai, start=1)}
    facts = {"kelompok_umur": "26-35", "jenis_kelamin": "L", "pendidikan": "sma", "pekerjaan": "swasta"} | facts
    return ResponIKM.objects.create(
        waktu=when, tanggal=tanggal, layanan=layanan, saluran="kios", saran=saran, **values, **facts
    )


@pytest.fixture
def semester_i(catalogue):
    """The hand-worked example of test_hitung (KK) in semester I 2026, one KIA answer, and one
    answer of semester II that must not count."""
    kk, kia = Layanan.objects.get(kode="kk"), Layanan.objects.get(kode="kia")
    for i, row in enumerate(JAWABAN):
        isi(kk, row, saran="Antrian terlalu panjang." if i == 0 else "", jenis_kelamin="P" if i % 2 else "L")
    isi(kia, (4,) * 9, tanggal=date(2026, 6, 30), pendidikan="s1")
    isi(kk, (1,) * 9, tanggal=date(2026, 7, 1))
    return kk, kia


PERIODE = {"tahun": 2026, "semester": 1}


@pytest.mark.parametrize(
    ("role", "bidang", "status"),
    [
        (Role.KADIS, None, 200),
        (Role.SEKRETARIS, "sekretariat", 200),
        (Role.KABID, "pendaftaran", 200),
        (Role.KASI, "pencatatan_sipil", 200),
        (Role.ADMIN, None, 200),
        (Role.PETUGAS_LOKET, "pendaftaran", 403),
        (Role.OPERATOR_SIAK, "pendaftaran", 403),
        (Role.AGENDARIS, "sekretariat", 403),
    ],
)
def test_who_may_read_the_results_follows_the_permissions_table(client, semester_i, role, bidang, status):
    client.force_login(staff(role, bidang=bidang))
    assert client.get(reverse("ikm:hasil"), PERIODE).status_code == status
    assert client.get(reverse("ikm:hasil-xlsx"), PERIODE).status_code == status


def test_an_anonymous_visitor_is_sent_to_the_login(client, semester_i):
    response = client.get(reverse("ikm:hasil"), PERIODE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_results_show_the_semester_index_per_layanan_weakest_unsur_and_composition(client, semester_i):
    client.force_login(staff(Role.KADIS, bidang=None))

    html = client.get(reverse("ikm:hasil"), PERIODE).content.decode()

    # five answers of semester I: the four of the worked example (sums 14,14,10,16,13,14,15,10,11)
    # plus one all-4 → sums 18,18,14,20,17,18,19,14,15 over 5: NRR 3.6,3.6,2.8,4,3.4,3.6,3.8,2.8,3.0
    # Σ = 30.6; /9 = 3.4; × 25 = 85.00 → B
    assert '<dd id="ikm-responden">5</dd>' in html
    assert '<dd class="ikm-nilai" id="ikm-nilai">85,00</dd>' in html
    assert "B (Baik)" in html
    assert "▼ terendah" in html and "Waktu penyelesaian (2,80)" in html
    # per layanan: the KK example alone is 81,25 (B), KIA all fours is 100,00 (A)
    assert "81,25" in html and "100,00" in html and "A (Sangat Baik)" in html
    assert "Antrian terlalu panjang." in html
    assert 'id="ikm-data"' in html and "ikm/hasil.js" in html


def test_one_layanan_alone(client, semester_i):
    kk, _kia = semester_i
    client.force_login(staff(Role.KADIS, bidang=None))
    html = client.get(reverse("ikm:hasil"), PERIODE | {"layanan": kk.pk}).content.decode()
    assert '<dd id="ikm-responden">4</dd>' in html and '<dd class="ikm-nilai" id="ikm-nilai">81,25</dd>' in html


def test_the_results_page_runs_a_fixed_number_of_queries(client, semester_i, django_assert_num_queries):
    kk, kia = semester_i
    client.force_login(staff(Role.KADIS, bidang=None))
    client.get(reverse("ikm:hasil"), PERIODE)  # warm the session and the office caches
    with django_assert_num_queries(9):
        assert client.get(reverse("ikm:hasil"), PERIODE).status_code == 200
    # more answers over more layanan: the same number of queries
    for kode in ("ktp-el", "akta-kelahiran", "skpwni"):
        for _ in range(5):
            isi(Layanan.objects.get(kode=kode), (3,) * 9, saran="Baik.")
    with django_assert_num_queries(9):
        assert client.get(reverse("ikm:hasil"), PERIODE).status_code == 200


def test_the_xlsx_holds_the_index_and_the_nrr_per_unsur(client, semester_i):
    client.force_login(staff(Role.SEKRETARIS, bidang="sekretariat"))
    response = client.get(reverse("ikm:hasil-xlsx"), PERIODE)
    wb = load_workbook(io.BytesIO(response.content))
    ringkas = [[c.value for c in row] for row in wb.worksheets[0].iter_rows(min_row=4)]
    assert ["Jumlah responden", "5"] in ringkas and ["IKM konversi (× 25)", "85,00"] in ringkas
    unsur = [[c.value for c in row] for row in wb.worksheets[1].iter_rows(min_row=4)]
    assert unsur[2] == ["U3", "Waktu penyelesaian", "2,80", "terendah"]


def test_the_kasi_draws_the_semester_report_up_as_a_naskah_and_its_pdf_has_the_tables(client, semester_i, cetak_pdf):
    kasi = staff(Role.KASI, bidang="piak")
    client.force_login(kasi)
    response = client.post(
        reverse("ikm:laporan-baru"),
        PERIODE | {"analisis": "Waktu penyelesaian terendah.", "rencana_tindak_lanjut": "Tambah loket Senin."},
    )
    laporan = LaporanIKM.objects.get()
    assert response.status_code == 302 and response["Location"] == laporan.get_absolute_url()
    naskah = laporan.naskah
    assert naskah.status == "konsep" and naskah.jenis.kode == "laporan-ikm" and naskah.jenis.rute_paraf == ["kabid"]
    assert (
        "85,00" in naskah.isi and "Tambah loket Senin." in naskah.isi and "Waktu penyelesaian (terendah)" in naskah.isi
    )
    assert laporan.data["kantor"]["ikm"] == "85.00" and laporan.data["kantor"]["mutu"] == "B"

    # a second report of the same semester is refused while the first is alive
    again = client.post(reverse("ikm:laporan-baru"), PERIODE | {"analisis": "x", "rencana_tindak_lanjut": "y"})
    assert again.status_code == 409 and LaporanIKM.objects.count() == 1

    pdf = cetak_pdf(client, reverse("ikm:laporan-pdf", args=[laporan.pk])).pdf
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "LAPORAN INDEKS KEPUASAN MASYARAKAT SEMESTER I 2026" in text
    assert "85,00" in text and "Waktu penyelesaian" in text and "terendah" in text and "Tambah loket Senin." in text


def test_only_a_kasi_may_draw_the_report_up(semester_i):
    with pytest.raises(BerkasForbidden):
        laporan_ikm_susun(
            user=staff(Role.KABID, bidang="piak"), tahun=2026, semester=1, analisis="a", rencana_tindak_lanjut="b"
        )
    assert LaporanIKM.objects.count() == 0
