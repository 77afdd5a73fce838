"""Throughput of the citizen status endpoint vs a bare Django JSON view, same table, same run.

    .venv/bin/python bench/status_endpoint.py [--rows 100000] [--seconds 15] [--connections 16]

Creates (once) the database dukcapil_bench with --rows berkas and 3 kartu kendali rows each,
serves the project with gunicorn on 127.0.0.1, loads both endpoints with wrk (Debian
package 'wrk') using the same random nomor/NIK pairs, and prints requests/s and the ratio.
The status answers come from the per-berkas cache once a pair has been asked
(dukcapil/status_cache.py): the warm-up asks most of the 2,000 pairs once.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
PORT = 8765


def ensure_database(rows: int) -> list[tuple[str, str]]:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'dukcapil_bench'").fetchone():
            conn.execute("CREATE DATABASE dukcapil_bench")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from dukcapil.catalogue import load_office
    from dukcapil.choices import Status
    from dukcapil.demo import ensure_users, make_nik
    from dukcapil.models import Berkas, KartuKendali, Layanan

    call_command("migrate", verbosity=0)
    load_office(slug="bintan")
    users = ensure_users()
    have = Berkas.objects.count()
    if have < rows:
        print(f"creating {rows - have} berkas …", flush=True)
        layanan = Layanan.objects.get(kode="kk")
        now = timezone.now()
        rng = random.Random(7)
        batch = []
        for i in range(have, rows):
            lahir = now.date() - timedelta(days=rng.randint(7000, 25000))
            jk = rng.choice("LP")
            batch.append(
                Berkas(
                    nomor_registrasi=f"KK-BENCH-{i:07d}",
                    layanan=layanan,
                    bidang_id=layanan.bidang_id,
                    pemohon_nik=make_nik(lahir, jk, i % 10000),
                    pemohon_nama=f"PEMOHON {i}",
                    pemohon_tanggal_lahir=lahir,
                    pemohon_jenis_kelamin=jk,
                    standar_waktu={"baru": 20, "verifikasi": 30},
                    dibuat_oleh=users["loket"],
                    dibuat_pada=now,
                    status_sejak=now,
                )
            )
            if len(batch) == 5000 or i == rows - 1:
                created = Berkas.objects.bulk_create(batch)
                KartuKendali.objects.bulk_create(
                    [
                        KartuKendali(
                            record=b,
                            transisi=t,
                            dari_status=d,
                            ke_status=k,
                            pelaku=users["loket"],
                            waktu=now,
                            mulai=now,
                        )
                        for b in created
                        for t, d, k in [
                            ("accept", "baru", "diterima"),
                            ("complete_entry", "diterima", "verifikasi"),
                            ("verify", "verifikasi", "validasi"),
                        ]
                    ]
                )
                batch = []
        # status is a protected FSM field: the bulk rows are set to «validasi» in SQL
        Berkas.objects.filter(nomor_registrasi__startswith="KK-BENCH-").update(status=Status.VALIDASI)
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    rng = random.Random(11)
    picks = rng.sample(range(rows), 2000)
    pairs = list(
        Berkas.objects.filter(nomor_registrasi__in=[f"KK-BENCH-{i:07d}" for i in picks]).values_list(
            "nomor_registrasi", "pemohon_nik"
        )
    )
    return pairs


LUA = """
local pairs_ = {%s}
local n = #pairs_
request = function()
  local p = pairs_[math.random(n)]
  -- many citizens: a random client address per request, forwarded as by a reverse proxy
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("POST", nil, {["Content-Type"]="application/json", ["X-Forwarded-For"]=ip},
                    '{"nomor_registrasi":"' .. p[1] .. '","nik":"' .. p[2] .. '"}')
end
"""


def run_wrk(url: str, script: str, seconds: int, connections: int) -> tuple[float, str]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses\n{out}")
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    return rps, p99


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk tidak ditemukan: apt-get install wrk")
    pairs = ensure_database(args.rows)
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(LUA % ",".join(f'{{"{n}","{k}"}}' for n, k in pairs))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi:application",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/cek-status/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        base = f"http://127.0.0.1:{PORT}"
        run_wrk(base + "/api/v1/status/", str(script), 3, args.connections)  # warm-up
        run_wrk(base + "/bench/bare/", str(script), 3, args.connections)
        results = {}
        for name, path in [
            ("bare", "/bench/bare/"),
            ("status", "/api/v1/status/"),
            ("bare-2", "/bench/bare/"),
            ("status-2", "/api/v1/status/"),
        ]:
            results[name] = run_wrk(base + path, str(script), args.seconds, args.connections)
            print(f"{name:<9} {results[name][0]:8.1f} req/s   p99 {results[name][1]}", flush=True)
        bare = (results["bare"][0] + results["bare-2"][0]) / 2
        status = (results["status"][0] + results["status-2"][0]) / 2
        print(f"\nrows={args.rows} workers={args.workers} connections={args.connections}")
        print(f"bare Django JSON lookup : {bare:8.1f} req/s")
        print(f"POST /api/v1/status/    : {status:8.1f} req/s")
        print(f"ratio status/bare       : {status / bare:.2f}")
        print(f"ratio={status / bare:.2f} status_rps={status:.1f} bare_rps={bare:.1f} pairs={len(pairs)}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        script.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
