import pytest
from django.urls import reverse

from dukcapil.choices import Role
from sekretariat.models import DokumenPerencanaan, StatusPerencanaan
from sekretariat.services import perencanaan as svc

from ..factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def o(catalogue):
    sek = "sekretariat"
    return {
        "kasubag": staff(Role.KASUBAG, bidang=sek),
        "sekretaris": staff(Role.SEKRETARIS, bidang=sek),
        "staf": staff(Role.STAF, bidang=sek, first_name="Santi"),
        "luar": staff(Role.STAF, bidang="pendaftaran"),
    }


def test_kasubag_makes_the_calendar_from_the_page(client, o):
    client.force_login(o["kasubag"])
    response = client.post(reverse("sekretariat:perencanaan-buat"), {"tahun": 2026})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Laporan bulanan" in page
    assert "10 Apr 2026" in page


def test_staff_outside_the_sekretariat_get_403(client, o):
    client.force_login(o["luar"])
    assert client.get(reverse("sekretariat:perencanaan")).status_code == 403


def test_return_without_a_note_is_400_and_a_step_out_of_turn_409(client, o):
    svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026)
    dok = DokumenPerencanaan.objects.get(tahun=2026, jenis="iku")
    svc.perencanaan_tetapkan_pemegang(user=o["kasubag"], pk=dok.pk, pemegang=o["staf"])
    svc.perencanaan_aksi(user=o["staf"], pk=dok.pk, method="ajukan")
    client.force_login(o["kasubag"])
    url = reverse("sekretariat:perencanaan-aksi", args=[dok.pk, "kembalikan"])
    response = client.post(url, {"expected_status": "kasubag", "catatan": ""})
    assert response.status_code == 400
    assert "Tulis apa yang harus diperbaiki." in response.content.decode()
    client.force_login(o["sekretaris"])
    response = client.post(
        reverse("sekretariat:perencanaan-aksi", args=[dok.pk, "paraf"]), {"expected_status": "kasubag"}
    )
    assert response.status_code == 409
    dok.refresh_from_db()
    assert dok.status == StatusPerencanaan.KASUBAG


@pytest.mark.parametrize("holders", [1, 3])
def test_calendar_has_a_pinned_query_count(client, o, django_assert_num_queries, holders):
    """Session, user, groups, the notification badge and the page's own queries (the rows, their Tim):
    the same for 1 holder as for 3."""
    svc.perencanaan_buat_kalender(user=o["kasubag"], tahun=2026)
    for dok in DokumenPerencanaan.objects.filter(tahun=2026)[:holders]:
        svc.perencanaan_tetapkan_pemegang(user=o["kasubag"], pk=dok.pk, pemegang=o["staf"], tim=[o["kasubag"]])
    client.force_login(o["staf"])
    with django_assert_num_queries(7):
        response = client.get(reverse("sekretariat:perencanaan"), {"tahun": 2026})
    assert response.content.decode().count("Santi") == holders + 1  # the rows and the header
