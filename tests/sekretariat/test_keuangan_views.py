import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sekretariat.models import StatusSpp, SubKegiatanDpa

from .keuangan_helpers import orang_keuangan, sampai_sp2d, siapkan, sub_kegiatan, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def o(catalogue):
    return orang_keuangan()


def test_pptk_prepares_an_spp_on_the_form(client, o):
    sub = sub_kegiatan(tahun=date.today().year)
    client.force_login(o["pptk"])
    response = client.post(
        reverse("sekretariat:spp-baru"),
        {
            "jenis": "gu",
            "nomor_sipd": "SPP-GU-07",
            "tanggal": date.today().isoformat(),
            "sub_kegiatan": sub.pk,
            "nilai": "1500000",
            "uraian": "Ganti uang persediaan",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "SPP SPP-GU-07" in page.content.decode()
    assert "Disiapkan PPTK" in page.content.decode()


def test_spp_form_refuses_zero_nilai_with_a_message(client, o):
    sub = sub_kegiatan(tahun=date.today().year)
    client.force_login(o["pptk"])
    response = client.post(
        reverse("sekretariat:spp-baru"),
        {"jenis": "ls", "nomor_sipd": "X", "tanggal": date.today().isoformat(), "sub_kegiatan": sub.pk, "nilai": "0"},
    )
    assert response.status_code == 400
    assert "Uraian" in response.content.decode()


def test_staff_outside_keuangan_cannot_open_the_register_or_prepare(client, o):
    client.force_login(o["staf"])
    assert client.get(reverse("sekretariat:spp-list")).status_code == 403
    assert client.get(reverse("sekretariat:spp-baru")).status_code == 403
    assert client.get(reverse("sekretariat:realisasi")).status_code == 403


def test_spm_on_an_spp_in_konsep_is_a_409_with_the_reason(client, o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    client.force_login(o["kadis"])
    response = client.post(
        reverse("sekretariat:spp-aksi", args=[spp.pk, "spm"]),
        {"expected_status": "konsep", "nomor": "SPM-1", "tanggal": "2026-11-03"},
    )
    assert response.status_code == 409
    assert "tidak dapat dilakukan pada tahap ini" in response.content.decode()


def test_ppk_return_from_the_page(client, o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    client.force_login(o["bendahara"])
    client.post(reverse("sekretariat:spp-aksi", args=[spp.pk, "ajukan"]), {"expected_status": "konsep"})
    client.force_login(o["ppk"])
    page = client.get(spp.get_absolute_url()).content.decode()
    assert "Kembalikan ke PPTK" in page
    response = client.post(
        reverse("sekretariat:spp-aksi", args=[spp.pk, "kembalikan"]),
        {"expected_status": "diajukan", "catatan": "Lampirkan kuitansi."},
    )
    assert response.status_code == 302
    spp.refresh_from_db()
    assert spp.status == StatusSpp.KONSEP


def test_dpa_import_page_lists_the_bad_lines(client, o):
    client.force_login(o["bendahara"])
    bad = xlsx([[2026, "1", "P", "1.1", "K", "1.1.1", "S", "abc"]])
    response = client.post(reverse("sekretariat:dpa"), {"berkas": bad})
    assert response.status_code == 400
    assert "Baris 2: pagu «abc» bukan angka rupiah." in response.content.decode()
    assert not SubKegiatanDpa.objects.exists()


def test_register_xlsx_export(client, o):
    sampai_sp2d(o, siapkan(o["pptk"], sub_kegiatan(), nomor="SPP-XL-1"))
    client.force_login(o["ppk"])
    response = client.get(reverse("sekretariat:spp-list"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for c in sheet[4]]
    assert values[0] == "SPP-XL-1"
    assert values[7] == "SP2D-0451/2026"


@pytest.mark.parametrize("n", [1, 6])
def test_registers_have_pinned_query_counts(client, o, django_assert_num_queries, n):
    """Session, user, groups, the notification badge, then the page's own queries: the same for 1 SPP as for 6."""
    sub_a = sub_kegiatan(kode="1.01.0001", kegiatan="1.01", program="1")
    sub_b = sub_kegiatan(kode="2.01.0001", kegiatan="2.01", program="2")
    for i in range(n):
        sampai_sp2d(o, siapkan(o["pptk"], sub_a if i % 2 else sub_b, nomor=f"SPP-{i}"))
    client.force_login(o["ppk"])
    with django_assert_num_queries(6):
        response = client.get(reverse("sekretariat:spp-list"))
    assert response.content.decode().count("SP2D-0451/2026") == n
    # realisasi: the DPA grouped per kegiatan and the SPP summed per kegiatan, one query each
    with django_assert_num_queries(7):
        assert client.get(reverse("sekretariat:realisasi"), {"tahun": 2026}).status_code == 200
    with django_assert_num_queries(6):
        assert client.get(reverse("sekretariat:dpa"), {"tahun": 2026}).status_code == 200
