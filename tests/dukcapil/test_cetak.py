"""The printable pages: slip kekurangan persyaratan (returned berkas) and kartu kendali (A4)."""

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from dukcapil.choices import Status
from dukcapil.documents_builders import office_header
from dukcapil.models import KartuKendali
from dukcapil.nik import mask_nik

from ..factories import berkas_in

pytestmark = pytest.mark.django_db


def _page(client, user, name, berkas):
    client.force_login(user)
    return client.get(reverse(name, args=[berkas.nomor_registrasi]))


def test_slip_kekurangan_lists_what_to_bring_for_the_citizen(client, team):
    berkas = berkas_in(Status.DIKEMBALIKAN, team)
    assert berkas.persyaratan_kurang
    # returned at 20:30 UTC on 16 August: in Asia/Jakarta it is already Monday 17 August, 03:30
    KartuKendali.objects.filter(object_id=berkas.pk, ke_status=Status.DIKEMBALIKAN).update(
        waktu=datetime(2026, 8, 16, 20, 30, tzinfo=UTC)
    )
    response = _page(client, team["kasi"], "slip-kekurangan", berkas)
    assert response.status_code == 200
    page = response.content.decode()
    kop = office_header()
    assert kop.nama_dinas in page and kop.alamat in page
    assert berkas.nomor_registrasi in page and berkas.layanan.nama in page and berkas.pemohon_nama in page
    for item in berkas.persyaratan_kurang:
        assert item in page
    assert "Senin, 17 Agustus 2026, pukul 03:30 WIB" in page
    assert "/cek-status/" in page and "nomor registrasi yang sama" in page
    assert team["loket"].get_full_name() in page  # the officer who returned it
    assert mask_nik(berkas.pemohon_nik) in page and berkas.pemohon_nik not in page
    assert 'href="/static/css/cetak-slip.css"' in page
    assert "@page { size: A5 portrait" in Path(finders.find("css/cetak-slip.css")).read_text()


def test_slip_kekurangan_only_for_a_returned_berkas(client, team):
    berkas = berkas_in(Status.DITERIMA, team)
    assert _page(client, team["loket"], "slip-kekurangan", berkas).status_code == 404
    detail = _page(client, team["loket"], "berkas-detail", berkas).content.decode()
    assert "Cetak slip kekurangan" not in detail


def test_berkas_page_links_both_printable_pages(client, team):
    berkas = berkas_in(Status.DIKEMBALIKAN, team)
    detail = _page(client, team["loket"], "berkas-detail", berkas).content.decode()
    assert reverse("slip-kekurangan", args=[berkas.nomor_registrasi]) in detail and "Cetak slip kekurangan" in detail
    assert reverse("kartu-kendali-cetak", args=[berkas.nomor_registrasi]) in detail


@pytest.mark.parametrize("name", ["slip-kekurangan", "kartu-kendali-cetak"])
def test_printable_pages_are_hidden_from_another_bidang(client, team, name):
    berkas = berkas_in(Status.DIKEMBALIKAN, team)
    assert _page(client, team["kasi_capil"], name, berkas).status_code == 404
    client.logout()
    response = client.get(reverse(name, args=[berkas.nomor_registrasi]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_kartu_kendali_shows_every_step_against_the_sop(client, team):
    berkas = berkas_in(Status.VALIDASI, team)
    steps = list(KartuKendali.objects.filter(object_id=berkas.pk).order_by("waktu", "pk"))
    slow = next(s for s in steps if berkas.standar_waktu.get(s.dari_status))
    KartuKendali.objects.filter(pk=slow.pk).update(mulai=slow.waktu - timedelta(days=3))
    type(berkas).objects.filter(pk=berkas.pk).update(
        dibuat_pada=datetime(2026, 8, 16, 20, 30, tzinfo=UTC), tenggat=date(2026, 8, 24)
    )
    response = _page(client, team["kabid"], "kartu-kendali-cetak", berkas)
    assert response.status_code == 200
    page = response.content.decode()
    rows = re.findall(r'<tr class="(lewat)?">', page)
    assert len(rows) == len(steps) and rows.count("lewat") >= 1
    assert "melewati standar" in page
    assert "Senin, 17 Agustus 2026, pukul 03:30 WIB" in page  # tanggal daftar in Asia/Jakarta
    assert "Senin, 24 Agustus 2026" in page  # tenggat
    assert team["operator"].get_full_name() in page and team["kasi"].get_full_name() in page
    assert "Paraf" in page and page.count('<td class="paraf"></td>') == len(steps)
    assert office_header().nama_dinas in page and berkas.layanan.nama in page
    assert mask_nik(berkas.pemohon_nik) in page and berkas.pemohon_nik not in page
    assert 'href="/static/css/cetak-kartu-kendali.css"' in page
    assert "@page { size: A4 portrait" in Path(finders.find("css/cetak-kartu-kendali.css")).read_text()


def test_kartu_kendali_query_count_is_pinned(client, team, django_assert_num_queries):
    berkas = berkas_in(Status.VALIDASI, team)
    client.force_login(team["kabid"])
    url = reverse("kartu-kendali-cetak", args=[berkas.nomor_registrasi])
    client.get(url)  # warm the content type cache
    # session, user, the user's groups (permissions table), berkas (with layanan, bidang, dibuat_oleh),
    # access log insert, kantor (kop), kartu kendali with pelaku: not one more per step
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
