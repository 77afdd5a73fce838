"""The register's admin search answers whole keys exactly and names in part (behaviour, not speed)."""

import re

import pytest
from django.urls import reverse

from dukcapil.choices import Role
from pendaftaran.models import Keluarga, Penduduk
from tests.factories import staff

pytestmark = pytest.mark.django_db


def _listed(client, url: str, q: str) -> list[str]:
    page = client.get(url, {"q": q}).content.decode()
    return re.findall(r'<th class="field-(?:nik|nomor_kk)"><a href="[^"]+">(\d{16})</a></th>', page)


@pytest.fixture
def admin_client(client, catalogue):
    client.force_login(staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True))
    return client


def test_penduduk_search_by_nik_finds_that_person_only(admin_client, warga):
    person = Penduduk.objects.order_by("pk")[3]
    assert _listed(admin_client, reverse("admin:pendaftaran_penduduk_changelist"), person.nik) == [person.nik]


def test_penduduk_search_by_nomor_kk_finds_the_whole_family(admin_client, warga):
    family = Keluarga.objects.order_by("pk").first()
    members = sorted(family.anggota.values_list("nik", flat=True))
    found = _listed(admin_client, reverse("admin:pendaftaran_penduduk_changelist"), family.nomor_kk)
    assert sorted(found) == members and len(members) > 1


def test_penduduk_search_by_part_of_a_name(admin_client, warga):
    person = Penduduk.objects.order_by("pk")[2]
    part = person.nama.split()[0][:4].lower()
    found = _listed(admin_client, reverse("admin:pendaftaran_penduduk_changelist"), part)
    expected = sorted(Penduduk.objects.filter(nama__icontains=part).values_list("nik", flat=True))
    assert person.nik in found and sorted(found) == expected


def test_penduduk_search_by_a_partial_number_finds_nothing(admin_client, warga):
    person = Penduduk.objects.order_by("pk").first()
    assert _listed(admin_client, reverse("admin:pendaftaran_penduduk_changelist"), person.nik[:10]) == []


def test_keluarga_search_by_a_member_nik_finds_the_family(admin_client, warga):
    person = Penduduk.objects.order_by("pk")[1]
    url = reverse("admin:pendaftaran_keluarga_changelist")
    assert _listed(admin_client, url, person.nik) == [person.keluarga.nomor_kk]
    assert _listed(admin_client, url, person.keluarga.nomor_kk) == [person.keluarga.nomor_kk]
