"""The public status answer is cached per berkas until its next transition (issue: status endpoint speed)."""

import pytest
import redis
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from dukcapil.choices import Status
from tests.factories import act, berkas_in

pytestmark = pytest.mark.django_db


def lookup(berkas, nik=None):
    payload = {"nomor_registrasi": berkas.nomor_registrasi, "nik": nik or berkas.pemohon_nik}
    return APIClient().post(reverse("api-status"), payload, format="json", REMOTE_ADDR="10.1.2.3")


def test_a_repeated_lookup_is_answered_without_the_database(team, django_assert_num_queries):
    berkas = berkas_in(Status.VERIFIKASI, team)
    first = lookup(berkas)
    assert first.status_code == 200 and first.json()["status"] == "verifikasi"
    with django_assert_num_queries(0):
        again = lookup(berkas)
    assert again.status_code == 200 and again.json() == first.json()


def test_a_transition_drops_the_cached_answer_after_commit(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    assert lookup(berkas).json()["status_label"] == "Menunggu verifikasi Kasi"
    act(berkas, "verifikasi", team["kasi"])
    body = lookup(berkas).json()
    assert body["status"] == "validasi"
    assert body["riwayat"][-1]["status"] == "Menunggu validasi Kabid"


def test_a_wrong_nik_never_meets_the_cached_answer(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    assert lookup(berkas).status_code == 200
    wrong = lookup(berkas, nik="2102011708850099")
    assert wrong.status_code == 404
    assert wrong.json() == {"detail": "Berkas tidak ditemukan. Periksa kembali nomor registrasi dan NIK."}


def test_redis_holds_neither_the_nik_nor_the_nomor(team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    assert lookup(berkas).status_code == 200
    client = redis.Redis.from_url(settings.REDIS_URL)
    keys = [k.decode() for k in client.keys("*")]
    assert any(k.startswith("status:") for k in keys)
    for key in keys:
        assert berkas.pemohon_nik not in key and berkas.nomor_registrasi not in key
        value = client.get(key) if client.type(key) == b"string" else b""
        assert berkas.pemohon_nik.encode() not in (value or b"")


def test_the_fast_path_keeps_the_throttle(team, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"status_publik": "2/min"}}
    berkas = berkas_in(Status.VERIFIKASI, team)
    codes = [lookup(berkas).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
