"""TTE throughput: render and sign a batch of KK PDFs through the real task path.

    .venv/bin/python bench/tte_batch.py [--docs 200]

1. Creates --docs KK berkas waiting for TTE (database dukcapil_bench) and a Kadis certificate
   from the development CA.
2. Baseline, same run: plain pyhanko signing of the same (pre-rendered) PDFs with default
   settings — the PKCS#12 loaded for every document and pyhanko's size-estimating dry run —
   in one process.
3. Pipeline: a real Celery worker (prefork, one process per core) consuming from Redis; the
   Kadis's batch is started through tte_batch_start and timed until every document is signed.
Prints documents per second for both and per core.
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
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dukcapil_bench_tte")
PASSPHRASE = "bench-tte-passphrase"


def setup_berkas(count: int):
    import django
    import psycopg

    # a fresh database every run: results do not depend on what earlier runs left behind
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS dukcapil_bench_tte")
        conn.execute("CREATE DATABASE dukcapil_bench_tte")

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
        time.sleep(4)  # let the worker processes start
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
        worker.wait(timeout=30)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    cores = int(os.environ.get("BENCH_WORKERS", os.cpu_count() or 1))
    users, made = setup_berkas(args.docs)
    base = baseline(made, users)
    print(f"plain pyhanko (default settings, 1 process): {base:6.1f} docs/s", flush=True)
    rate = pipeline(made, users, cores)
    print(f"pipeline (render + sign, {cores} processes):   {rate:6.1f} docs/s = {rate / cores:.1f} per core")
    print(f"per-core speed-up over plain pyhanko: {rate / cores / base:.1f}x")


if __name__ == "__main__":
    main()
