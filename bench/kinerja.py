"""Timing of the kinerja dashboards at scale.

    .venv/bin/python bench/kinerja.py [--berkas 1000000] [--runs 20]

Creates (once, or again with --rebuild) the database dukcapil_bench_kinerja with --berkas berkas
spread over the last two years and three kartu kendali rows each (accept, entry, then document
finished, cancelled or verified), written with SQL ``generate_series`` inserts, plus an open work item
for every berkas still in the back office. Then times every dashboard (all the selectors a page
runs) for the Kadis (every bidang) and a Kabid (one bidang), over this month and over the last
twelve months, and the late list; before that builds the daily roll-ups
(``dukcapil.kinerja.rekap``) of every past day not yet rolled up, timed; prints each p50/p95 and ends with one line
``worst_dashboard_p95_ms=… dashboards=…``.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = "dukcapil_bench_kinerja"
os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB}"
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/12")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/13")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

# berkas i (1..N) was registered i minutes × SPREAD before now: N berkas over two years
TWO_YEARS_MIN = 730 * 24 * 60

FILL = """
INSERT INTO dukcapil_berkas (nomor_registrasi, layanan_id, bidang_id, pemohon_nik, pemohon_nama,
    pemohon_tanggal_lahir, pemohon_jenis_kelamin, pemohon_telepon, pemohon_email, status, status_sejak,
    persyaratan_kurang, catatan, standar_waktu, tenggat, jangka_waktu_hari_kerja, dibuat_pada,
    dibuat_oleh_id, alur, kategori_batal)
SELECT 'KIN-' || lpad(i::text, 8, '0'), l.id, l.bidang_id, lpad(i::text, 16, '3'), 'PEMOHON ' || i,
       DATE '1980-01-01' + (i %% 9000), CASE WHEN i %% 2 = 0 THEN 'L' ELSE 'P' END, '', '',
       CASE WHEN i %% 10 < 7 THEN 'siap_diambil' WHEN i %% 10 = 7 THEN 'dibatalkan' ELSE 'validasi' END,
       t.dibuat, '[]', '', '{"baru": 15, "diterima": 60, "verifikasi": 30, "validasi": 30}',
       (t.dibuat + interval '7 days')::date, 5,
       t.dibuat, %(loket)s, 'entri_dulu', CASE WHEN i %% 10 = 7 THEN 'persyaratan' ELSE '' END
  FROM generate_series(%(lo)s, %(hi)s) i
  CROSS JOIN LATERAL (SELECT now() - (i::bigint * %(spread)s) * interval '1 second' AS dibuat) t
  JOIN (SELECT id, bidang_id, row_number() OVER (ORDER BY id) - 1 AS n FROM dukcapil_layanan
         WHERE jenis_berkas <> '') l ON l.n = i %% %(nlayanan)s
"""

CARDS = """
INSERT INTO dukcapil_kartukendali (content_type_id, object_id, transisi, dari_status, ke_status, pelaku_id,
    mulai, waktu, catatan)
SELECT %(ct)s, b.id, s.transisi, s.dari, s.ke, s.pelaku, b.dibuat_pada + s.mulai, b.dibuat_pada + s.selesai, s.catatan
  FROM dukcapil_berkas b
  CROSS JOIN LATERAL (VALUES
      ('accept', 'baru', 'diterima', %(loket)s::bigint, interval '0', interval '1 minute' * (5 + b.id %% 20), ''),
      ('complete_entry', 'diterima', 'verifikasi', (ARRAY[%(op1)s, %(op2)s]::bigint[])[1 + b.id %% 2],
          interval '30 minutes', interval '30 minutes' + interval '1 minute' * (20 + b.id %% 150), ''),
      (CASE b.status WHEN 'siap_diambil' THEN 'mark_printed' WHEN 'dibatalkan' THEN 'cancel' ELSE 'verify' END,
          CASE b.status WHEN 'siap_diambil' THEN 'cetak' ELSE 'verifikasi' END, b.status,
          CASE b.status WHEN 'siap_diambil' THEN NULL ELSE %(kasi)s::bigint END,
          interval '1 day', interval '1 day' + interval '1 minute' * (10 + b.id %% 600), '')
  ) AS s(transisi, dari, ke, pelaku, mulai, selesai, catatan)
 WHERE b.id BETWEEN %(lo)s AND %(hi)s
"""

ITEMS = """
INSERT INTO dukcapil_workitem (content_type_id, object_id, bidang_id, aksi, status, sejak, standar_menit, tenggat)
SELECT %(ct)s, b.id, b.bidang_id, 'validasi', 'validasi', b.dibuat_pada + interval '1 day 3 hours', 30, b.tenggat
  FROM dukcapil_berkas b WHERE b.status = 'validasi' AND b.id BETWEEN %(lo)s AND %(hi)s
