"""Who sees a rahasia letter: only its chain, for every role; the agenda book masks it for others."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from sekretariat.models import SifatSurat
from sekretariat.selectors.surat_masuk import Periode, buku_agenda, disposisi_terbuka, surat_visible_to
from sekretariat.services import surat_masuk as svc

from .conftest import catat, disposisi_data, to_kadis

pytestmark = pytest.mark.django_db

PERIHAL = "Data pegawai yang diperiksa inspektorat"


@pytest.fixture
def rahasia(kantor):
    """A rahasia letter the Kadis sent to the Kabid, who passed it to the Kasi."""
    surat = to_kadis(catat(kantor["agendaris"], sifat=SifatSurat.RAHASIA, perihal=PERIHAL), kantor)
    (d,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kantor["kabid"]])
    )
    svc.disposisi_teruskan(
        user=kantor["kabid"], pk=d.pk, expected_status="terbuka", data=disposisi_data([kantor["kasi"]])
    )
    return surat


CHAIN = ["agendaris", "kasubag", "sekretaris", "kadis", "kabid", "kasi"]
OUTSIDE = ["staf_sek", "staf", "operator", "loket", "admin"]


@pytest.mark.parametrize("who", CHAIN)
def test_chain_opens_the_rahasia_letter(client, kantor, rahasia, who, cetak_pdf):
    client.force_login(kantor[who])
    response = client.get(reverse("sekretariat:surat-masuk-detail", args=[rahasia.pk]))
    assert response.status_code == 200
    assert PERIHAL in response.content.decode()
    lembar = cetak_pdf(client, reverse("sekretariat:lembar-disposisi", args=[rahasia.pk]))
    assert PERIHAL in "".join(p.extract_text() for p in PdfReader(io.BytesIO(lembar.pdf)).pages)
    assert rahasia in surat_visible_to(kantor[who])


@pytest.mark.parametrize("who", OUTSIDE)
def test_outside_the_chain_gets_404_everywhere(client, kantor, rahasia, who):
    client.force_login(kantor[who])
    for name in ("surat-masuk-detail", "lembar-disposisi", "surat-masuk-pindaian"):
        assert client.get(reverse(f"sekretariat:{name}", args=[rahasia.pk])).status_code == 404
    disposisi_pk = rahasia.disposisi.first().pk
    assert client.get(reverse("sekretariat:disposisi-detail", args=[disposisi_pk])).status_code == 404
    listing = client.get(reverse("sekretariat:surat-masuk")).content.decode()
    assert PERIHAL not in listing
    assert rahasia not in surat_visible_to(kantor[who])


def test_superuser_outside_the_chain_gets_404(client, kantor, rahasia):
    from dukcapil.models import User

    root = User.objects.create_superuser("root", password="x")
    client.force_login(root)
    assert client.get(reverse("sekretariat:surat-masuk-detail", args=[rahasia.pk])).status_code == 404


def test_agenda_book_masks_rahasia_outside_the_chain(kantor, rahasia):
    biasa = catat(kantor["agendaris"], perihal="Undangan sosialisasi")
    # the admin reads the agenda book but is outside the chain
    rows = {r.surat.pk: r for r in buku_agenda(kantor["admin"], Periode())}
    assert rows[rahasia.pk].perihal == "RAHASIA" and rows[rahasia.pk].asal == "RAHASIA"
    assert rows[biasa.pk].perihal == "Undangan sosialisasi"
    # a search on the subject does not reveal it
    assert [r.surat.pk for r in buku_agenda(kantor["admin"], Periode(q="inspektorat"))] == []
    # the chain reads it
    mine = {r.surat.pk: r for r in buku_agenda(kantor["kadis"], Periode(q="inspektorat"))}
    assert mine[rahasia.pk].perihal == PERIHAL


def test_agenda_book_forbidden_to_staff_outside_the_sekretariat(client, kantor):
    for who in ("staf", "loket", "kabid"):
        client.force_login(kantor[who])
        assert client.get(reverse("sekretariat:buku-agenda-masuk")).status_code == 403


def test_open_disposisi_register_masks_rahasia(kantor, rahasia):
    admin_rows = disposisi_terbuka(kantor["admin"], Periode())
    assert admin_rows and all(r.perihal == "RAHASIA" for r in admin_rows)
    kasi_rows = disposisi_terbuka(kantor["kasi"], Periode())
    assert [r.perihal for r in kasi_rows] == [PERIHAL]
    # someone neither giving nor receiving, and not a reader of the agenda, sees none
    assert disposisi_terbuka(kantor["staf"], Periode()) == []


def test_kartu_kendali_shows_the_agenda_steps_sop_minutes_from_the_first_row(kantor):
    from sekretariat.selectors.surat_masuk import surat_timeline

    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    rows = surat_timeline(surat)
    # Lumajang "Pengagendaan Surat Masuk": every step 10 minutes, the recording too
    assert [(r.entry.transisi, r.standard_minutes) for r in rows] == [
        ("catat", 10),
        ("periksa_kasubag", 10),
        ("paraf_sekretaris", 10),
    ]
