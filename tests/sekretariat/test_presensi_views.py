"""sekretariat.views.presensi: the rekap page, its XLSX/PDF, the import screen's refusals, the
keterangan form, who may see them, and the pinned query counts."""

import io
from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from dukcapil.choices import Role
from sekretariat import kepegawaian_data, naskah_data, presensi_data
from sekretariat.models import KeteranganPresensi, Naskah, Presensi

from ..factories import staff
from .kepegawaian_helpers import pegawai

pytestmark = pytest.mark.django_db
REKAP = "sekretariat:presensi-rekap"
NIP_LUAR = "199101012019031001"


@pytest.fixture
def kantor(catalogue):
    naskah_data.load()  # idempotent: a transactional test may have flushed the seed rows
    presensi_data.load()
    kepegawaian_data.load()
    sek = "sekretariat"
    return {
        "petugas": staff(Role.STAF, bidang=sek, first_name="Santi", last_name="Staf", nip="199505052020122005"),
        "kasubag": staff(Role.KASUBAG, bidang=sek, first_name="Kurnia", last_name="Kasubag", nip="198001012005011001"),
        "luar": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Pendaftaran", nip=NIP_LUAR),
    }


@pytest.fixture
def daftar(kantor):
    """The same three people in data pegawai (presensi is kept per Pegawai)."""
    return {
        "petugas": pegawai("Santi Staf", nip="199505052020122005"),
        "kasubag": pegawai("Kurnia Kasubag", nip="198001012005011001"),
        "luar": pegawai("Dodi Pendaftaran", nip=NIP_LUAR),
    }


def _hadir(people, day=2):  # Monday 2 November 2026
    for p in people:
        Presensi.objects.create(pegawai=p, tanggal=date(2026, 11, day), jam_masuk=time(7, 40), jam_pulang=time(16, 0))


def test_the_rekap_page_reads_a_fixed_number_of_queries(client, kantor, daftar, django_assert_num_queries):
    _hadir(daftar.values())
    client.force_login(kantor["petugas"])
    url = reverse(REKAP) + "?bulan=2026-11"
    client.get(url)
    # session, user, groups, bidang, jam kerja (days, hours, shown), hari libur, presensi, keterangan, pegawai,
    # rekap, badge
    with django_assert_num_queries(13) as first:
        page = client.get(url).content.decode()
    assert page.count("1 hari (10 menit)") == 3  # every one came at 07.40
    assert "Senin 07.30–16.00" in page and "Jumat 07.30–16.30" in page
    more = [pegawai(f"Pegawai{i}", nip=f"19900101201501100{i}") for i in range(5)]
    _hadir(more, day=3)
    with django_assert_num_queries(len(first.captured_queries)):
        page = client.get(url).content.decode()
    assert "Pegawai4" in page


