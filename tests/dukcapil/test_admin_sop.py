"""The SOP list in admin counts each SOP's steps once, whatever the search joins."""

import re

import pytest
from django.urls import reverse

from dukcapil.choices import Role
from dukcapil.models import SOP, Bidang, Kantor, LangkahSOP
from tests.factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def sop(catalogue):
    sop = SOP.objects.create(
        kantor=Kantor.objects.get(slug="bintan"),
        slug="uji-hitung-langkah",
        nama="SOP Uji Hitung Langkah",
        bidang=Bidang.objects.get(kode="pendaftaran"),
    )
    for urutan, uraian in enumerate(["Zebracek berkas", "Zebracek ulang data", "Zebracek akhir", "Serahkan"], 1):
        LangkahSOP.objects.create(sop=sop, urutan=urutan, uraian=uraian)
    return sop


def shown_count(page: str, sop: SOP) -> int:
    row = next(r for r in page.split("<tr") if sop.nama in r)
    return int(re.search(r'<td class="field-jumlah_langkah">(\d+)</td>', row).group(1))


@pytest.mark.parametrize("q", ["", "Uji Hitung", "zebracek", "zebracek akhir"])
def test_search_does_not_multiply_the_step_count(client, sop, q):
    client.force_login(staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:dukcapil_sop_changelist"), {"q": q})
    assert response.status_code == 200
    assert shown_count(response.content.decode(), sop) == 4


def test_ordering_by_step_count_with_a_search(client, sop):
    client.force_login(staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True))
    url = reverse("admin:dukcapil_sop_changelist")
    response = client.get(url, {"q": "zebracek", "o": "6"})  # the sixth column: langkah
    assert response.status_code == 200
    assert shown_count(response.content.decode(), sop) == 4
