"""The counter refuses a pemohon born in the future or impossibly long ago, and names SIAK would not take."""

from datetime import date

import pytest
from django.urls import reverse

from dukcapil.demo import make_nik
from dukcapil.models import Berkas, Layanan
from tests.factories import wajib_ids

pytestmark = pytest.mark.django_db


def _intake(client, team, **overrides):
    layanan = Layanan.objects.get(kode="kk")
    client.force_login(team["loket"])
    data = {
        "nama": "Budi Santoso",
        "jenis_kelamin": "L",
        "telepon": "0812-7700 1234",
        "detail-jenis": "baru",
        "persyaratan": [str(i) for i in wajib_ids(layanan)],
        **overrides,
    }
    before = Berkas.objects.count()
    response = client.post(reverse("intake", args=["kk"]), data)
    assert Berkas.objects.count() == before
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("born", [date(2031, 8, 17), date(1800, 8, 17), date(1, 8, 17)], ids=["2031", "1800", "1"])
def test_birth_date_out_of_range_is_refused(client, team, born):
    status, body = _intake(client, team, nik=make_nik(born, "L", 1), tanggal_lahir=born.isoformat())
    assert status == 400
    assert "setelah hari ini" in body or "130 tahun" in body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nama", "BUDI \u202eOTNAS", "huruf latin"),
        ("nama", "BUDI 😀", "huruf latin"),
        ("telepon", "0812<b>", "angka, spasi"),
        ("catatan", "x" * 1001, "1000"),
    ],
)
def test_name_phone_and_note_are_checked(client, team, field, value, message):
    born = date(1985, 8, 17)
    status, body = _intake(client, team, nik=make_nik(born, "L", 1), tanggal_lahir=born.isoformat(), **{field: value})
    assert status == 400 and message in body
