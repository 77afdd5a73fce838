"""The outbox in admin: failures visible by status and kanal, «Kirim ulang» queues failed messages again."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from dukcapil.choices import Role
from dukcapil.models import PesanKeluar
from dukcapil.notifikasi.services import deliver, kabari_warga, pesan_kirim_ulang
from tests.factories import committed, staff

from .conftest import WA_URL

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:dukcapil_pesankeluar_changelist"


@pytest.fixture
def admin_client(client):
    client.force_login(staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def outbox(whatsapp_on, http, settings):
    """A WhatsApp message given up (number refused), an email given up (server down too long), one sent."""
    settings.NOTIFIKASI_MAX_ATTEMPTS = 1
    settings.EMAIL_BACKEND = "tests.dukcapil.notifikasi.test_kanal.Refusing"
    from .test_kanal import Refusing

    Refusing.error = ConnectionRefusedError(111, "Connection refused")
    http.post(WA_URL, json={"error": "nomor tidak terdaftar"}, status=400)
    (wa,) = kabari_warga(telepon="081277001234", subjek="Berkas A diterima", isi="a")
    (email,) = kabari_warga(email="citra@contoh.example", subjek="Berkas B diterima", isi="b")
    deliver(wa.pk)
    deliver(email.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    (sent,) = kabari_warga(email="dewi@contoh.example", subjek="Berkas C diterima", isi="c")
    deliver(sent.pk)
    for row in (wa, email, sent):
        row.refresh_from_db()
    assert [r.status for r in (wa, email, sent)] == ["gagal", "gagal", "terkirim"]
    return {"wa": wa, "email": email, "sent": sent}


def test_failures_are_listed_with_their_error_and_masked_address(admin_client, outbox):
    page = admin_client.get(reverse(CHANGELIST), {"status__exact": "gagal"}).content.decode()
    assert "Berkas A diterima" in page and "Berkas B diterima" in page
    assert "Berkas C diterima" not in page
    assert "HTTP 400" in page and "ConnectionRefusedError" in page
    assert "+62812****1234" in page and "ci***@contoh.example" in page
    assert "+6281277001234" not in page and "citra@contoh.example" not in page

    by_kanal = admin_client.get(reverse(CHANGELIST), {"kanal__exact": "whatsapp"}).content.decode()
    assert "Berkas A diterima" in by_kanal and "Berkas B diterima" not in by_kanal


def test_kirim_ulang_queues_failed_messages_and_each_is_sent_once(admin_client, outbox, http):
    http.replace("POST", WA_URL, json={"status": "ok"})
    chosen = [outbox["wa"].pk, outbox["email"].pk, outbox["sent"].pk]
    with committed():
        response = admin_client.post(
            reverse(CHANGELIST), {"action": "kirim_ulang", "_selected_action": chosen}, follow=True
        )
    assert response.status_code == 200
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert notes == [
        "2 pesan diantrekan ulang. 1 pesan lain dilewati (hanya pesan berstatus «gagal» yang dikirim ulang)."
    ]
    statuses = dict(PesanKeluar.objects.values_list("pk", "status"))
    assert statuses == {outbox["wa"].pk: "terkirim", outbox["email"].pk: "terkirim", outbox["sent"].pk: "terkirim"}
    # dewi's went once, before the retry; citra's now
    assert sorted(m.to[0] for m in mail.outbox) == ["citra@contoh.example", "dewi@contoh.example"]
    assert len(http.calls) == 2  # the refused try, then the one resent


def test_kirim_ulang_service_leaves_queued_and_sent_messages_alone(outbox):
    (antre,) = kabari_warga(email="eko@contoh.example", subjek="Menunggu", isi="x")
    assert pesan_kirim_ulang(pesan_ids=[antre.pk, outbox["sent"].pk], user=None) == 0
    antre.refresh_from_db()
    assert (antre.status, antre.percobaan) == ("antre", 0)


def test_the_outbox_cannot_be_edited_in_admin(admin_client, outbox):
    assert admin_client.get(reverse("admin:dukcapil_pesankeluar_add")).status_code == 403
    change = admin_client.get(reverse("admin:dukcapil_pesankeluar_change", args=[outbox["wa"].pk]))
    assert change.status_code == 200
    assert "+62812****1234" in change.content.decode() and "+6281277001234" not in change.content.decode()


def test_outbox_list_query_count_is_flat(admin_client, django_assert_num_queries):
    for i in range(30):
        kabari_warga(email=f"warga{i}@contoh.example", subjek=f"Berkas {i} diterima", isi="x")
    admin_client.get(reverse(CHANGELIST))
    with django_assert_num_queries(6):  # the same for 30 rows as for 1: nothing per row
        page = admin_client.get(reverse(CHANGELIST), {"status__exact": "antre"})
    assert page.content.decode().count("wa***@contoh.example") == 30