def test_the_rekap_exports_xlsx_and_pdf_and_searches(client, kantor, daftar):
    _hadir([daftar["luar"]])
    client.force_login(kantor["kasubag"])
    xlsx = client.get(reverse(REKAP), {"bulan": "2026-11", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = {r[1]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    # November 2026: 21 weekdays, no national holiday
    assert rows["Dodi Pendaftaran"][3:7] == (21, 1, 1, 10)
    assert rows["Dodi Pendaftaran"][13] == 20

    pdf = client.get(reverse(REKAP), {"bulan": "2026-11", "format": "pdf"})
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "REKAPITULASI PRESENSI PEGAWAI" in text and "November 2026" in text and "Dodi Pendaftaran" in text

    page = client.get(reverse(REKAP), {"bulan": "2026-11", "q": "kurnia"}).content.decode()
    assert "Kurnia Kasubag" in page and "Dodi Pendaftaran" not in page
    assert client.get(reverse(REKAP), {"bulan": "2026-13"}).status_code == 400


def test_other_bidang_staff_are_refused(client, kantor):
    client.force_login(kantor["luar"])
    for name in (REKAP, "sekretariat:presensi-impor", "sekretariat:presensi-keterangan"):
        assert client.get(reverse(name)).status_code == 403
    response = client.post(reverse("sekretariat:presensi-rekap-ajukan"), {"bulan": "2026-11"})
    assert response.status_code == 403 and not Naskah.objects.exists()


def test_the_import_screen_lists_bad_rows_and_saves_nothing(client, kantor, daftar):
    client.force_login(kantor["petugas"])
    body = "NIP,tanggal,jam masuk,jam pulang\n199101012019031001,2026-11-02,07.30,16.00\n123,2026-11-02,07.30,16.00\n"
    upload = SimpleUploadedFile("mesin.csv", body.encode(), content_type="text/csv")
    response = client.post(reverse("sekretariat:presensi-impor"), {"berkas": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Baris 3: NIP 123 tidak terdaftar sebagai pegawai." in page
    assert not Presensi.objects.exists()

    upload = SimpleUploadedFile("mesin.csv", body.splitlines(keepends=True)[0].encode() + body.splitlines()[1].encode())
    response = client.post(reverse("sekretariat:presensi-impor"), {"berkas": upload})
    assert response.status_code == 302
    assert "1 baris presensi diimpor" in client.get(response["Location"]).content.decode()
    assert Presensi.objects.get().pegawai == daftar["luar"]


def test_keterangan_form_records_and_refuses_a_second_for_the_day(client, kantor, daftar):
    client.force_login(kantor["petugas"])
    data = {"pegawai": daftar["luar"].pk, "tanggal": "2026-11-03", "jenis": "dinas_luar", "catatan": "Rakor provinsi"}
    response = client.post(reverse("sekretariat:presensi-keterangan"), data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Rakor provinsi" in page and "Dinas luar" in page
    again = client.post(reverse("sekretariat:presensi-keterangan"), data | {"jenis": "sakit"})
    assert again.status_code == 409 and "sudah dicatat" in again.content.decode()
    assert KeteranganPresensi.objects.get().jenis == "dinas_luar"


def test_the_rekap_naskah_is_shown_with_its_state_on_the_rekap_page(client, kantor):
    client.force_login(kantor["petugas"])
    response = client.post(reverse("sekretariat:presensi-rekap-ajukan"), {"bulan": "2026-11"})
    naskah = Naskah.objects.get()
    assert response["Location"] == naskah.get_absolute_url()
    page = client.get(reverse(REKAP), {"bulan": "2026-11"}).content.decode()
    assert "Rekapitulasi presensi pegawai bulan November 2026" in page and "Konsep" in page
    assert 'id="rekap-ajukan"' not in page  # one rekap a month


def test_keterangan_for_several_days_from_the_form(client, kantor, daftar):
    """Dinas luar Thu 5 – Mon 9 November 2026: the three working days, none on the weekend."""
    client.force_login(kantor["petugas"])
    data = {"pegawai": daftar["luar"].pk, "tanggal": "2026-11-05", "sampai": "2026-11-09", "jenis": "dinas_luar",
            "catatan": "Bimtek SIAK di provinsi"}  # fmt: skip
    response = client.post(reverse("sekretariat:presensi-keterangan"), data)
    assert response.status_code == 302
    days = list(KeteranganPresensi.objects.order_by("tanggal").values_list("tanggal", flat=True))
    assert days == [date(2026, 11, 5), date(2026, 11, 6), date(2026, 11, 9)]
    again = client.post(
        reverse("sekretariat:presensi-keterangan"), data | {"tanggal": "2026-11-09", "sampai": "2026-11-10"}
    )
    assert again.status_code == 409 and "9 November 2026 sudah dicatat" in again.content.decode()
    assert KeteranganPresensi.objects.count() == 3
    backwards = client.post(reverse("sekretariat:presensi-keterangan"), data | {"sampai": "2026-11-02"})
    assert backwards.status_code == 400 and "tidak boleh sebelum tanggal awal" in backwards.content.decode()
    assert KeteranganPresensi.objects.count() == 3