"""


def ensure_database(n: int, rebuild: bool) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB]).fetchone()
        if exists and rebuild:
            conn.execute(f"DROP DATABASE {DB}")
            exists = None
        if not exists:
            conn.execute(f"CREATE DATABASE {DB}")
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction

    from dukcapil.catalogue import load_office
    from dukcapil.demo import ensure_users
    from dukcapil.models import Berkas

    call_command("migrate", verbosity=0)
    if not Berkas.objects.filter(nomor_registrasi__startswith="KIN-").exists():
        load_office(slug="bintan")
    users = ensure_users()
    have = Berkas.objects.count()
    if have >= n:
        return
    ct = ContentType.objects.get_for_model(Berkas).pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM dukcapil_layanan WHERE jenis_berkas <> ''")
        nlayanan = cursor.fetchone()[0]
    ids = {
        "loket": users["loket"].pk,
        "op1": users["operator"].pk,
        "op2": users.get("operator_capil", users["operator"]).pk,
        "kasi": users["kasi"].pk,
    }
    step = 100_000
    started = time.perf_counter()
    for lo in range(have + 1, n + 1, step):
        hi = min(lo + step - 1, n)
        with transaction.atomic(), connection.cursor() as cursor:
            params = {"lo": lo, "hi": hi, "spread": TWO_YEARS_MIN * 60 / n, "nlayanan": nlayanan, **ids}
            cursor.execute(FILL, params)
            cursor.execute(
                "SELECT min(id), max(id) FROM dukcapil_berkas WHERE nomor_registrasi >= %s", [f"KIN-{lo:08d}"]
            )
            first, last = cursor.fetchone()
            cursor.execute(CARDS, {"ct": ct, "lo": first, "hi": last, **ids})
            cursor.execute(ITEMS, {"ct": ct, "lo": first, "hi": last})
        print(f"  {hi:>9} berkas ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dukcapil_berkas; ANALYZE dukcapil_kartukendali; ANALYZE dukcapil_workitem")


def build_rekap() -> None:
    """Roll up every past day of the data not rolled up yet (as the backfill command does), timed."""
    from django.db import connection
    from django.utils import timezone

    from dukcapil.kinerja.rekap import hari_live
    from dukcapil.kinerja.services import rekap_hitung

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(dibuat_pada) FROM dukcapil_berkas")
        first = cursor.fetchone()[0]
    if first is None:
        return
    kemarin = timezone.localdate() - timedelta(days=1)
    hari = hari_live(timezone.localdate(first), kemarin, berkas=True)
    started = time.perf_counter()
    done = rekap_hitung(hari=[d for d in hari if d <= kemarin])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE kinerja_rekapberkas; ANALYZE kinerja_rekapkartu; ANALYZE kinerja_rekappengembalian")
        cursor.execute("SELECT (SELECT count(*) FROM kinerja_rekapberkas), (SELECT count(*) FROM kinerja_rekapkartu)")
        rb, rk = cursor.fetchone()
    print(f"rekap: {done} hari dihitung dalam {time.perf_counter() - started:.1f} s "
          f"(rekap_berkas={rb} baris, rekap_kartu={rk} baris)", flush=True)  # fmt: skip


def dashboards():
    from django.utils import timezone

    from dukcapil.kinerja import selectors as sel
    from dukcapil.kinerja.tables import TABEL, dashboard
    from dukcapil.models import Bidang

    today = timezone.localdate()
    bulan = (today.replace(day=1), today)
    setahun = (today - timedelta(days=365), today)
    pendaftaran = (Bidang.objects.get(kode="pendaftaran").pk,)

    def page(p):
        def run():
            dashboard(p)
            sel.terlambat_jumlah(p)

        return run

    def late(p, per_bidang=False):
        def run():
            if per_bidang:
                sel.terlambat_per_bidang(p)
            else:
                sel.terlambat_jumlah(p)
                sel.terlambat(p, limit=50)

        return run

    return {
        "kadis_bulan_ini": page(sel.Periode(*bulan)),
        "kabid_bulan_ini": page(sel.Periode(*bulan, pendaftaran)),
        "kadis_12_bulan": page(sel.Periode(*setahun)),
        "kabid_12_bulan": page(sel.Periode(*setahun, pendaftaran)),
        "terlambat_kadis_per_bidang": late(sel.Periode(*bulan), per_bidang=True),
        "terlambat_kabid": late(sel.Periode(*bulan, pendaftaran)),
        "statistik_bulan_ini": lambda: TABEL["statistik"].rows(sel.Periode(*bulan)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--berkas", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    ensure_database(args.berkas, args.rebuild)
    build_rekap()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM dukcapil_berkas), (SELECT count(*) FROM dukcapil_kartukendali)")
        berkas, kartu = cursor.fetchone()
    print(f"berkas={berkas} kartu_kendali={kartu}")
    worst = 0.0
    boards = dashboards()
    for name, run in boards.items():
        run()  # warm the cache once
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        worst = max(worst, p95)
        print(f"{name:<28} p50={statistics.median(times):8.1f} ms  p95={p95:8.1f} ms")
    print(f"worst_dashboard_p95_ms={worst:.0f} dashboards={len(boards)}")


if __name__ == "__main__":
    main()
