"""sekretariat.views.disiplin: the case page offers only the next step; a skipped step is a 409."""

import pytest
from django.urls import reverse

from dukcapil.choices import Role
from sekretariat import disiplin_data, naskah_data
from sekretariat.models import KasusDisiplin, LangkahDisiplin

from ..factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def orang(catalogue):
    naskah_data.load()
    disiplin_data.load()
    return {
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", nip="198001012005011001"),
        "pegawai": staff(
            Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Lalai", nip="199101012019031001"
        ),
    }


def test_the_case_page_offers_the_next_step_only(client, orang, django_assert_num_queries):
    client.force_login(orang["kasubag"])
    response = client.post(reverse("sekretariat:disiplin"), {"pegawai": orang["pegawai"].pk})
    kasus = KasusDisiplin.objects.get()
    assert response["Location"] == reverse("sekretariat:disiplin-detail", args=[kasus.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Langkah berikutnya: Teguran lisan" in page and "Surat Peringatan I" not in page

    url = reverse("sekretariat:disiplin-langkah", args=[kasus.pk])
    skipped = client.post(url, {"tingkat": "sp1", "tanggal": "2026-11-02", "pelanggaran": "Alpa"})
    assert skipped.status_code == 409 and "Langkah berikutnya: Teguran lisan" in skipped.content.decode()
    assert not LangkahDisiplin.objects.exists()

    client.post(url, {"tingkat": "lisan", "tanggal": "2026-11-02", "pelanggaran": "Alpa 3 hari"})
    page = client.get(reverse("sekretariat:disiplin-detail", args=[kasus.pk])).content.decode()
    assert "Langkah berikutnya: Surat Peringatan I<" in page and "Alpa 3 hari" in page

    client.get(reverse("sekretariat:disiplin"))
    with django_assert_num_queries(8):  # session, user, groups, bidang, pegawai choices, kasus, langkah, badge
        client.get(reverse("sekretariat:disiplin"))
    lain = staff(Role.STAF, bidang="pendaftaran", first_name="Eko", nip="199202022019031002")
    client.post(reverse("sekretariat:disiplin"), {"pegawai": lain.pk})
    kedua = KasusDisiplin.objects.get(pegawai=lain)
    url = reverse("sekretariat:disiplin-langkah", args=[kedua.pk])
    client.post(url, {"tingkat": "lisan", "tanggal": "2026-11-02", "pelanggaran": "Terlambat"})
    client.post(url, {"tingkat": "sp1", "tanggal": "2026-11-09", "pelanggaran": "Terlambat lagi"})
    with django_assert_num_queries(8):
        page = client.get(reverse("sekretariat:disiplin")).content.decode()
    assert "Teguran lisan → Surat Peringatan I" in page


def test_only_the_kepegawaian_sees_disiplin(client, orang):
    client.force_login(orang["pegawai"])
    assert client.get(reverse("sekretariat:disiplin")).status_code == 403
