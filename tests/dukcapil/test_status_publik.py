"""The citizen's status page says what to bring for a returned berkas and why one was cancelled
(a category, never the officer's note)."""

import pytest
from django.urls import reverse

from dukcapil.choices import Status
from dukcapil.models import Berkas
from tests.factories import berkas_in

pytestmark = pytest.mark.django_db


def lookup(client, berkas: Berkas) -> str:
    page = client.post(
        reverse("status-publik"), {"nomor_registrasi": berkas.nomor_registrasi, "nik": berkas.pemohon_nik}
    )
    assert page.status_code == 200
    return page.content.decode()


def test_a_returned_berkas_names_the_missing_persyaratan(client, team):
    berkas = berkas_in(Status.DIKEMBALIKAN, team)
    assert berkas.persyaratan_kurang
    page = lookup(client, berkas)
    assert all(f"<li>{nama}</li>" in page for nama in berkas.persyaratan_kurang)
    api = client.post(
        "/api/v1/status/", {"nomor_registrasi": berkas.nomor_registrasi, "nik": berkas.pemohon_nik}
    ).json()
    assert api["persyaratan_kurang"] == berkas.persyaratan_kurang and api["alasan_batal"] == ""


def test_a_cancelled_berkas_shows_the_category_chosen_on_the_berkas_page_not_the_note(client, team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    client.force_login(team["kasi"])
    url = reverse("berkas-action", args=[berkas.nomor_registrasi, "batalkan"])
    without = client.post(url, {"expected_status": Status.VERIFIKASI, "catatan": "x", "kategori": ""})
    assert without.status_code == 400 and "Pilih kategori alasan pembatalan" in without.content.decode()
    note = "Pemohon BUDI meminta batal karena pindah ke Batam."
    client.post(url, {"expected_status": Status.VERIFIKASI, "catatan": note, "kategori": "permintaan_pemohon"})
    berkas.refresh_from_db()
    assert berkas.status == Status.DIBATALKAN
    client.logout()
    page = lookup(client, berkas)
    assert "Berkas dibatalkan:</strong> Atas permintaan pemohon." in page
    assert "BUDI" not in page and "Batam" not in page
