"""The outbox in the admin's browser: a failed WhatsApp and email are found by status and kanal,
with the last error and a masked address, and «Kirim ulang» sends them once."""

import pytest
import responses
from django.core import mail

from dukcapil.choices import Role
from dukcapil.models import PesanKeluar
from dukcapil.notifikasi.services import deliver, kabari_warga
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

WA_URL = "https://wa-gateway.test/api/kirim"


def test_admin_finds_failed_messages_and_sends_them_again(desks, transactional_db, settings):
    settings.WHATSAPP_GATEWAY_URL = WA_URL
    settings.NOTIFIKASI_MAX_ATTEMPTS = 1
    with responses.RequestsMock(assert_all_requests_are_fired=False) as gateway:
        # given a WhatsApp message the gateway refused (temporarily, too often) and a sent email
        gateway.post(WA_URL, body="gateway sibuk", status=503)
        (wa,) = kabari_warga(telepon="081277001234", subjek="Berkas KK-20261201-0001 diterima", isi="Isi.")
        deliver(wa.pk)
        (email,) = kabari_warga(email="citra@contoh.example", subjek="Berkas KK-20261201-0002 diterima", isi="Isi.")
        deliver(email.pk)
        assert PesanKeluar.objects.get(pk=wa.pk).status == "gagal"

        admin = desks(staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True), "admin")
        admin.goto("/admin/dukcapil/pesankeluar/?status__exact=gagal", "pesan gagal")
        no_traceback(admin)
        text = admin.text()
        assert "Berkas KK-20261201-0001 diterima" in text and "Berkas KK-20261201-0002" not in text
        assert "HTTP 503" in text and "+62812****1234" in text and "+6281277001234" not in text
        admin.goto("/admin/dukcapil/pesankeluar/?kanal__exact=email", "pesan email")
        assert "Berkas KK-20261201-0002 diterima" in admin.text() and "0001" not in admin.text()

        # when the gateway is back and the admin sends the failed one again
        gateway.replace("POST", WA_URL, json={"status": "ok"})
        admin.goto("/admin/dukcapil/pesankeluar/?status__exact=gagal", "pilih pesan gagal")
        page = admin.page
        page.check("#action-toggle")
        page.select_option("select[name=action]", "kirim_ulang")
        admin.submit(page.locator("button[name=index]"), "kirim ulang")
        no_traceback(admin)
        message = admin.page.locator(".messagelist").inner_text().strip()
        assert message == "1 pesan diantrekan ulang."
        assert PesanKeluar.objects.get(pk=wa.pk).status == "terkirim"
        assert len(gateway.calls) == 2
    assert len(mail.outbox) == 1
