import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from dukcapil.choices import Status
from tests.factories import berkas_in, serahkan

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_status_lookup_returns_the_timeline_without_personal_data(api, team):
    berkas = berkas_in(Status.VALIDASI, team)
    response = api.post(
        reverse("api-status"), {"nomor_registrasi": berkas.nomor_registrasi, "nik": berkas.pemohon_nik}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "validasi" and body["status_label"] == "Menunggu validasi Kabid"
    assert [r["status"] for r in body["riwayat"]] == [
        "Diterima, menunggu entri operator",
        "Menunggu verifikasi Kasi",
        "Menunggu validasi Kabid",
    ]
    text = response.content.decode()
    assert berkas.pemohon_nik not in text and berkas.pemohon_nama not in text


def test_status_lookup_wrong_pair_equals_unknown_number(api, team):
    berkas = berkas_in(Status.VALIDASI, team)
    wrong = api.post(
        reverse("api-status"), {"nomor_registrasi": berkas.nomor_registrasi, "nik": "2102011708850099"}, format="json"
    )
    unknown = api.post(
        reverse("api-status"), {"nomor_registrasi": "KK-000000-0000", "nik": "2102011708850099"}, format="json"
    )
    assert wrong.status_code == unknown.status_code == 404
    assert (
        wrong.json()
        == unknown.json()
        == {"detail": "Berkas tidak ditemukan. Periksa kembali nomor registrasi dan NIK."}
    )


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({"nomor_registrasi": "KK-1", "nik": "123"}, {"nik": ["NIK harus 16 digit angka."]}),
        ({"nik": "2102011708850099"}, {"nomor_registrasi": ["Bidang ini harus diisi."]}),
        (
            {"nomor_registrasi": "x" * 31, "nik": "2102011708850099"},
            {"nomor_registrasi": ["Isi bidang ini tidak boleh melebihi 30 karakter."]},
        ),
    ],
    ids=["nik-pendek", "nomor-kosong", "nomor-terlalu-panjang"],
)
def test_status_lookup_malformed_is_400_with_field_errors(api, payload, errors):
    response = api.post(reverse("api-status"), payload, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Permintaan tidak valid.", "errors": errors}


def test_status_lookup_rejects_non_json_garbage(api):
    response = api.post(reverse("api-status"), data="{nope", content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}


@pytest.mark.parametrize("name", ["api-antrian", "api-antrian-ringkasan"])
def test_queue_needs_staff(api, team, name):
    response = api.get(reverse(name))
    assert response.status_code == 403
    assert response.json() == {"detail": "Data autentikasi tidak diberikan."}


def test_queue_lists_only_the_officer_bidang_with_filters_and_pagination(api, team):
    for seq, status in enumerate([Status.VERIFIKASI, Status.VERIFIKASI, Status.VALIDASI, Status.DITERIMA], start=1):
        berkas_in(status, team, seq=seq)
    api.force_authenticate(team["kasi"])
    body = api.get(reverse("api-antrian"), {"status": "verifikasi"}).json()
    assert body["count"] == 2 and {r["status"] for r in body["results"]} == {"verifikasi"}
    assert set(body["results"][0]) >= {
        "nomor_registrasi",
        "layanan",
        "status_label",
        "menit_di_status",
        "standar_menit",
    }
    assert body["results"][0]["standar_menit"] == 30
    assert "pemohon_nama" not in body["results"][0]
    paged = api.get(reverse("api-antrian"), {"page_size": 1, "page": 2}).json()
    assert paged["count"] == 4 and len(paged["results"]) == 1 and paged["previous"]
    api.force_authenticate(team["kasi_capil"])
    assert api.get(reverse("api-antrian")).json()["count"] == 0


def test_queue_bad_filter_is_400_with_field_errors(api, team):
    api.force_authenticate(team["kasi"])
    response = api.get(reverse("api-antrian"), {"status": "hilang", "dibuat_sejak": "kemarin"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"status", "dibuat_sejak"}


def test_queue_summary_counts(api, team):
    berkas_in(Status.VERIFIKASI, team, seq=1)
    berkas_in(Status.VERIFIKASI, team, seq=2)
    done = berkas_in(Status.SIAP_DIAMBIL, team, seq=3)
    serahkan(done, team["pengambilan"])
    api.force_authenticate(team["kadis"])
    body = api.get(reverse("api-antrian-ringkasan")).json()
    assert {r["kode"]: r["jumlah"] for r in body["per_status"]} == {"verifikasi": 2}
    assert body["per_layanan"] == [{"kode": "kk", "nama": "Penerbitan Kartu Keluarga (KK)", "jumlah": 2}]
    assert body["per_bidang"][0]["kode"] == "pendaftaran"


QUEUE_QUERIES = 2  # count + one page with layanan and bidang joined (permissions already cached)


def test_queue_list_query_count_does_not_grow(api, team, django_assert_num_queries):
    api.force_authenticate(team["kasi"])
    for seq in range(1, 3):
        berkas_in(Status.VERIFIKASI, team, seq=seq)
    api.get(reverse("api-antrian"))
    with django_assert_num_queries(QUEUE_QUERIES):
        api.get(reverse("api-antrian"))
    for seq in range(3, 13):
        berkas_in(Status.VERIFIKASI, team, seq=seq)
    with django_assert_num_queries(QUEUE_QUERIES):
        response = api.get(reverse("api-antrian"))
    assert response.json()["count"] == 12
    assert len(response.json()["results"]) == 12


def test_openapi_schema_is_served(client):
    response = client.get(reverse("api-schema"))
    assert response.status_code == 200
    assert b"/api/v1/status/" in response.content and b"/api/v1/antrian/" in response.content


def test_status_lookup_is_throttled_per_client(api, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"status_publik": "3/min"}}
    payload = {"nomor_registrasi": "KK-000000-0000", "nik": "2102011708850099"}
    codes = [
        api.post(reverse("api-status"), payload, format="json", REMOTE_ADDR="10.9.9.9").status_code for _ in range(4)
    ]
    assert codes == [404, 404, 404, 429]
    limited = api.post(reverse("api-status"), payload, format="json", REMOTE_ADDR="10.9.9.9")
    assert limited.json()["detail"].startswith("Terlalu banyak permintaan.") and int(limited["Retry-After"]) <= 61
    other = api.post(reverse("api-status"), payload, format="json", REMOTE_ADDR="10.9.9.10")
    assert other.status_code == 404
