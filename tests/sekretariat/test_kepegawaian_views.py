import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from dukcapil.choices import Role
from sekretariat.models import Pegawai
from sekretariat.services.kepegawaian import usulan_mulai

from ..factories import staff
from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401
from .test_kepegawaian_services import GOOD, HEADER

pytestmark = pytest.mark.usefixtures("data_kepegawaian")


@pytest.fixture
def kasubag(catalogue):
    return staff(Role.KASUBAG, bidang="sekretariat")


def _some(n: int, start: int = 1) -> None:
    for i in range(start, start + n):
        pegawai(f"Pegawai {i:02d}", seq=i)


# session, user, groups, the rows (pegawai with golongan and jabatan), unread badge, bidang;
# the buku kendali also reads the open usulan, the usulan list reads usulan with pegawai and naskah
@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("sekretariat:pegawai-list", 6),
        ("sekretariat:duk", 6),
        ("sekretariat:buku-kendali-pegawai", 7),
        ("sekretariat:usulan-list", 6),
    ],
)
def test_the_lists_read_a_fixed_number_of_queries(client, kasubag, django_assert_num_queries, name, queries):
    _some(3)
    client.force_login(kasubag)
    client.get(reverse(name))
    if name == "sekretariat:usulan-list":
        for p in Pegawai.objects.all():
            usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="kgb", jatuh_tempo=date(2027, 1, 1))
    with django_assert_num_queries(queries) as three:
        client.get(reverse(name))
    _some(5, start=10)
    if name == "sekretariat:usulan-list":
        for p in Pegawai.objects.filter(usulan__isnull=True):
            usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="kgb", jatuh_tempo=date(2027, 1, 1))
    with django_assert_num_queries(len(three.captured_queries)):
        page = client.get(reverse(name)).content.decode()
    if name in ("sekretariat:pegawai-list", "sekretariat:duk"):
        shown = [f"Pegawai {i:02d}" for i in [*range(1, 4), *range(10, 15)] if f"Pegawai {i:02d}</a>" in page]
        assert len(shown) == 8


def test_a_staff_member_without_the_kepegawaian_role_is_refused(client, catalogue):
    client.force_login(staff(Role.STAF, bidang="pendaftaran"))
    assert client.get(reverse("sekretariat:pegawai-list")).status_code == 403
    assert client.get(reverse("sekretariat:pegawai-baru")).status_code == 403
    assert client.post(reverse("sekretariat:pegawai-impor")).status_code == 403


def test_the_sekretaris_reads_but_may_not_edit(client, catalogue):
    p = pegawai("Budi")
    client.force_login(staff(Role.SEKRETARIS, bidang="sekretariat"))
    page = client.get(p.get_absolute_url()).content.decode()
    assert "19800512 200503 1 001" in page and "Ubah data" not in page
    assert client.get(reverse("sekretariat:pegawai-ubah", args=[p.pk])).status_code == 403


def _form(p: Pegawai | None = None, **over) -> dict:
    data = {
        "nip": "198505122010011003",
        "nama": "Budi Santoso",
        "tanggal_lahir": "1985-05-12",
        "status": "pns",
        "golongan": 10,
        "tmt_pangkat": "2019-04-01",
        "jabatan": 9,
        "tmt_jabatan": "2021-01-04",
        "unit": "Sekretariat",
        "tmt_kgb": "2025-01-01",
        "tingkat_pendidikan": 60,
        "aktif": "on",
    }
    from sekretariat.models import Golongan, Jabatan

    data["golongan"] = Golongan.objects.get(kode="III/b").pk
    data["jabatan"] = Jabatan.objects.get(nama="Kepala Seksi").pk
    data.update(over)
    return data


def test_a_nip_whose_birth_date_differs_from_the_entered_one_is_refused_on_the_form(client, kasubag):
    client.force_login(kasubag)
    response = client.post(reverse("sekretariat:pegawai-baru"), _form(tanggal_lahir="1985-05-13"))
    assert response.status_code == 400
    assert "Tanggal lahir dalam NIP (12-05-1985) berbeda dengan tanggal lahir yang diisi (13-05-1985)" in (
        response.content.decode()
    )
    assert not Pegawai.objects.exists()


def test_adding_then_editing_shows_the_change_in_the_history(client, kasubag):
    client.force_login(kasubag)
    response = client.post(reverse("sekretariat:pegawai-baru"), _form())
    p = Pegawai.objects.get()
    assert response.url == p.get_absolute_url()
    # the edit page carries the shown values; change the unit only
    form = _form(unit="Bidang Pencatatan Sipil")
    form.update({f"initial-{k}": v for k, v in _form().items()})
    response = client.post(reverse("sekretariat:pegawai-ubah", args=[p.pk]), form)
    assert response.status_code == 302
    page = client.get(p.get_absolute_url()).content.decode()
    assert "Unit kerja: Sekretariat → Bidang Pencatatan Sipil" in page


def test_the_import_page_lists_bad_lines_and_saves_nothing(client, kasubag):
    client.force_login(kasubag)
    bad = GOOD.replace("12-05-1985", "31-04-1985")
    upload = SimpleUploadedFile("pegawai.csv", f"{HEADER}\n{bad}\n".encode(), content_type="text/csv")
    response = client.post(reverse("sekretariat:pegawai-impor"), {"berkas": upload})
    assert response.status_code == 400
    assert "Baris 2: Tanggal lahir" in response.content.decode()
    assert not Pegawai.objects.exists()


def test_the_duk_prints_as_pdf_and_xlsx_in_duk_order(client, kasubag):
    pegawai("Muda", seq=1, golongan="III/a")
    pegawai("Senior", seq=2, golongan="IV/b", tmt_pangkat=date(2022, 4, 1))
    client.force_login(kasubag)
    pdf = client.get(reverse("sekretariat:duk"), {"format": "pdf"})
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "DAFTAR URUT KEPANGKATAN" in text.upper()
    assert text.index("Senior") < text.index("Muda")
    xlsx = client.get(reverse("sekretariat:duk"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[1].split("\n")[0] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert names == ["Senior", "Muda"]
