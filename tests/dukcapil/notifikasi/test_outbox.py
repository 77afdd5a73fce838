"""The outbox across channels: rows written with the change, retried with backoff, each sent once,
surviving a mail server outage and a broker outage at commit."""

import json
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dukcapil.models import Berkas, Layanan, PesanKeluar
from dukcapil.notifikasi.services import (
    Hasil,
    deliver,
    jeda_coba_lagi,
    kabari_warga,
    kirim,
    kirim_email,
    sweep_outbox,
)
from tests.conftest import BrokerAt
from tests.dukcapil.test_views import intake_data
from tests.factories import committed

from .conftest import SMS_URL, WA_URL

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    """The real SMTP backend pointed at a port where nothing listens (connection refused)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _closed_port(), 2
    settings.EMAIL_USE_TLS = False

    def up() -> None:
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return up


@pytest.fixture
def broker_down():
    switch = BrokerAt("redis://127.0.0.1:1/0", retry_policy={"max_retries": 0})
    yield switch
    switch.restore()


def test_disabled_phone_channels_write_no_rows(settings):
    settings.WHATSAPP_GATEWAY_URL = settings.SMS_GATEWAY_URL = ""
    rows = kabari_warga(email="budi@contoh.example", telepon="081277001234", subjek="Berkas diterima", isi="Isi")
    assert [(r.kanal, r.kepada) for r in rows] == [("email", ["budi@contoh.example"])]
    assert PesanKeluar.objects.count() == 1


def test_whatsapp_is_preferred_and_the_number_stored_normalised(whatsapp_on, sms_on):
    rows = kabari_warga(telepon="0812-7700-1234", subjek="Berkas diterima", isi="Isi")
    assert [(r.kanal, r.kepada) for r in rows] == [("whatsapp", ["+6281277001234"])]


def test_sms_carries_it_when_only_sms_is_on(sms_on):
    rows = kabari_warga(telepon="081277001234", subjek="Berkas diterima", isi="Isi")
    assert [r.kanal for r in rows] == ["sms"]


def test_a_landline_gets_no_phone_message(whatsapp_on, caplog):
    with caplog.at_level("INFO", logger="dukcapil.notifikasi.services"):
        assert kabari_warga(telepon="(0771) 21234", subjek="S", isi="I") == []
    assert "21234" not in caplog.text  # the number is never logged


def test_a_nik_in_a_citizen_message_is_refused():
    with pytest.raises(ValueError, match="tidak boleh memuat NIK"):
        kabari_warga(email="budi@contoh.example", subjek="Berkas", isi="NIK Anda 2102011708850001 sudah terdaftar")
    assert not PesanKeluar.objects.exists()


def test_failures_back_off_exponentially_then_give_up(whatsapp_on, http, settings):
    settings.NOTIFIKASI_MAX_ATTEMPTS = 4
    http.post(WA_URL, body="sibuk", status=503)
    (pesan,) = kabari_warga(telepon="081277001234", subjek="S", isi="I")
    gaps = []
    for _ in range(3):
        assert deliver(pesan.pk) is False
        pesan.refresh_from_db()
        assert pesan.status == PesanKeluar.Status.ANTRE
        gaps.append(round((pesan.coba_lagi_pada - pesan.dicoba_pada).total_seconds()))
    assert gaps == [60, 120, 240]
    assert "HTTP 503" in pesan.galat_terakhir
    deliver(pesan.pk)
    pesan.refresh_from_db()
    assert (pesan.status, pesan.percobaan, pesan.coba_lagi_pada) == (PesanKeluar.Status.GAGAL, 4, None)
    assert deliver(pesan.pk) is False
    assert len(http.calls) == 4


def test_backoff_is_capped(settings):
    settings.NOTIFIKASI_BACKOFF_MAX = timedelta(hours=6)
    assert jeda_coba_lagi(1) == timedelta(minutes=1)
    assert jeda_coba_lagi(30) == timedelta(hours=6)


def test_the_sweep_waits_for_the_backoff(whatsapp_on, http):
    http.post(WA_URL, body="sibuk", status=500)
    (pesan,) = kabari_warga(telepon="081277001234", subjek="S", isi="I")
    deliver(pesan.pk)
    pesan.refresh_from_db()
    assert sweep_outbox(now=pesan.coba_lagi_pada - timedelta(seconds=1)) == 0
    assert len(http.calls) == 1  # not due: not tried
    http.replace("POST", WA_URL, json={"status": "ok"})
    assert sweep_outbox(now=pesan.coba_lagi_pada) == 1
    assert sweep_outbox(now=pesan.coba_lagi_pada + timedelta(hours=1)) == 0
    assert len(http.calls) == 2


def test_an_invalid_whatsapp_number_falls_back_to_sms_once(whatsapp_on, sms_on, http):
    http.post(WA_URL, json={"error": "nomor tidak terdaftar di WhatsApp"}, status=400)
    http.post(SMS_URL, json={"status": "ok"})
    with committed():
        (wa,) = kabari_warga(telepon="081277001234", subjek="Berkas diterima", isi="Isi panjang", isi_singkat="Singkat")
    wa.refresh_from_db()
    assert (wa.status, wa.percobaan) == (PesanKeluar.Status.GAGAL, 1)
    sms = PesanKeluar.objects.get(kanal="sms")
    assert (sms.status, sms.kepada, sms.isi_singkat) == (PesanKeluar.Status.TERKIRIM, ["+6281277001234"], "Singkat")
    assert [c.request.url for c in http.calls] == [WA_URL, SMS_URL]
    assert "Isi panjang" in json.loads(http.calls[0].request.body)["message"]
    assert json.loads(http.calls[1].request.body)["message"] == "Singkat"


def test_a_message_is_written_only_if_the_change_commits(whatsapp_on, http):
    class Batal(Exception):
        pass

    with committed(), pytest.raises(Batal), transaction.atomic():
        kabari_warga(email="budi@contoh.example", telepon="081277001234", subjek="S", isi="I")
        raise Batal
    assert not PesanKeluar.objects.exists()
    assert mail.outbox == [] and len(http.calls) == 0


def test_mail_server_and_broker_down_delay_but_never_lose(client, team, whatsapp_on, http, smtp_down, broker_down,
                                                          caplog):  # fmt: skip
    # given Redis is unreachable and the mail server refuses connections
    http.post(WA_URL, json={"status": "ok"})
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    data = intake_data(layanan, email="budi@contoh.example", telepon="081277001234")

    # when the counter registers a berkas: the request commits and answers normally
    with caplog.at_level("WARNING", logger="dukcapil.tasks"), committed():
        response = client.post(reverse("intake", args=["kk"]), data)
    berkas = Berkas.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "berkas-detail", args=[berkas.nomor_registrasi]
    )
    assert "could not enqueue dukcapil.tasks.kirim_pesan" in caplog.text
    rows = PesanKeluar.objects.order_by("kanal")
    assert [(r.kanal, r.status, r.percobaan) for r in rows] == [("email", "antre", 0), ("whatsapp", "antre", 0)]
    assert mail.outbox == [] and len(http.calls) == 0

    # the beat sweep (the broker is back for beat, the mail server is not): WhatsApp goes, email waits
    broker_down.restore()
    first = timezone.now() + timedelta(minutes=3)
    assert sweep_outbox(now=first) == 1
    email = PesanKeluar.objects.get(kanal="email")
    assert (email.status, email.percobaan) == ("antre", 1)
    assert "ConnectionRefusedError" in email.galat_terakhir
    assert sweep_outbox(now=email.coba_lagi_pada - timedelta(seconds=1)) == 0  # backing off: not tried yet
    assert PesanKeluar.objects.get(kanal="email").percobaan == 1

    # then, with the mail server back, the next due sweep sends the email; each message went once
    smtp_down()
    assert sweep_outbox(now=email.coba_lagi_pada) == 1
    assert sweep_outbox(now=email.coba_lagi_pada + timedelta(hours=1)) == 0
    assert [m.to for m in mail.outbox] == [["budi@contoh.example"]]
    assert berkas.nomor_registrasi in mail.outbox[0].body
    assert len(http.calls) == 1
    assert set(PesanKeluar.objects.values_list("status", flat=True)) == {"terkirim"}
    for pesan in PesanKeluar.objects.all():
        assert deliver(pesan.pk) is False
    assert len(mail.outbox) == 1 and len(http.calls) == 1


def test_a_fresh_message_is_left_to_its_task(settings):
    kirim_email(["a@contoh.example"], subjek="Baru", isi="x")
    assert sweep_outbox(now=timezone.now()) == 0  # its task may still be on the way
    assert mail.outbox == []


def test_a_sender_that_finds_the_message_put_back_to_wait_leaves_it(whatsapp_on, http):
    # a sweep selected the row, but another sender tried it first and set a later attempt
    http.post(WA_URL, body="sibuk", status=503)
    (pesan,) = kabari_warga(telepon="081277001234", subjek="S", isi="I")
    assert kirim(pesan.pk) == Hasil.DITUNDA
    pesan.refresh_from_db()
    assert kirim(pesan.pk, due_by=pesan.coba_lagi_pada - timedelta(seconds=1)) == Hasil.DILEWATI
    assert len(http.calls) == 1
    assert kirim(pesan.pk, due_by=pesan.coba_lagi_pada) == Hasil.DITUNDA
    assert len(http.calls) == 2
