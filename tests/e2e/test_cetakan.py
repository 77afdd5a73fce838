"""A PDF asked for on a screen: the lembar disposisi link → the waiting page that refreshes itself →
the download, with the worker (here: the test thread) producing it in between."""

import io
from unittest.mock import MagicMock, patch

import pytest
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.cetakan.services import cetakan_buat
from dukcapil.choices import Role
from tests.factories import staff
from tests.sekretariat.conftest import catat

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_lembar_disposisi_waits_then_downloads(desks, e2e_team):
    agendaris = staff(Role.AGENDARIS, bidang="sekretariat", first_name="Wulan")
    surat = catat(agendaris, perihal="Undangan rapat data penduduk usia sekolah")
    desk = desks(agendaris)
    desk.goto(surat.get_absolute_url(), "surat masuk")

    # the broker takes the task but no worker runs it yet
    with patch("dukcapil.tasks.buat_cetakan", MagicMock()) as task:
        with desk.page.expect_popup() as popup:
            desk.page.get_by_role("link", name="Cetak lembar disposisi (PDF)").click()
        desk.page = popup.value
        desk.page.wait_for_load_state()
    cetakan = Cetakan.objects.get()
    task.delay_on_commit.assert_called_once_with(cetakan.pk)
    assert desk.page.url.endswith(f"/cetakan/{cetakan.token}/")
    assert "Dokumen sedang disiapkan…" in desk.text()
    desk.shot("dokumen sedang disiapkan")

    # the worker produces it; the page refreshes itself and offers the download
    assert cetakan_buat(cetakan_id=cetakan.pk) is True
    desk.page.get_by_role("heading", name="Dokumen siap", exact=True).wait_for(timeout=10_000)
    desk.shot("dokumen siap")
    link = desk.page.get_by_role("link", name=f"Unduh lembar-disposisi-{surat.nomor_agenda:04d}-{surat.tahun}.pdf")
    pdf = desk.page.request.get(link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.body())).pages[0].extract_text()
    assert "LEMBAR DISPOSISI" in text and surat.nomor in text
    no_traceback(desk)
