"""The Sekretariat's PDFs are produced by a task (sekretariat/cetakan.py): the request only asks; the
renderer reads as the requester again, so a right lost meanwhile refuses the document."""

import io
from unittest.mock import patch

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.cetakan.registry import registered
from sekretariat.documents import surat_masuk as docs

from .conftest import catat, to_kadis
from .naskah_helpers import konsep, sek_team

pytestmark = pytest.mark.django_db


def test_every_sekretariat_pdf_is_registered():
    assert {
        "lembar-disposisi",
        "buku-agenda-surat-masuk",
        "disposisi-belum-selesai",
        "naskah-konsep",
        "naskah-arsip",
        "buku-agenda-surat-keluar",
        "buku-ekspedisi",
    } <= set(registered())


def test_lembar_disposisi_is_not_rendered_in_the_request(client, kantor, django_capture_on_commit_callbacks):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    client.force_login(kantor["agendaris"])
    real = docs.render_lembar_disposisi
    with patch.object(docs, "render_lembar_disposisi", side_effect=real) as render:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = client.get(reverse("sekretariat:lembar-disposisi", args=[surat.pk]))
        cetakan = Cetakan.objects.get()
        assert response.status_code == 302 and response["Location"] == cetakan.get_absolute_url()
        assert render.call_count == 0 and cetakan.status == Cetakan.Status.ANTRE
        assert "Dokumen sedang disiapkan" in client.get(response["Location"]).content.decode()

        for callback in callbacks:  # the worker
            callback()
    assert render.call_count == 1
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.SIAP
    text = PdfReader(io.BytesIO(cetakan.file.read())).pages[0].extract_text()
    assert "LEMBAR DISPOSISI" in text and surat.nomor in text


def test_a_letter_the_user_may_not_see_is_404_at_once(client, kantor):
    surat = catat(kantor["agendaris"])
    client.force_login(kantor["staf"])  # outside the letter's chain
    assert client.get(reverse("sekretariat:lembar-disposisi", args=[surat.pk])).status_code == 404
    assert not Cetakan.objects.exists()


def test_agenda_book_asked_then_role_lost_ends_gagal_with_the_reason(
    client, kantor, django_capture_on_commit_callbacks
):
    # given: the Kasubag asks for the buku agenda PDF; the task has not run yet
    kasubag = kantor["kasubag"]
    client.force_login(kasubag)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(reverse("sekretariat:buku-agenda-masuk"), {"format": "pdf"})
    # when: the Kasubag is moved out of the role before the worker runs it
    kasubag.groups.clear()
    for callback in callbacks:
        callback()
    # then: nothing was produced and the page says why
    cetakan = Cetakan.objects.get()
    assert cetakan.status == Cetakan.Status.GAGAL and not cetakan.file
    page = client.get(response["Location"]).content.decode()
    assert "Dokumen gagal dibuat" in page
    assert "Buku agenda surat masuk hanya untuk Sekretariat dan pimpinan." in page


def test_naskah_konsep_preview_pdf_through_the_task(client, team, cetak_pdf):
    sek = sek_team(team)
    naskah = konsep(sek, hal="Permohonan data agregat kependudukan")
    client.force_login(naskah.pembuat)
    response = cetak_pdf(client, reverse("sekretariat:naskah-pdf", args=[naskah.pk, "konsep"]))
    assert response["Content-Disposition"] == f'inline; filename="konsep-{naskah.pk}.pdf"'
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.pdf)).pages)
    assert "Permohonan data agregat kependudukan" in text
