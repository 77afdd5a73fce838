"""sekretariat.views.disiplin: the case page offers only the next step; a skipped step is a 409; a case
is closed from its page (not by other roles) and the list filters open and closed cases."""

import pytest
from django.urls import reverse

from dukcapil.choices import Role
from sekretariat import disiplin_data, kepegawaian_data, naskah_data
from sekretariat.models import KasusDisiplin, LangkahDisiplin

from ..factories import staff
from .kepegawaian_helpers import pegawai

pytestmark = pytest.mark.django_db


@pytest.fixture
def orang(catalogue):
    naskah_data.load()
    disiplin_data.load()
    kepegawaian_data.load()
    return {
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", nip="198001012005011001"),
        "staf": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Lalai", nip="199101012019031001"),
        # the case is kept on data pegawai
        "pegawai": pegawai("Dodi Lalai", nip="199101012019031001"),
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
    lain = pegawai("Eko", nip="199202022019031002")
    client.post(reverse("sekretariat:disiplin"), {"pegawai": lain.pk})
    kedua = KasusDisiplin.objects.get(pegawai=lain)
    url = reverse("sekretariat:disiplin-langkah", args=[kedua.pk])
    client.post(url, {"tingkat": "lisan", "tanggal": "2026-11-02", "pelanggaran": "Terlambat"})
    client.post(url, {"tingkat": "sp1", "tanggal": "2026-11-09", "pelanggaran": "Terlambat lagi"})
    with django_assert_num_queries(8):
        page = client.get(reverse("sekretariat:disiplin")).content.decode()
    assert "Teguran lisan → Surat Peringatan I" in page


def test_only_the_kepegawaian_sees_disiplin(client, orang):
    client.force_login(orang["staf"])
    assert client.get(reverse("sekretariat:disiplin")).status_code == 403
    kasus = KasusDisiplin.objects.create(pegawai=orang["pegawai"], dibuka_oleh=orang["kasubag"])
    tutup = {"cara": "membaik", "alasan": "Sudah rajin"}
    assert client.post(reverse("sekretariat:disiplin-tutup", args=[kasus.pk]), tutup).status_code == 403
    assert not KasusDisiplin.objects.get().selesai


def test_closing_a_case_from_its_page_and_the_open_closed_filter(client, orang):
    client.force_login(orang["kasubag"])
    kasus = KasusDisiplin.objects.create(pegawai=orang["pegawai"], dibuka_oleh=orang["kasubag"])
    KasusDisiplin.objects.create(pegawai=pegawai("Eko Terbuka", seq=2), dibuka_oleh=orang["kasubag"])
    url = reverse("sekretariat:disiplin-tutup", args=[kasus.pk])

    missing = client.post(url, {"cara": "diserahkan", "alasan": "Alpa 20 hari"})
    assert missing.status_code == 400 and "Nomor surat penyerahan" in missing.content.decode()
    done = client.post(url, {"cara": "diserahkan", "alasan": "Alpa 20 hari", "rujukan": "800/77/2026"})
    assert done["Location"] == reverse("sekretariat:disiplin-detail", args=[kasus.pk])

    page = client.get(done["Location"]).content.decode()
    assert "Kasus selesai" in page and "800/77/2026" in page and "Hukuman disiplin diserahkan" in page
    assert 'id="kasus-tutup"' not in page and "Langkah berikutnya" not in page
    langkah = reverse("sekretariat:disiplin-langkah", args=[kasus.pk])
    again = client.post(langkah, {"tingkat": "lisan", "tanggal": "2026-11-02", "pelanggaran": "Alpa"})
    assert again.status_code == 409 and "sudah selesai" in again.content.decode()
    assert not LangkahDisiplin.objects.exists()
    assert client.post(url, {"cara": "membaik", "alasan": "lagi"}).status_code == 409

    daftar = reverse("sekretariat:disiplin")
    shown = client.get(daftar, {"status": "selesai"}).content.decode().split('id="kasus-disiplin"')[1]
    assert "Dodi Lalai" in shown and "Eko Terbuka" not in shown
    shown = client.get(daftar, {"status": "terbuka"}).content.decode().split('id="kasus-disiplin"')[1]
    assert "Eko Terbuka" in shown and "Dodi Lalai" not in shown
