"""The notification outbox: notices and emails written with the change, each email sent once."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.base import ContentFile
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dukcapil.models import Dokumen, Notifikasi, PesanKeluar
from dukcapil.notifikasi.services import deliver, kirim_email, notify, sweep_outbox
from dukcapil.roles import Role
from tests.factories import staff

pytestmark = pytest.mark.django_db


class MailServerDown(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def people(catalogue):
    return {
        "kasi": staff(Role.KASI, email="kasi@dukcapil.example"),
        "kabid": staff(Role.KABID, email=""),
        "pergi": staff(Role.KASI, email="pergi@dukcapil.example", is_active=False),
    }


def test_notify_writes_a_notice_per_active_recipient_and_one_email(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rows = notify(
            [people["kasi"], people["kabid"], people["pergi"]],
            judul="Disposisi baru: undangan rapat",
            pesan="Mohon dihadiri.",
            url="/kotak-masuk/",
        )
    assert sorted(n.penerima.username for n in rows) == sorted([people["kasi"].username, people["kabid"].username])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kasi@dukcapil.example"]
    assert "/kotak-masuk/" in mail.outbox[0].body
    assert PesanKeluar.objects.get().status == PesanKeluar.Status.TERKIRIM


def test_nothing_is_sent_when_the_change_is_rolled_back(people, django_capture_on_commit_callbacks):
    class Batal(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Batal):
        with transaction.atomic():
            notify([people["kasi"]], judul="Tidak jadi", pesan="", url="/")
            raise Batal
    assert not Notifikasi.objects.exists()
    assert not PesanKeluar.objects.exists()
    assert mail.outbox == []


def test_an_email_is_sent_once_with_its_document_attached(people):
    dokumen = Dokumen.objects.create(
        content_type=ContentType.objects.get_for_model(people["kasi"]),
        object_id=people["kasi"].pk,
        jenis="naskah",
        nomor="470/12/2026",
        berkas_pdf=ContentFile(b"%PDF-1.7 uji", name="naskah.pdf"),
        sha256="0" * 64,
    )
    pesan = kirim_email(["tujuan@instansi.example"], subjek="Surat dinas", isi="Terlampir.", lampiran=[dokumen])
    assert deliver(pesan.pk) is True
    assert deliver(pesan.pk) is False  # a second task or the sweep finds it sent
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0] == "naskah-470/12/2026.pdf"
    assert mail.outbox[0].attachments[0][1].startswith(b"%PDF")


def test_mail_server_down_then_up_sends_each_message_once(people, settings):
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    pesan = kirim_email(["a@instansi.example"], subjek="Satu", isi="x")
    kirim_email(["b@instansi.example"], subjek="Dua", isi="y")
    assert deliver(pesan.pk) is False
    pesan.refresh_from_db()
    assert (pesan.status, pesan.percobaan) == (PesanKeluar.Status.ANTRE, 1)
    assert "refused" in pesan.galat_terakhir

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = timezone.now() + settings.NOTIFIKASI_RETRY_AFTER + timedelta(seconds=1)
    assert sweep_outbox(now=later) == 2
    assert sweep_outbox(now=later) == 0
    assert sorted(m.subject for m in mail.outbox) == ["Dua", "Satu"]


def test_a_message_is_given_up_after_the_configured_attempts(people, settings):
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    settings.NOTIFIKASI_MAX_ATTEMPTS = 2
    pesan = kirim_email(["a@instansi.example"], subjek="Satu", isi="x")
    deliver(pesan.pk)
    deliver(pesan.pk)
    pesan.refresh_from_db()
    assert pesan.status == PesanKeluar.Status.GAGAL
    assert deliver(pesan.pk) is False
    assert pesan.percobaan == 2


def test_badge_counts_unread_and_opening_marks_read(client, people):
    kasi = people["kasi"]
    notify([kasi], judul="Konsep dikembalikan", pesan="Perbaiki paragraf 2.", url="/kotak-masuk/", email=False)
    notify([kasi], judul="Menunggu TTE", pesan="", url="https://jahat.example/", email=False)
    client.force_login(kasi)
    page = client.get(reverse("kotak-masuk")).content.decode()
    assert 'aria-label="2 belum dibaca"' in page

    pertama, kedua = Notifikasi.objects.filter(penerima=kasi).order_by("id")
    response = client.post(reverse("notifikasi-buka", args=[pertama.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/kotak-masuk/"
    response = client.post(reverse("notifikasi-buka", args=[kedua.pk]))
    assert response["Location"] == reverse("notifikasi")  # an outside link is never followed
    assert 'belum dibaca"' not in client.get(reverse("kotak-masuk")).content.decode()


def test_another_users_notice_is_not_found(client, people):
    (notice,) = notify([people["kabid"]], judul="Milik kabid", pesan="", url="/", email=False)
    client.force_login(people["kasi"])
    assert client.post(reverse("notifikasi-buka", args=[notice.pk])).status_code == 404
    assert "Milik kabid" not in client.get(reverse("notifikasi")).content.decode()
    notice.refresh_from_db()
    assert notice.dibaca_pada is None


def test_notification_list_query_count_is_flat(client, people, django_assert_num_queries):
    kasi = people["kasi"]
    for i in range(30):
        notify([kasi], judul=f"Pemberitahuan {i}", pesan="", url="/", email=False)
    client.force_login(kasi)
    client.get(reverse("notifikasi"))
    with django_assert_num_queries(7):
        response = client.get(reverse("notifikasi"))
    assert response.content.decode().count('class="baru"') == 30
