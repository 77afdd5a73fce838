"""The waiting page and the download: the request never renders; only the requester sees the file."""

import io
from unittest.mock import patch

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.cetakan.views import cetak
from dukcapil.choices import Role
from tests.factories import staff

from .renderers import JENIS

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(catalogue):
    return staff(Role.AGENDARIS, bidang="sekretariat"), staff(Role.KASUBAG, bidang="sekretariat")


def _ask(user, n: int):
    request = RequestFactory().get("/")
    request.user = user
    return cetak(request, JENIS, {"n": n})


def test_the_request_redirects_to_a_waiting_page_and_the_task_produces_the_file(
    client, users, _renderer, django_capture_on_commit_callbacks
):
    user, _ = users
    # when: the user asks; the task is only published when the request's transaction commits
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _ask(user, 1)
    cetakan = Cetakan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cetakan/{cetakan.token}/"
    assert _renderer.calls == []  # the request rendered nothing

    # then: the page says it is being prepared and refreshes itself
    client.force_login(user)
    page = client.get(response["Location"]).content.decode()
    assert "Dokumen sedang disiapkan…" in page and '<meta http-equiv="refresh" content="2">' in page
    assert reverse("cetakan-unduh", args=[cetakan.token]) not in page
    assert client.get(reverse("cetakan-unduh", args=[cetakan.token])).status_code == 404

    # when: the worker runs the task
    for callback in callbacks:
        callback()

    # then: the same page offers the download, which is the PDF
    page = client.get(response["Location"]).content.decode()
    assert "Dokumen siap" in page and "http-equiv" not in page
    assert reverse("cetakan-unduh", args=[cetakan.token]) in page
    pdf = client.get(reverse("cetakan-unduh", args=[cetakan.token]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'inline; filename="uji-1.pdf"'
    text = PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages[0].extract_text()
    assert "Dokumen uji nomor 1" in text


def test_in_process_mode_goes_straight_to_the_file(users, _renderer):
    user, _ = users
    # the embedded mode outside a test transaction: the commit runs the task at once
    with patch.object(connection, "on_commit", lambda func, robust=False: func()):
        response = _ask(user, 2)
    cetakan = Cetakan.objects.get()
    assert cetakan.status == Cetakan.Status.SIAP
    assert response.status_code == 302 and response["Location"] == f"/cetakan/{cetakan.token}/unduh/"


def test_another_user_gets_404_for_the_page_and_the_file(client, users, django_capture_on_commit_callbacks):
    user, other = users
    with django_capture_on_commit_callbacks(execute=True):
        _ask(user, 3)
    cetakan = Cetakan.objects.get(status=Cetakan.Status.SIAP)
    client.force_login(other)
    assert client.get(reverse("cetakan", args=[cetakan.token])).status_code == 404
    assert client.get(reverse("cetakan-unduh", args=[cetakan.token])).status_code == 404
    client.logout()
    assert client.get(reverse("cetakan-unduh", args=[cetakan.token])).status_code == 302  # to the login


def test_a_refused_document_shows_the_reason(client, users, _renderer, django_capture_on_commit_callbacks):
    user, _ = users
    _renderer.behaviour["mode"] = "refuse"
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(user, 4)
    client.force_login(user)
    page = client.get(response["Location"]).content.decode()
    assert "Dokumen gagal dibuat" in page and "Anda tidak lagi berwenang melihat data ini." in page
    assert "http-equiv" not in page
