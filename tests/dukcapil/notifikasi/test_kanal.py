"""Each channel adapter against a mocked gateway: 2xx sent, 5xx/429/timeout retried, 4xx given up."""

import json
import smtplib

import pytest
import requests
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from dukcapil.models import PesanKeluar
from dukcapil.notifikasi.kanal import (
    GagalPermanen,
    GagalSementara,
    kanal_for,
    mask_alamat,
    normalise_telepon,
    registered,
)

from .conftest import SMS_URL, WA_URL


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("081277001234", "+6281277001234"),
        ("0812-7700-1234", "+6281277001234"),
        ("+62 812 7700 1234", "+6281277001234"),
        ("6281277001234", "+6281277001234"),
        ("(0771) 21234", None),  # a landline in Tanjungpinang: neither WhatsApp nor SMS
        ("0812", None),
        ("bukan nomor", None),
        ("", None),
    ],
)
def test_phone_numbers_are_read_as_indonesian_mobiles(raw, expected):
    assert normalise_telepon(raw) == expected


def test_every_outbox_channel_has_a_class():
    assert set(registered()) == set(PesanKeluar.Kanal.values)


def test_addresses_are_masked_for_lists():
    assert mask_alamat("+6281277001234") == "+62812****1234"
    assert mask_alamat("budi.santoso@example.id") == "bu***@example.id"


def test_gateways_are_off_until_configured(settings):
    settings.WHATSAPP_GATEWAY_URL = ""
    settings.SMS_GATEWAY_URL = ""
    assert kanal_for("email").aktif()
    assert not kanal_for("whatsapp").aktif()
    assert not kanal_for("sms").aktif()


def _pesan(kanal: str) -> PesanKeluar:
    return PesanKeluar(kanal=kanal, kepada=["+6281277001234"], subjek="Berkas KK-1 diterima", isi="Isi pesan.")


GATEWAYS = [("whatsapp", WA_URL, "whatsapp_on"), ("sms", SMS_URL, "sms_on")]


@pytest.mark.parametrize(("kode", "url", "fixture"), GATEWAYS)
def test_a_2xx_answer_is_sent_with_token_sender_and_number(kode, url, fixture, request, http):
    settings = request.getfixturevalue(fixture)
    http.post(url, json={"status": "ok"}, status=201)
    kanal_for(kode).send(_pesan(kode))
    (call,) = http.calls
    body = json.loads(call.request.body)
    assert body["to"] == "+6281277001234"
    assert body["from"] == getattr(settings, f"{kode.upper()}_GATEWAY_SENDER")
    assert "Isi pesan." in body["message"]
    assert call.request.headers["Authorization"] == f"Bearer token-{kode.replace('whatsapp', 'wa')}-uji"


@pytest.mark.parametrize(("kode", "url", "fixture"), GATEWAYS)
@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_server_errors_and_rate_limits_are_temporary(kode, url, fixture, status, request, http):
    request.getfixturevalue(fixture)
    http.post(url, body="gateway sibuk", status=status)
    with pytest.raises(GagalSementara, match=f"HTTP {status}"):
        kanal_for(kode).send(_pesan(kode))


@pytest.mark.parametrize(("kode", "url", "fixture"), GATEWAYS)
@pytest.mark.parametrize("status", [400, 404, 422])
def test_a_refused_number_is_permanent(kode, url, fixture, status, request, http):
    request.getfixturevalue(fixture)
    http.post(url, json={"error": "nomor tidak terdaftar"}, status=status)
    with pytest.raises(GagalPermanen, match=f"HTTP {status}"):
        kanal_for(kode).send(_pesan(kode))


@pytest.mark.parametrize(("kode", "url", "fixture"), GATEWAYS)
@pytest.mark.parametrize(
    "failure", [requests.ReadTimeout("read timed out"), requests.ConnectTimeout(), requests.ConnectionError()]
)
def test_timeouts_and_unreachable_gateways_are_temporary(kode, url, fixture, failure, request, http):
    request.getfixturevalue(fixture)
    http.post(url, body=failure)
    with pytest.raises(GagalSementara):
        kanal_for(kode).send(_pesan(kode))


def test_the_gateway_is_called_with_a_timeout(whatsapp_on, monkeypatch):
    seen = {}

    def post(url, **kwargs):
        seen.update(kwargs)
        raise requests.ReadTimeout()

    whatsapp_on.WHATSAPP_GATEWAY_TIMEOUT = 3.5
    monkeypatch.setattr(requests, "post", post)
    with pytest.raises(GagalSementara, match="batas waktu"):
        kanal_for("whatsapp").send(_pesan("whatsapp"))
    assert seen["timeout"] == 3.5


class Refusing(BaseEmailBackend):
    error: Exception

    def send_messages(self, messages):
        raise self.error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ConnectionRefusedError(111, "Connection refused"), GagalSementara),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), GagalSementara),
        (smtplib.SMTPDataError(451, b"try again later"), GagalSementara),
        (smtplib.SMTPRecipientsRefused({"x@contoh.example": (550, b"no such user")}), GagalPermanen),
        (smtplib.SMTPDataError(554, b"rejected"), GagalPermanen),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), GagalSementara),
    ],
)
def test_email_failures_are_told_apart(settings, error, expected):
    Refusing.error = error
    settings.EMAIL_BACKEND = f"{__name__}.Refusing"
    pesan = PesanKeluar.objects.create(kanal="email", kepada=["x@contoh.example"], subjek="S", isi="I")
    with pytest.raises(expected):
        kanal_for("email").send(pesan)


@pytest.mark.django_db
def test_email_goes_through_django_mail():
    pesan = PesanKeluar.objects.create(kanal="email", kepada=["x@contoh.example"], subjek="Subjek", isi="Isi")
    kanal_for("email").send(pesan)
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [(["x@contoh.example"], "Subjek", "Isi")]


def test_the_system_check_ties_channel_classes_to_the_outbox_choices(monkeypatch):
    from dukcapil import checks
    from dukcapil.notifikasi import kanal

    assert checks.channels_have_classes() == []
    monkeypatch.setitem(kanal._KANAL, "telegram", kanal.Kanal())
    monkeypatch.delitem(kanal._KANAL, "sms")
    assert sorted(e.id for e in checks.channels_have_classes()) == ["dukcapil.E010", "dukcapil.E011", "dukcapil.E012"]
