"""The operator's KK entry page refuses impossible input: nothing is saved or sent to the Kasi."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.demo import FAMILIES, family_members, make_nik
from pendaftaran.models import AnggotaKeluarga
from tests.factories import register

pytestmark = pytest.mark.django_db

ALAMAT = {
    "kode_wilayah": "210201",
    "alamat": "JL. POS NO. 3",
    "rt": "001",
    "rw": "002",
    "desa_kelurahan": "KIJANG KOTA",
    "kecamatan": "BINTAN TIMUR",
    "kabupaten_kota": "BINTAN",
    "provinsi": "KEPULAUAN RIAU",
    "kode_pos": "29151",
}


def kk_post(index: int = 7, **member_overrides) -> dict:
    """A complete KK entry POST (the family of FAMILIES[index]); overrides apply to the first member."""
    kepala, istri, anak = FAMILIES[index % len(FAMILIES)]
    members = family_members(index, kepala, istri, anak)
    data = {**ALAMAT, "anggota-TOTAL_FORMS": str(len(members)), "anggota-INITIAL_FORMS": "0", "kirim": "1"}
    for i, m in enumerate(members):
        row = {k: ("" if v is None else v.isoformat() if hasattr(v, "isoformat") else v) for k, v in m.__dict__.items()}
        if i == 0:
            row.update(member_overrides)
        data.update({f"anggota-{i}-{k}": v for k, v in row.items()})
    return data


@pytest.fixture
def entry(client, team):
    berkas = register(team["loket"], seq=41)
    client.force_login(team["operator"])
    return berkas, reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])


def _refused(client, berkas, url, data, message):
    before = AnggotaKeluarga.objects.count()
    response = client.post(url, data)
    assert response.status_code == 400, response.status_code
    assert message in response.content.decode()
    assert AnggotaKeluarga.objects.count() == before
    berkas.refresh_from_db()
    assert berkas.status == Status.DITERIMA


def test_a_plausible_family_is_saved_and_sent(client, entry):
    berkas, url = entry
    assert client.post(url, kk_post()).status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI


@pytest.mark.parametrize(
    ("born", "message"),
    [(timezone.localdate() + timedelta(days=30), "setelah hari ini"), (timezone.localdate().replace(year=1800), "130")],
    ids=["lahir-di-masa-depan", "lahir-1800"],
)
def test_a_member_born_in_the_future_or_impossibly_old_is_refused(client, entry, born, message):
    berkas, url = entry
    data = kk_post(tanggal_lahir=born.isoformat(), nik=make_nik(born, "L", 701), tanggal_perkawinan="")
    _refused(client, berkas, url, data, message)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("rt", "-5", "RT"), ("rw", "ABC", "RW"), ("rt", "1234", "RT"), ("kode_pos", "ABCDE", "5 digit")],
)
def test_rt_rw_and_kode_pos_must_be_digits(client, entry, field, value, message):
    berkas, url = entry
    _refused(client, berkas, url, {**kk_post(), field: value}, message)


def test_a_marriage_before_birth_or_in_the_future_is_refused(client, entry):
    berkas, url = entry
    data = kk_post()
    born = data["anggota-0-tanggal_lahir"]
    before_birth = (timezone.datetime.fromisoformat(born).date() - timedelta(days=1)).isoformat()
    _refused(client, berkas, url, {**data, "anggota-0-tanggal_perkawinan": before_birth}, "sebelum tanggal lahir")
    future = (timezone.localdate() + timedelta(days=5)).isoformat()
    _refused(client, berkas, url, {**data, "anggota-0-tanggal_perkawinan": future}, "setelah hari ini")


def test_a_negative_formset_count_is_refused(client, entry):
    berkas, url = entry
    _refused(client, berkas, url, {**kk_post(), "anggota-TOTAL_FORMS": "-1"}, "Jumlah baris")


def test_member_and_parent_names_are_checked(client, entry):
    berkas, url = entry
    _refused(client, berkas, url, kk_post(nama="BUDI \u202eOTNAS"), "huruf latin")
    _refused(client, berkas, url, kk_post(nama_ibu="SUMIATI 😀"), "huruf latin")
