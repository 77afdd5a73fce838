"""TTE throughput: render and sign a batch of KK PDFs through the real task path.

    .venv/bin/python bench/tte_batch.py [--docs 200]

1. Creates --docs KK berkas waiting for TTE (database dukcapil_bench) and a Kadis certificate
   from the development CA.
2. Baseline, same run: plain pyhanko signing of the same (pre-rendered) PDFs with default
   settings — the PKCS#12 loaded for every document and pyhanko's size-estimating dry run —
   in one process.
3. Pipeline: a real Celery worker (prefork, one process per core) consuming from Redis; the
   Kadis's batch is started through tte_batch_start and timed until every document is signed.
Prints documents per second for both and per core; the last line is
``plain_docs_s=… pipeline_docs_s=… workers=… speedup_per_core=…``.

    .venv/bin/python bench/tte_batch.py --docs 50 --profile

runs one chunk of the same path in this process instead (no worker, no broker) with a timer
around each step and prints where a document's time goes: render (of which QR), sign, store,
state change and the rest (loading rows, locks, the batch item), with queries per document.
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("TTE_DIR", str(ROOT / "var" / "bench-tte"))
BENCH_MEDIA = ROOT / "var" / "bench-tte-media"  # the bench's own (emptied at every run), never another MEDIA_ROOT
os.environ["MEDIA_ROOT"] = str(BENCH_MEDIA)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dukcapil_bench_tte")
PASSPHRASE = "bench-tte-passphrase"


def setup_berkas(count: int):
    import shutil

    import django
    import psycopg

    # a fresh database and no signed files every run: results do not depend on what earlier runs
    # left behind (an earlier run's file under a document's name is handled as a crashed worker's
    # leftover, removed and looked up once more per document)
    shutil.rmtree(BENCH_MEDIA, ignore_errors=True)
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    django.setup()
    from django.core.management import call_command

    from dukcapil.catalogue import load_office
    from dukcapil.demo import ensure_users, enter_family, register_family
    from dukcapil.models import SertifikatPenandatangan
    from dukcapil.services import berkas_transition
    from dukcapil.tte.services import install_dev_certificate

    call_command("migrate", verbosity=0)
    load_office(slug="bintan")
    users = ensure_users()
    if not SertifikatPenandatangan.objects.filter(pengguna=users["kadis"]).exists():
        install_dev_certificate(user=users["kadis"], passphrase=PASSPHRASE, nama="Kepala Dinas Bench")
    made = []
    started = time.perf_counter()
    for n in range(count):
        berkas = register_family(n, users)
        enter_family(berkas, n, users)
        for action, who in [("entri-selesai", "operator"), ("verifikasi", "kasi"), ("validasi", "kabid")]:
            berkas = berkas_transition(berkas_id=berkas.pk, action=action, user=users[who])
        made.append(berkas)
    print(f"prepared {count} berkas in «tte» in {time.perf_counter() - started:.1f}s", flush=True)
    return users, made


def baseline(made, users) -> float:
    from django.conf import settings
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from dukcapil.models import SertifikatPenandatangan
    from pendaftaran.document_builders import build_kk_pdf

    cert = SertifikatPenandatangan.objects.get(pengguna=users["kadis"])
    pdfs = [build_kk_pdf(b, verification_url=f"{settings.PUBLIC_BASE_URL}/verifikasi/x/").pdf for b in made]
    started = time.perf_counter()
    for pdf in pdfs:
        signer = signers.SimpleSigner.load_pkcs12(cert.p12_path, passphrase=PASSPHRASE.encode())
        out = io.BytesIO()
        signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)),
            signers.PdfSignatureMetadata(field_name="Signature"),
            signer=signer,
            output=out,
        )
    elapsed = time.perf_counter() - started
    return len(pdfs) / elapsed


def pipeline(made, users, cores: int) -> float:
    from django.conf import settings

    from dukcapil.celery import app
    from dukcapil.models import BatchTTE
    from dukcapil.tte.services import batch_progress, tte_batch_start

    app.control.purge()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "dukcapil",
            "worker",
            "--concurrency",
            str(cores),
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        # the Kadis signs on workers that are already running: start the clock once this one
        # answers and its processes have loaded the code (worker_process_init)
        while not app.control.ping(timeout=1):
            if worker.poll() is not None:
                raise SystemExit("the Celery worker did not start")
        time.sleep(4)
        started = time.perf_counter()
        batch = tte_batch_start(user=users["kadis"], berkas_ids=[b.pk for b in made], passphrase=PASSPHRASE)
        while True:
            progress = batch_progress(BatchTTE.objects.get(pk=batch.pk))
            if progress.selesai:
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
        if progress.gagal:
            raise SystemExit(f"{progress.gagal} documents failed")
        print(f"chunk size {settings.TTE_CHUNK_SIZE}, {cores} worker processes", flush=True)
        return progress.berhasil / elapsed
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:  # the figure is taken: a slow warm shutdown is ended here
            worker.kill()
            worker.wait()


def profile(made, users, cprofile: bool = False) -> None:
    """One chunk in-process, each step timed; prints milliseconds per document per step."""
    import cProfile
    import pstats
    import sys as _sys
    from collections import defaultdict
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dukcapil.documents import common
    from dukcapil.models import BatchTTE, Berkas
    from dukcapil.tte import backends, services
    from dukcapil.tte.services import tte_batch_start, tte_sign_chunk

    spent: dict[str, float] = defaultdict(float)

    def timed(step, func):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[step] += time.perf_counter() - started

        return wrapper

    original_specs = Berkas.signing_documents

    def specs_with_timed_render(self):
        import dataclasses

        return [dataclasses.replace(s, render=timed("render", s.render)) for s in original_specs(self)]

    patches = [
        mock.patch.object(Berkas, "signing_documents", specs_with_timed_render),
        mock.patch.object(Berkas, "signing_completed", timed("state change", Berkas.signing_completed)),
        mock.patch.object(services, "_store_signed", timed("store", services._store_signed)),
        mock.patch.object(services, "_mark", timed("state change", services._mark)),
        mock.patch.object(backends.LocalPadesSession, "sign", timed("sign", backends.LocalPadesSession.sign)),
        mock.patch.object(services.sign_chunk, "publish", lambda *a, **k: True),  # run below, in-process
    ]
    # QR drawing happens inside render: patched wherever draw_qr was imported by name
    qr = timed("  of which QR", common.draw_qr)
    for module in list(_sys.modules.values()):
        if getattr(module, "draw_qr", None) is common.draw_qr:
            patches.append(mock.patch.object(module, "draw_qr", qr))
    for patch in patches:
        patch.start()
    try:
        batch = tte_batch_start(user=users["kadis"], berkas_ids=[b.pk for b in made], passphrase=PASSPHRASE)
        item_ids = list(batch.items.order_by("pk").values_list("pk", flat=True))
        profiler = cProfile.Profile()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            if cprofile:
                profiler.enable()
            tte_sign_chunk(batch_id=batch.pk, item_ids=item_ids)
            profiler.disable()
        total = time.perf_counter() - started
    finally:
        for patch in patches:
            patch.stop()
    docs = BatchTTE.objects.get(pk=batch.pk).items.filter(status="berhasil").count()
    if docs != len(item_ids):
        raise SystemExit(f"{len(item_ids) - docs} documents failed")
    spent["other"] = total - sum(v for k, v in spent.items() if not k.startswith(" "))
    print(f"time per document, {docs} documents in one process ({docs / total:.1f} docs/s):")
    for step in ["render", "  of which QR", "sign", "store", "state change", "other"]:
        print(f"  {step:<14} {spent[step] / docs * 1000:6.1f} ms  {spent[step] / total * 100:5.1f} %")
    print(f"  queries        {len(queries) / docs:6.1f} per document")
    kinds: dict[str, int] = defaultdict(int)
    for query in queries.captured_queries:
        sql = query["sql"]
        verb = sql.split(None, 1)[0].upper()
        table = sql.split('"', 2)[1] if '"' in sql else ""
        if verb in ("SELECT", "DELETE") and " FROM " in sql:
            table = sql.split(" FROM ", 1)[1].split('"', 2)[1]
        kinds[f"{verb} {table}"] += 1
    for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1])[:15]:
        print(f"    {count / docs:5.2f}  {kind}")
    if cprofile:
        print("top functions by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="time each step in this process")
    parser.add_argument("--cprofile", action="store_true", help="with --profile: also the top functions")
    args = parser.parse_args()
    cores = int(os.environ.get("BENCH_WORKERS", os.cpu_count() or 1))
    users, made = setup_berkas(args.docs)
    if args.profile:
        profile(made, users, cprofile=args.cprofile)
        return
    base = baseline(made, users)
    print(f"plain pyhanko (default settings, 1 process): {base:6.1f} docs/s", flush=True)
    rate = pipeline(made, users, cores)
    print(f"pipeline (render + sign, {cores} processes):   {rate:6.1f} docs/s = {rate / cores:.1f} per core")
    print(f"per-core speed-up over plain pyhanko: {rate / cores / base:.1f}x")
    speedup = rate / cores / base
    print(f"plain_docs_s={base:.1f} pipeline_docs_s={rate:.1f} workers={cores} speedup_per_core={speedup:.2f}")


if __name__ == "__main__":
    main()
