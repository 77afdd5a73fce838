from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from sekretariat.models import BuktiSpj, SpjAdministratif
from sekretariat.services import spj as spj_svc

from .keuangan_helpers import orang_keuangan, pdf_upload, sampai_sp2d, siapkan, spj, sub_kegiatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def o(catalogue):
    return orang_keuangan()


@pytest.fixture
def sp2d(o):
    today = date.today()
    sub = sub_kegiatan(tahun=today.year, pagu="30000000")
    return sampai_sp2d(o, siapkan(o["pptk"], sub, nilai="20000000", tanggal=today))


def _post(client, spp, nilai):
    return client.post(
        reverse("sekretariat:spj-baru"),
        {
            "spp": spp.pk if spp else "",
            "nomor_spj": "SPJ-01",
            "tanggal": date.today().isoformat(),
            "kode_rekening": "5.1.02.01.01.0024",
            "uraian": "Belanja ATK",
            "nilai": nilai,
        },
    )


def test_spj_form_refuses_missing_spp_and_pagu_overflow_with_400_and_saves_nothing(client, o, sp2d):
    client.force_login(o["bendahara"])
    response = _post(client, None, "1000")
    assert response.status_code == 400
    assert "SPJ tanpa SPP tidak dapat dicatat" in response.content.decode()
    response = _post(client, sp2d, "30000001")
    assert response.status_code == 400
    assert "melebihi sisa pagu" in response.content.decode()
    assert not SpjAdministratif.objects.exists()
    response = _post(client, sp2d, "2500000")
    assert response.status_code == 302


def test_bukti_upload_checked_by_content_and_a_wrong_role_or_state(client, o, sp2d):
    record = spj(o, sp2d, tandatangani=False)
    url = reverse("sekretariat:spj-bukti", args=[record.pk])
    client.force_login(o["bendahara"])
    palsu = SimpleUploadedFile("nota.png", b"bukan gambar sama sekali", content_type="image/png")
    response = client.post(url, {"jenis": "nota", "keterangan": "Nota", "berkas": palsu})
    assert response.status_code == 400
    assert "harus berupa PDF, JPEG, atau PNG" in response.content.decode()
    assert not BuktiSpj.objects.exists()
    assert client.post(url, {"jenis": "nota", "keterangan": "Nota", "berkas": pdf_upload()}).status_code == 302
    client.force_login(o["ppk"])
    response = client.post(
        reverse("sekretariat:spj-aksi", args=[record.pk, "verifikasi"]), {"expected_status": "konsep"}
    )
    assert response.status_code == 409
    client.force_login(o["bendahara"])
    aksi = reverse("sekretariat:spj-aksi", args=[record.pk, "ajukan"])
    assert client.post(aksi, {"expected_status": "konsep"}).status_code == 302
    client.force_login(o["pptk"])
    response = client.post(
        reverse("sekretariat:spj-aksi", args=[record.pk, "kembalikan"]), {"expected_status": "diajukan", "catatan": "x"}
    )
    assert response.status_code == 403


def test_list_pages_have_pinned_query_counts(client, o, sp2d, django_assert_num_queries):
    for n in range(3):
        spj(o, sp2d, nomor=f"J{n}", nilai="100000")
    client.force_login(o["ppk"])
    client.get(reverse("sekretariat:spj-list"))
    with django_assert_num_queries(7):
        response = client.get(reverse("sekretariat:spj-list"))
    assert response.content.decode().count("/sekretariat/keuangan/spj/") >= 3
    spj(o, sp2d, nomor="J9", nilai="100000")  # one more row, no more queries
    with django_assert_num_queries(7):
        client.get(reverse("sekretariat:spj-list"))
    today = date.today()
    spj_svc.spj_fungsional_susun(user=o["bendahara"], tahun=today.year, bulan=today.month)
    with django_assert_num_queries(7):
        response = client.get(reverse("sekretariat:spj-fungsional-list"))
    assert "Disusun Bendahara" in response.content.decode()


def test_signed_spj_prints_as_pdf_through_cetakan(client, o, sp2d, django_capture_on_commit_callbacks):
    record = spj(o, sp2d, nilai="2500000")
    client.force_login(o["ppk"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("sekretariat:spj-cetak", args=[record.pk]))
    assert response.status_code == 302
    cetakan = Cetakan.objects.get(jenis="spj-administratif")
    assert cetakan.status == Cetakan.Status.SIAP
    text = PdfReader(cetakan.file.open("rb")).pages[0].extract_text()
    assert "SPJ ADMINISTRATIF" in text
    assert "Ditandatangani PPTK" in text
    unsigned = spj(o, sp2d, nomor="J2", nilai="100", tandatangani=False)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("sekretariat:spj-cetak", args=[unsigned.pk]))
    gagal = Cetakan.objects.exclude(pk=cetakan.pk).get()
    assert gagal.status == Cetakan.Status.GAGAL
    assert "belum ditandatangani" in gagal.galat


def test_bukti_and_spj_are_404_to_staff_outside_keuangan(client, o, sp2d):
    record = spj(o, sp2d, nilai="100000")
    client.force_login(o["staf"])
    assert client.get(reverse("sekretariat:spj-detail", args=[record.pk])).status_code == 404
    bukti = record.bukti.get()
    assert client.get(reverse("sekretariat:spj-bukti-unduh", args=[bukti.pk])).status_code == 404
    client.force_login(o["ppk"])
    assert client.get(reverse("sekretariat:spj-bukti-unduh", args=[bukti.pk])).status_code == 200
