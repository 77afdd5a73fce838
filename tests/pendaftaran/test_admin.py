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


def test_a_filtered_list_is_counted_up_to_the_cap_and_pages_still_work(admin_client, warga, monkeypatch):
    from dukcapil.admin import LargeTablePaginator

    monkeypatch.setattr(LargeTablePaginator, "cap", 2)
    total = Penduduk.objects.filter(status="aktif").count()
    assert total > 2
    page = admin_client.get(reverse("admin:pendaftaran_penduduk_changelist"), {"status__exact": "aktif"})
    assert page.context["cl"].result_count == 2  # counted no further than the cap
    assert "sedikitnya 2 penduduk" in " ".join(page.content.decode().split())  # and said so
    assert len(page.context["cl"].result_list) == total  # every row still listed (one page of 100)


def test_the_whole_table_is_counted_from_postgresql_statistics_when_it_is_large(admin_client, warga, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dukcapil.admin import LargeTablePaginator

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE pendaftaran_penduduk")
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = 'pendaftaran_penduduk'::regclass")
        estimate = cursor.fetchone()[0]
    assert estimate == Penduduk.objects.count()  # ANALYZE of a small table counts every row
    monkeypatch.setattr(LargeTablePaginator, "cap", estimate - 1)
    with CaptureQueriesContext(connection) as ctx:
        page = admin_client.get(reverse("admin:pendaftaran_penduduk_changelist"))
    assert page.context["cl"].result_count == estimate
    assert f"sekitar {estimate} penduduk" in " ".join(page.content.decode().split())  # shown as an estimate
    counts = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"] and "pendaftaran_penduduk" in q["sql"]]
    assert counts == []  # the table itself was not counted
