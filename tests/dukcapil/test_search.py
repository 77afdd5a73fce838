"""Staff search (/cari/): nomor registrasi, NIK, nomor KK or name, only in the user's bidang; a NIK
never travels in a URL."""

import logging

import pytest
from django.db import connection
from django.urls import reverse

from dukcapil import search
from dukcapil.models import Berkas, Bidang
from pendaftaran.models import PermohonanKK
from tests.factories import register

pytestmark = pytest.mark.django_db

NOMOR_KK = "2102010101260042"


@pytest.fixture
def berkas(team):
    """Three KK berkas in Pendaftaran (oldest first) and one moved to Pencatatan Sipil."""
    rows = [register(team["loket"], seq=i) for i in range(1, 5)]
    names = ["BUDI SANTOSO", "SITI AMINAH", "BUDIMAN HALIM", "BUDI SANTOSO"]
    for row, nama in zip(rows, names, strict=True):
        Berkas.objects.filter(pk=row.pk).update(pemohon_nama=nama)
    PermohonanKK.objects.filter(berkas=rows[1]).update(nomor_kk=NOMOR_KK)
    Berkas.objects.filter(pk=rows[3].pk).update(bidang=Bidang.objects.get(kode="pencatatan_sipil"))
    for row in rows:
        row.refresh_from_db()
    return rows


def found(client, q: str, method: str = "post") -> list[str]:
    page = getattr(client, method)(reverse("cari"), {"q": q})
    assert page.status_code == 200
    return [b.nomor_registrasi for b in page.context["result"].berkas]


def test_nomor_registrasi_finds_the_berkas_by_post_and_by_get(client, team, berkas):
    client.force_login(team["kasi"])
    assert found(client, berkas[0].nomor_registrasi) == [berkas[0].nomor_registrasi]
    assert found(client, berkas[0].nomor_registrasi.lower(), method="get") == [berkas[0].nomor_registrasi]


def test_nik_finds_the_berkas_of_that_pemohon(client, team, berkas):
    client.force_login(team["kasi"])
    assert found(client, berkas[2].pemohon_nik) == [berkas[2].nomor_registrasi]


def test_nomor_kk_finds_the_kk_berkas(client, team, berkas):
    client.force_login(team["kasi"])
    assert found(client, NOMOR_KK) == [berkas[1].nomor_registrasi]


def test_name_finds_matching_berkas_newest_first_and_shows_the_table(client, team, berkas):
    client.force_login(team["kasi"])
    page = client.post(reverse("cari"), {"q": "santoso"})
    nomors = [b.nomor_registrasi for b in page.context["result"].berkas]
    assert nomors[0] == berkas[0].nomor_registrasi and berkas[1].nomor_registrasi not in nomors
    assert berkas[3].nomor_registrasi not in nomors  # another bidang
    html = page.content.decode()
    assert "BUDI SANTOSO" in html and berkas[0].layanan.nama in html
    assert f'<span class="badge {berkas[0].status}">{berkas[0].get_status_display()}</span>' in html
    assert found(client, "budi") == [berkas[2].nomor_registrasi, berkas[0].nomor_registrasi]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity needs PostgreSQL")
def test_a_misspelt_name_still_finds_the_berkas_on_postgresql(client, team, berkas):
    client.force_login(team["kasi"])
    assert berkas[0].nomor_registrasi in found(client, "BUDY SANTOSO")
    assert berkas[1].nomor_registrasi not in found(client, "BUDY SANTOSO")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'berkas_pemohon_nama_trgm'")
        assert cursor.fetchone() is not None


def test_nothing_from_another_bidang(client, team, berkas):
    client.force_login(team["kasi_capil"])
    moved = berkas[3]
    assert found(client, moved.nomor_registrasi) == [moved.nomor_registrasi]
    for q in (berkas[0].nomor_registrasi, berkas[0].pemohon_nik, NOMOR_KK, "SITI AMINAH"):
        assert found(client, q) == []
    client.force_login(team["kasi"])
    for q in (moved.nomor_registrasi, moved.pemohon_nik):
        assert found(client, q) == []


@pytest.mark.parametrize("which", ["nik", "kk"])
def test_a_nik_or_nomor_kk_by_get_is_refused_and_never_in_the_url_or_logs(client, team, berkas, caplog, which):
    client.force_login(team["kasi"])
    secret = berkas[0].pemohon_nik if which == "nik" else NOMOR_KK
    with caplog.at_level(logging.DEBUG):
        response = client.get(reverse("cari"), {"q": secret})
        assert response.status_code == 302 and response["Location"] == reverse("cari")
        page = client.get(response["Location"])
    html = page.content.decode()
    assert "tidak boleh dikirim lewat alamat" in html and not page.context["result"].searched
    assert secret not in html and secret not in caplog.text


def test_the_header_box_posts_so_the_nik_stays_out_of_the_url(client, team, berkas):
    client.force_login(team["kasi"])
    html = client.get(reverse("kotak-masuk")).content.decode()
    assert f'<form method="post" action="{reverse("cari")}" class="inline" role="search">' in html
    response = client.post(reverse("cari"), {"q": berkas[0].pemohon_nik})
    assert response.status_code == 200 and response.wsgi_request.get_full_path() == reverse("cari")


@pytest.mark.parametrize("q", ["", "  ", "ab"])
def test_an_empty_or_too_short_query_shows_a_hint(client, team, berkas, q):
    client.force_login(team["kasi"])
    for method in ("get", "post"):
        page = getattr(client, method)(reverse("cari"), {"q": q})
        assert page.status_code == 200 and 'id="cari-petunjuk"' in page.content.decode()
        assert not page.context["result"].searched and page.context["result"].berkas == []


def test_search_needs_login(client):
    response = client.get(reverse("cari"))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_at_most_the_limit_newest_first(team, berkas):
    result = search.search_berkas(team["kasi"], "budi", limit=1)
    assert [b.pk for b in result.berkas] == [berkas[2].pk]
    assert search.SEARCH_LIMIT == 50


def test_results_page_query_count_is_pinned(client, team, berkas, django_assert_num_queries):
    """Session, user, its groups (permissions), its bidang (header), then the berkas with their
    layanan in one query: the same however many rows are found."""
    client.force_login(team["kasi"])
    client.get(reverse("kotak-masuk"))
    for q, rows in (("santoso", 1), ("budi", 2)):
        with django_assert_num_queries(6):  # with the unread-notification badge
            page = client.post(reverse("cari"), {"q": q})
        assert len(page.context["result"].berkas) == rows
