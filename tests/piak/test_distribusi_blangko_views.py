"""Screens of the distribusi blangko: who may see and act (403), stale/over-stock actions (409),
form errors (400), pinned query counts, and the BAST PDF produced through dukcapil.cetakan."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from pendaftaran.models import StokBlangko
from piak.models import PermintaanBlangko

from .distribusi_blangko_helpers import diputuskan, minta, serahkan, terima

pytestmark = pytest.mark.django_db


def test_officers_outside_piak_are_refused(client, piak):
    client.force_login(piak["kasi_lain"])
    assert client.get(reverse("piak:distribusi-blangko")).status_code == 403
    assert client.get(reverse("piak:distribusi-blangko-stok")).status_code == 403
    client.force_login(piak["kabid_piak"])  # sees, does not record requests
    assert client.get(reverse("piak:distribusi-blangko-baru")).status_code == 403


def test_the_stock_page_shows_received_distributed_and_balance(client, piak):
    terima(piak, "ktp-el", 100)
    serahkan(piak, diputuskan(piak, {"ktp-el": 30}))
    client.force_login(piak["kabid_piak"])
    page = client.get(reverse("piak:distribusi-blangko-stok")).content.decode()
    assert (
        '<tr id="stok-ktp-el"><td>Blangko KTP-el</td><td>100</td><td>30</td><td>0</td><td><strong>70</strong>' in page
    )
    assert "Cleaning kit" in page and "Ditjen Dukcapil Kemendagri" in page


def test_a_delivery_posted_by_the_adb_raises_the_stock(client, piak):
    client.force_login(piak["adb"])
    data = {"jenis": "film", "jumlah": "4", "sumber": "provinsi", "tanggal": "2026-11-02"}
    response = client.post(reverse("piak:distribusi-blangko-terima"), data)
    assert response.status_code == 302
    assert StokBlangko.objects.get(jenis="film").jumlah == 4
    bad = client.post(reverse("piak:distribusi-blangko-terima"), {**data, "jumlah": "0"})
    assert bad.status_code == 400
    assert StokBlangko.objects.get(jenis="film").jumlah == 4


def test_the_kasi_cannot_post_a_delivery_of_another_bidang(client, piak):
    client.force_login(piak["kasi_lain"])
    data = {"jenis": "film", "jumlah": "4", "sumber": "provinsi", "tanggal": "2026-11-02"}
    assert client.post(reverse("piak:distribusi-blangko-terima"), data).status_code == 403
    assert not StokBlangko.objects.filter(jenis="film").exists()


def test_a_request_form_with_nothing_asked_answers_400_and_saves_nothing(client, piak):
    client.force_login(piak["adb"])
    data = {"kecamatan": "Toapaya", "tanggal_surat": "2026-11-03", "pengaju": "Budi"}
    data |= {f"{f}_{j}": "0" for f in ("stok", "diminta") for j in StokBlangko.Jenis.values}
    response = client.post(reverse("piak:distribusi-blangko-baru"), data)
    assert response.status_code == 400
    assert "Isi jumlah yang diminta untuk sedikitnya satu barang." in response.content.decode()
    assert not PermintaanBlangko.objects.exists()
    response = client.post(reverse("piak:distribusi-blangko-baru"), {**data, "diminta_ribbon": "2"})
    permintaan = PermintaanBlangko.objects.get()
    assert response["Location"] == permintaan.get_absolute_url()
    assert [(i.jenis, i.diminta) for i in permintaan.items.all()] == [("ribbon", 2)]


def test_the_kabid_over_the_stock_gets_400_with_the_stock_named(client, piak):
    terima(piak, "ktp-el", 20)
    permintaan = minta(piak, items={"ktp-el": (0, 20)})
    client.force_login(piak["kasi_piak"])
    url = reverse("piak:distribusi-blangko-aksi", args=[permintaan.pk, "usulkan"])
    assert client.post(url, {"jumlah_ktp-el": "20", "expected_status": "diajukan"}).status_code == 302
    StokBlangko.objects.filter(jenis="ktp-el").update(jumlah=5)  # used at the counter meanwhile
    client.force_login(piak["kabid_piak"])
    url = reverse("piak:distribusi-blangko-aksi", args=[permintaan.pk, "putuskan"])
    response = client.post(url, {"jumlah_ktp-el": "20", "expected_status": "diusulkan"})
    assert response.status_code == 400
    assert "Stok Blangko KTP-el di Dinas tinggal 5; 20 tidak dapat diberikan." in response.content.decode()
    permintaan.refresh_from_db()
    assert permintaan.status == "diusulkan"


def test_the_adb_may_not_decide_403_and_a_stale_page_is_409(client, piak):
    terima(piak, "ktp-el", 100)
    permintaan = minta(piak)
    client.force_login(piak["adb"])
    url = reverse("piak:distribusi-blangko-aksi", args=[permintaan.pk, "usulkan"])
    assert client.post(url, {"jumlah_ktp-el": "50", "expected_status": "diajukan"}).status_code == 403
    client.force_login(piak["kasi_piak"])
    assert client.post(url, {"jumlah_ktp-el": "50", "expected_status": "diajukan"}).status_code == 302
    again = client.post(url, {"jumlah_ktp-el": "50", "expected_status": "diajukan"})
    assert again.status_code == 409
    assert "baru saja diproses" in again.content.decode()


def test_the_handover_of_blanks_already_gone_is_409(client, piak):
    terima(piak, "ktp-el", 40)
    first, second = diputuskan(piak, {"ktp-el": 40}), diputuskan(piak, {"ktp-el": 40}, kecamatan="Toapaya")
    serahkan(piak, first)
    client.force_login(piak["adb"])
    url = reverse("piak:distribusi-blangko-aksi", args=[second.pk, "serahkan"])
    data = {"penerima_nama": "Budi", "penerima_nip": "198501012010011001", "tanggal": "2026-11-05",
            "expected_status": "diputuskan"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 409
    assert "Blangko KTP-el tinggal 0, diputuskan 40" in response.content.decode()


def test_the_list_costs_the_same_queries_for_one_or_many_requests(client, piak, django_assert_num_queries):
    minta(piak)
    client.force_login(piak["kabid_piak"])
    url = reverse("piak:distribusi-blangko")
    client.get(url)
    with django_assert_num_queries(7):  # session, user, groups, bidang, count, page (with sums), badge
        page = client.get(url).content.decode()
    assert "Bintan Timur" in page
    for n in range(30):
        minta(piak, kecamatan=f"Kecamatan {n}")
    with django_assert_num_queries(7):
        page = client.get(url).content.decode()
    assert "Kecamatan 29" in page and "Halaman 1 dari 2" in page
    assert "Kecamatan 0<" not in page  # on page 2


def test_the_bast_pdf_names_both_parties_and_the_items(client, piak, cetak_pdf):
    terima(piak, "ktp-el", 100)
    terima(piak, "ribbon", 5, "provinsi")
    permintaan = diputuskan(piak, {"ktp-el": 40, "ribbon": 2})
    client.force_login(piak["adb"])
    assert client.get(reverse("piak:distribusi-blangko-bast", args=[permintaan.pk])).status_code == 404
    serahkan(piak, permintaan)
    detail = client.get(permintaan.get_absolute_url()).content.decode()
    assert "001/BAST-BLANGKO/PIAK/2026" in detail and "Kartu kendali" in detail
    response = cetak_pdf(client, reverse("piak:distribusi-blangko-bast", args=[permintaan.pk]))
    text = PdfReader(io.BytesIO(response.pdf)).pages[0].extract_text()
    for expected in ("BERITA ACARA SERAH TERIMA", "001/BAST-BLANGKO/PIAK/2026", "Siti Aminah",
                     "198501012010012003", "Kecamatan Bintan Timur", "Blangko KTP-el", "Ribbon printer"):  # fmt: skip
        assert expected in text
