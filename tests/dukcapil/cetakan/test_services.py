"""The core of documents produced on request: asked in the caller's transaction, produced once by the
task, refused when the renderer refuses, swept when lost, deleted when old."""

import io
import logging
import os
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from dukcapil.cetakan.models import Cetakan
from dukcapil.cetakan.services import (
    GALAT_UMUM,
    cetakan_bersihkan,
    cetakan_buat,
    cetakan_minta,
    cetakan_sweep,
)
from dukcapil.choices import Role
from tests.factories import staff

from .renderers import JENIS

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(catalogue):
    return staff(Role.AGENDARIS, bidang="sekretariat")


def test_asking_writes_a_waiting_row_and_publishes_the_task_only_on_commit(
    user, _renderer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cetakan = cetakan_minta(user=user, jenis=JENIS, params={"n": 1})
    assert cetakan.status == Cetakan.Status.ANTRE and not cetakan.file
    assert _renderer.calls == []  # nothing rendered while the caller's transaction is open
    assert len(callbacks) == 1

    callbacks[0]()  # the commit publishes; the test settings run the task in-process
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.SIAP and cetakan.selesai is not None
    assert cetakan.nama_file == "uji-1.pdf"
    text = PdfReader(io.BytesIO(cetakan.file.read())).pages[0].extract_text()
    assert "Dokumen uji nomor 1" in text
    assert _renderer.calls == [({"n": 1}, user.pk)]


def test_the_task_is_idempotent(user, _renderer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        cetakan = cetakan_minta(user=user, jenis=JENIS, params={"n": 2})
    assert cetakan_buat(cetakan_id=cetakan.pk) is True
    assert cetakan_buat(cetakan_id=cetakan.pk) is False  # a second delivery of the task
    assert len(_renderer.calls) == 1


def test_an_identical_request_while_waiting_reuses_it_and_others_are_new(
    user, _renderer, django_capture_on_commit_callbacks
):
    # a double click: the second request finds the first still waiting
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = cetakan_minta(user=user, jenis=JENIS, params={"n": 3})
        again = cetakan_minta(user=user, jenis=JENIS, params={"n": 3})
    assert again.pk == first.pk and len(callbacks) == 1
    # another user, other parameters: their own documents
    other_user = staff(Role.KASUBAG, bidang="sekretariat")
    with django_capture_on_commit_callbacks(execute=True):
        theirs = cetakan_minta(user=other_user, jenis=JENIS, params={"n": 3})
        other = cetakan_minta(user=user, jenis=JENIS, params={"n": 4})
    assert len({first.pk, theirs.pk, other.pk}) == 3
    assert len(_renderer.calls) == 3


def test_a_finished_document_is_rendered_again_when_asked_again(user, _renderer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = cetakan_minta(user=user, jenis=JENIS, params={"n": 5})
    first.refresh_from_db()
    assert first.status == Cetakan.Status.SIAP
    with django_capture_on_commit_callbacks(execute=True):
        again = cetakan_minta(user=user, jenis=JENIS, params={"n": 5})
    assert again.pk != first.pk and len(_renderer.calls) == 2


def test_an_old_waiting_request_is_not_reused(user, _renderer, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=False):
        first = cetakan_minta(user=user, jenis=JENIS, params={"n": 13})
    Cetakan.objects.filter(pk=first.pk).update(dibuat=timezone.now() - settings.CETAKAN_REUSE_AFTER * 2)
    with django_capture_on_commit_callbacks(execute=False):
        again = cetakan_minta(user=user, jenis=JENIS, params={"n": 13})
    assert again.pk != first.pk


def test_a_renderer_that_refuses_ends_gagal_with_its_message(user, _renderer, django_capture_on_commit_callbacks):
    _renderer.behaviour["mode"] = "refuse"
    with django_capture_on_commit_callbacks(execute=True):
        cetakan = cetakan_minta(user=user, jenis=JENIS, params={"n": 6})
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.GAGAL and not cetakan.file
    assert cetakan.galat == "Anda tidak lagi berwenang melihat data ini."


def test_a_deactivated_requester_gets_nothing(user, _renderer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        cetakan = cetakan_minta(user=user, jenis=JENIS, params={"n": 7})
    user.is_active = False
    user.save(update_fields=["is_active"])
    cetakan_buat(cetakan_id=cetakan.pk)
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.GAGAL and "tidak aktif" in cetakan.galat
    assert _renderer.calls == []


def test_a_broken_renderer_ends_gagal_and_logs_no_personal_data(
    user, _renderer, django_capture_on_commit_callbacks, caplog
):
    _renderer.behaviour["mode"] = "break"
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        cetakan = cetakan_minta(user=user, jenis=JENIS, params={"n": 8})
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.GAGAL and cetakan.galat == GALAT_UMUM
    assert f"cetakan {cetakan.pk}" in caplog.text and "ValueError" in caplog.text
    assert "3201010101010001" not in caplog.text


def test_the_sweep_publishes_a_lost_request_again(user, _renderer, django_capture_on_commit_callbacks, settings):
    # given: two requests whose tasks never reached a worker (broker down), one of them long ago
    with django_capture_on_commit_callbacks(execute=False):
        lost = cetakan_minta(user=user, jenis=JENIS, params={"n": 9})
        recent = cetakan_minta(user=user, jenis=JENIS, params={"n": 10})
    Cetakan.objects.filter(pk=lost.pk).update(dibuat=timezone.now() - settings.CETAKAN_SWEEP_AFTER * 2)

    # when: beat runs the sweep
    assert cetakan_sweep() == [lost.pk]

    # then: the lost one is produced, the recent one still waits for its own task
    lost.refresh_from_db()
    recent.refresh_from_db()
    assert lost.status == Cetakan.Status.SIAP and lost.file
    assert recent.status == Cetakan.Status.ANTRE


def test_old_documents_are_deleted_with_their_files(user, _renderer, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        old = cetakan_minta(user=user, jenis=JENIS, params={"n": 11})
        new = cetakan_minta(user=user, jenis=JENIS, params={"n": 12})
    old.refresh_from_db()
    path = old.file.path
    Cetakan.objects.filter(pk=old.pk).update(dibuat=timezone.now() - settings.CETAKAN_KEEP - timedelta(hours=1))

    assert cetakan_bersihkan() == 1

    assert not Cetakan.objects.filter(pk=old.pk).exists()
    assert not os.path.exists(path)
    new.refresh_from_db()
    assert new.file.storage.exists(new.file.name)


def test_an_unknown_jenis_fails_in_the_request(user):
    with pytest.raises(LookupError):
        cetakan_minta(user=user, jenis="tidak-ada", params={})
