"""Inovasi layanan screens: the proposal form (400 in Indonesian), actions (403/409), the detail
with its kartu kendali, the list's pinned query count and the nota dinas button."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from piak.models import Inovasi, StatusInovasi

from .conftest import pdf
from .inovasi_helpers import piak_inovasi, sampai_rancangan, sampai_selesai, usul  # noqa: F401

pytestmark = pytest.mark.django_db
S = StatusInovasi


def test_piak_proposes_and_lands_on_the_programme(client, p):
    client.force_login(p["kasi_piak"])
    target = (timezone.localdate() + timedelta(days=90)).isoformat()
    response = client.post(
        reverse("piak:inovasi-usul"),
        {"nama": "Antrean daring", "latar_belakang": "Antrean panjang.", "jenis": "aplikasi",
         "cakupan": "Kantor dinas", "target": target},
    )  # fmt: skip
    inovasi = Inovasi.objects.get()
    assert response.status_code == 302 and response["Location"] == inovasi.get_absolute_url()
    page = client.get(inovasi.get_absolute_url()).content.decode()
    assert "Antrean daring" in page and "Kartu kendali" in page and 'id="aksi-bentuk_tim"' in page


def test_proposal_errors_are_400_in_indonesian_and_save_nothing(client, p):
    client.force_login(p["kasi_piak"])
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("piak:inovasi-usul"),
        {"nama": "Antrean", "latar_belakang": "x", "jenis": "aplikasi", "cakupan": "x", "target": yesterday},
    )
    assert response.status_code == 400
    assert "Target selesai tidak boleh sebelum hari ini." in response.content.decode()
    assert not Inovasi.objects.exists()


def test_outsiders_get_403_and_a_stale_step_409(client, p):
    inovasi = sampai_rancangan(p)
    client.force_login(p["kasi_lain"])
    assert client.get(reverse("piak:inovasi-list")).status_code == 403
    client.force_login(p["kasi_piak"])  # may read, may not approve
    url = reverse("piak:inovasi-aksi", args=[inovasi.pk, "setujui"])
    assert client.post(url, {"expected_status": "rancangan"}).status_code == 403
    client.force_login(p["kadis"])
    assert client.post(url, {"expected_status": "tim_dibentuk"}).status_code == 409
    inovasi.refresh_from_db()
    assert inovasi.status == S.RANCANGAN
    response = client.post(reverse("piak:inovasi-aksi", args=[inovasi.pk, "kembalikan"]),
                           {"expected_status": "rancangan", "alasan": ""})  # fmt: skip
    assert response.status_code == 400
    assert "Tulis apa yang perlu diperbaiki pada rancangan." in response.content.decode()
    assert client.post(url, {"expected_status": "rancangan"}).status_code == 302
    inovasi.refresh_from_db()
    assert inovasi.status == S.DISETUJUI


def test_the_tim_and_the_design_are_recorded_from_the_detail(client, p):
    inovasi = usul(p)
    client.force_login(p["kasi_piak"])
    response = client.post(
        reverse("piak:inovasi-aksi", args=[inovasi.pk, "bentuk_tim"]),
        {"expected_status": "diusulkan", "tim": [p["adb"].pk], "sk_nomor": "800/9/SK/2026",
         "sk_tanggal": timezone.localdate().isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    response = client.post(
        reverse("piak:inovasi-aksi", args=[inovasi.pk, "ajukan"]),
        {"expected_status": "tim_dibentuk", "berkas": pdf("Rancangan", "r.pdf"), "catatan": ""},
    )
    assert response.status_code == 302
    inovasi.refresh_from_db()
    assert inovasi.status == S.RANCANGAN and list(inovasi.tim.all()) == [p["adb"]]
    download = client.get(reverse("piak:inovasi-rancangan", args=[inovasi.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_nota_dinas_button_opens_the_naskah(client, p):
    inovasi = sampai_selesai(p)
    client.force_login(p["kasi_piak"])
    assert 'id="aksi-nota-dinas"' in client.get(inovasi.get_absolute_url()).content.decode()
    response = client.post(reverse("piak:inovasi-aksi", args=[inovasi.pk, "nota-dinas"]))
    inovasi.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == inovasi.nota_dinas.get_absolute_url()
    assert client.post(reverse("piak:inovasi-aksi", args=[inovasi.pk, "nota-dinas"])).status_code == 409


def test_the_list_has_a_pinned_query_count(client, p, django_assert_num_queries):
    for n in range(3):
        usul(p, f"Inovasi {n}")
    client.force_login(p["kabid_piak"])
    client.get(reverse("piak:inovasi-list"))  # warm the session/permission caches
    with django_assert_num_queries(7):
        response = client.get(reverse("piak:inovasi-list"))
    assert response.content.decode().count('<td><a href="/piak/inovasi/') == 3
    for n in range(3, 8):
        usul(p, f"Inovasi {n}")
    with django_assert_num_queries(7):
        response = client.get(reverse("piak:inovasi-list"))
    assert response.content.decode().count('<td><a href="/piak/inovasi/') == 8
