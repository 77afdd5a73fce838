"""An outbox row delivered by a real Celery worker from Redis, retried with backoff, sent once."""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from dukcapil.models import PesanKeluar
from dukcapil.notifikasi.services import kabari_warga


class FakeGateway:
    """A WhatsApp gateway on localhost: answers 503 to the first ``failures`` requests, then 200."""

    def __init__(self, failures: int):
        self.failures = failures
        self.received: list[dict] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                gateway.received.append({"auth": self.headers.get("Authorization"), **json.loads(body)})
                code = 503 if len(gateway.received) <= gateway.failures else 200
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"status": "ok"}' if code == 200 else b'{"error": "sibuk"}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/kirim"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def fake_gateway(settings, monkeypatch):
    """Started before the worker, so the worker's environment names it (and a 1 s backoff)."""
    gateway = FakeGateway(failures=1)
    for name, value in {
        "WHATSAPP_GATEWAY_URL": gateway.url,
        "WHATSAPP_GATEWAY_TOKEN": "token-uji",
        "NOTIFIKASI_BACKOFF_SECONDS": "1",
    }.items():
        monkeypatch.setenv(name, value)
    settings.WHATSAPP_GATEWAY_URL = gateway.url
    settings.WHATSAPP_GATEWAY_TOKEN = "token-uji"
    yield gateway
    gateway.server.shutdown()


def wait_for(predicate, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_retries_a_failed_whatsapp_and_sends_it_once(fake_gateway, start_worker):
    with transaction.atomic():  # the task is published to Redis when this commits
        (pesan,) = kabari_warga(telepon="081277001234", subjek="Berkas KK-1 diterima", isi="Cek status di tautan.")
    assert PesanKeluar.objects.get(pk=pesan.pk).status == "antre"  # nothing sent in the request

    log_path = start_worker()
    sent = wait_for(lambda: PesanKeluar.objects.filter(pk=pesan.pk, status="terkirim").exists())
    assert sent, log_path.read_text()[-3000:]
    time.sleep(2)  # a stray retry would arrive by now
    pesan.refresh_from_db()
    assert (pesan.status, pesan.percobaan) == ("terkirim", 2)
    assert len(fake_gateway.received) == 2
    assert {r["to"] for r in fake_gateway.received} == {"+6281277001234"}
    assert fake_gateway.received[-1]["auth"] == "Bearer token-uji"
    log = log_path.read_text()
    assert "dukcapil.tasks.kirim_pesan" in log
    assert re.search(r"retry: Retry in 0\.\d+s", log)  # the task came back when the row's backoff ended
    assert "+6281277001234" not in log  # the number never reaches the worker's log
