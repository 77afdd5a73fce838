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
    assert [r["status"] for r in body["results"]] == ["verifikasi", "verifikasi"]
    assert set(body["results"][0]) >= {
        "nomor_registrasi",
        "layanan",
        "status_label",
        "menit_di_status",
        "standar_menit",
    }
    assert body["results"][0]["standar_menit"] == 30
    assert "pemohon_nama" not in body["results"][0]
    assert "count" not in body  # keyset pages: no full count of the table
    api.force_authenticate(team["kasi_capil"])
    assert api.get(reverse("api-antrian")).json()["results"] == []


def _walk(api, url, params):
    """Follow the next links from the first page: every page's nomor, in order."""
    pages, body = [], api.get(url, params).json()
    while True:
        pages.append([r["nomor_registrasi"] for r in body["results"]])
        if not body["next"]:
            return pages, body
        body = api.get(body["next"]).json()


def test_queue_cursor_pages_cover_every_open_berkas_once_in_order(api, team):
    made = [berkas_in(Status.VERIFIKASI, team, seq=seq) for seq in range(1, 6)]
    oldest_first = [b.nomor_registrasi for b in sorted(made, key=lambda b: (b.status_sejak, b.pk))]
    api.force_authenticate(team["kasi"])
    pages, last = _walk(api, reverse("api-antrian"), {"page_size": 2})
    assert pages == [oldest_first[0:2], oldest_first[2:4], oldest_first[4:5]]
    back = api.get(last["previous"]).json()
    assert [r["nomor_registrasi"] for r in back["results"]] == oldest_first[2:4]
    assert api.get(reverse("api-antrian"), {"page_size": 2}).json()["previous"] is None


def test_queue_page_is_stable_when_a_berkas_moves_on_between_pages(api, team):
    made = {b.nomor_registrasi: b for b in (berkas_in(Status.SIAP_DIAMBIL, team, seq=seq) for seq in range(1, 5))}
    api.force_authenticate(team["kasi"])
    first = api.get(reverse("api-antrian"), {"page_size": 2}).json()
    shown = [r["nomor_registrasi"] for r in first["results"]]
    # a berkas of page 1 is handed over meanwhile and leaves the open queue: with offsets, page 2
    # would shift by one and a berkas never seen would be skipped
    serahkan(made[shown[0]], team["pengambilan"])
    second = api.get(first["next"]).json()
    assert sorted(shown + [r["nomor_registrasi"] for r in second["results"]]) == sorted(made)


def test_queue_defaults_to_open_berkas_and_a_status_reaches_closed_ones(api, team):
    berkas_in(Status.VERIFIKASI, team, seq=1)
    done = berkas_in(Status.SIAP_DIAMBIL, team, seq=2)
    serahkan(done, team["pengambilan"])
    api.force_authenticate(team["kasi"])
    default = api.get(reverse("api-antrian")).json()["results"]
    assert [r["status"] for r in default] == ["verifikasi"]
    closed = api.get(reverse("api-antrian"), {"status": "diserahkan"}).json()["results"]
    assert [r["nomor_registrasi"] for r in closed] == [done.nomor_registrasi]


def test_queue_date_filter_uses_the_office_day(api, team):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from dukcapil.models import Berkas

    jakarta = ZoneInfo("Asia/Jakarta")
    late = berkas_in(Status.VERIFIKASI, team, seq=1)
    early = berkas_in(Status.VERIFIKASI, team, seq=2)
    # 23:30 WIB on 3 March is 16:30 UTC on 3 March; 00:30 WIB on 4 March is 17:30 UTC on 3 March
    Berkas.objects.filter(pk=late.pk).update(dibuat_pada=datetime(2026, 3, 3, 23, 30, tzinfo=jakarta))
    Berkas.objects.filter(pk=early.pk).update(dibuat_pada=datetime(2026, 3, 4, 0, 30, tzinfo=jakarta))
    api.force_authenticate(team["kasi"])
    on_4th = api.get(reverse("api-antrian"), {"dibuat_sejak": "2026-03-04", "dibuat_sampai": "2026-03-04"}).json()
    assert [r["nomor_registrasi"] for r in on_4th["results"]] == [early.nomor_registrasi]
    on_3rd = api.get(reverse("api-antrian"), {"dibuat_sampai": "2026-03-03"}).json()
    assert [r["nomor_registrasi"] for r in on_3rd["results"]] == [late.nomor_registrasi]


@pytest.mark.parametrize("cursor", ["bukan-kursor", "cD0yMDI2fDE=", "cD1ub3RhZGF0ZXwx"])
def test_queue_malformed_cursor_is_400_naming_the_field(api, team, cursor):
    api.force_authenticate(team["kasi"])
    response = api.get(reverse("api-antrian"), {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["errors"] == {"cursor": ["Kursor halaman tidak sah; mulai lagi dari halaman pertama."]}


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


QUEUE_QUERIES = 1  # one keyset page with layanan and bidang joined, no count (permissions already cached)


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
