import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from dukcapil.celery import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def start_worker(tmp_path):
    """Call it to start a real worker process; it returns the worker's log file. The queue is purged
    when the test begins, so only what the test enqueues (before or after the start) is there.
    ``start(broker=url)`` consumes from another
    broker; ``start.kill()`` SIGKILLs the last worker started (a crash: no shutdown, no acks)."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dukcapil.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CELERY_TASK_ALWAYS_EAGER": "0",  # the worker publishes its retries to Redis
        "TTE_DIR": str(settings.TTE_DIR),
    }
    log_path = tmp_path / "worker.log"
    log = open(log_path, "a+")
    started: list[subprocess.Popen] = []

    app.control.purge()

    def start(broker: str | None = None) -> Path:
        started.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "dukcapil",
                    "worker",
                    "--pool",
                    "solo",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "-l",
                    "info",
                ],
                cwd=ROOT,
                env={**env, "CELERY_BROKER_URL": broker} if broker else env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        return log_path

    def kill() -> None:
        started[-1].send_signal(signal.SIGKILL)
        started[-1].wait(timeout=15)

    start.kill = kill
    app.conf.task_always_eager = False
    try:
        yield start
    finally:
        app.conf.task_always_eager = True
        for proc in started:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


class PrivateRedis:
    """A redis-server of the test's own, on a free port, persisted like production (append-only)."""

    def __init__(self, directory: Path):
        self.directory = directory
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
            + ["--save", "", "--appendonly", "yes", "--appendfsync", "always"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.ping():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def command(self, *words: str) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as conn:
            conn.sendall((" ".join(words) + "\r\n").encode())
            return conn.recv(1024)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


@pytest.fixture
def private_redis(tmp_path):
    """Started; the test stops, flushes and restarts it. Always stopped afterwards."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is needed for the broker drills (apt-get install redis-server)")
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()
