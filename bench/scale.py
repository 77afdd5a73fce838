"""Staff pages, APIs and admin at the size of a big office: are they flat?

    .venv/bin/python bench/scale.py [--berkas 1000000] [--keluarga 1000000] [--reps 20]

Builds (once, with bulk SQL: a few minutes at full size) the database ``dukcapil_scale``:
``--keluarga`` families with three penduduk each, ``--berkas`` berkas (95 % handed over or
cancelled, the rest open in every state of the counter's route) with three kartu kendali rows each
and a work item for each open one. Then times each page in-process (Django test client, production
settings of ``bench/settings.py``, Redis cache) ``--reps`` times and prints p50/p95 and the number of
queries, ending with one line ``worst_staff_p95_ms=… worst_admin_p95_ms=… max_queries=…``.
Goals (issue: performance): p95 ≤ 50 ms for staff pages and APIs, ≤ 300 ms for admin, query
counts that do not grow with the data (run with a small ``--berkas`` to compare).
"""

import argparse
import os
import statistics
import sys
import time
from base64 import b64encode
from pathlib import Path
from urllib import parse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get("SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dukcapil_scale")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

NAMES = ["BUDI", "SITI", "AGUS", "DEWI", "RUDI", "NUR", "JOKO", "SRI", "HERU", "WULAN", "EKO", "RATNA", "ARIF",
         "MEGA", "YUDI", "LINDA", "FAJAR", "INDAH", "BAGUS", "PUTRI"]  # fmt: skip
SURNAMES = ["SANTOSO", "AMINAH", "SETIAWAN", "KARTIKA", "HARTONO", "HAYATI", "SUSILO", "WAHYUNI", "PRASETYO",
            "SARI", "RIYADI", "HIDAYAT", "JUWITA", "HERMAWAN", "UTAMI", "SUTRISNO", "PURNOMO", "WIJAYA"]  # fmt: skip
OPEN_STATES = ["diterima", "verifikasi", "validasi", "tte", "siap_diambil", "menunggu_blangko", "perbaikan"]


def ensure_database() -> None:
    import psycopg

    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def sql_array(words: list[str]) -> str:
    return "ARRAY[" + ",".join(f"'{w}'" for w in words) + "]"


def build(keluarga: int, berkas: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    from dukcapil.catalogue import load_office
    from dukcapil.demo import ensure_users
    from dukcapil.models import Berkas, Layanan
    from pendaftaran.models import Keluarga

    call_command("migrate", verbosity=0)
    load_office(slug="bintan")
    users = ensure_users()
    names, surnames = sql_array(NAMES), sql_array(SURNAMES)
    with connection.cursor() as cur:
        have = Keluarga.objects.count()
        if have < keluarga:
            started = time.monotonic()
            cur.execute(
                """INSERT INTO pendaftaran_keluarga (alamat, rt, rw, desa_kelurahan, kecamatan, kabupaten_kota,
                   provinsi, kode_pos, nomor_kk, aktif, dibuat_pada)
                   SELECT 'JL. SKALA ' || g, '001', '002', 'DESA ' || (g %% 50), 'KECAMATAN ' || (g %% 10), 'BINTAN',
                          'KEPULAUAN RIAU', '29151', (2102010000000000 + g)::text, true, now()
                   FROM generate_series(%s, %s) g""",
                [have + 1, keluarga],
            )
            cur.execute("SELECT min(id) FROM pendaftaran_keluarga WHERE nomor_kk::bigint > 2102010000000000")
            first = cur.fetchone()[0]
            cur.execute(
                f"""INSERT INTO pendaftaran_penduduk (nik, hubungan, urutan, nama, jenis_kelamin, tempat_lahir,
                   tanggal_lahir, agama, pendidikan, pekerjaan, golongan_darah, status_perkawinan, kewarganegaraan,
                   negara, no_paspor, no_kitap, sponsor, nama_ayah, nama_ibu, no_akta_kelahiran, status,
                   keterangan_status, perekaman_lokasi, keluarga_id, no_akta_kematian, no_akta_perkawinan)
                   SELECT (3171010000000000 + g)::text,
                          CASE g %% 3 WHEN 1 THEN 'KEPALA KELUARGA' WHEN 2 THEN 'ISTRI' ELSE 'ANAK' END, 1 + (g %% 3),
                          ({names})[1 + g %% 20] || ' ' || ({surnames})[1 + (g / 20) %% 18] || ' ' || g,
                          CASE g %% 3 WHEN 2 THEN 'P' ELSE 'L' END, 'BINTAN', date '1960-01-01' + (g %% 20000),
                          'ISLAM', 'SLTA/SEDERAJAT', 'WIRASWASTA', '-', 'KAWIN', 'WNI', '', '', '', '', '', '', '',
                          'aktif', '', '', %s + (g - 1) / 3, '', ''
                   FROM generate_series(%s, %s) g""",
                [first, have * 3 + 1, keluarga * 3],
            )
            print(f"register: {keluarga - have} keluarga, {3 * (keluarga - have)} penduduk "
                  f"in {time.monotonic() - started:.0f} s", flush=True)  # fmt: skip
        have = Berkas.objects.count()
        if have < berkas:
            started = time.monotonic()
            layanan = list(Layanan.objects.filter(aktif=True, jenis_berkas__gt="").values_list("pk", "bidang_id"))
            ids, bidang = sql_array([str(p) for p, _ in layanan]), sql_array([str(b) for _, b in layanan])
            states = sql_array(OPEN_STATES)
            cur.execute(
                f"""INSERT INTO dukcapil_berkas (nomor_registrasi, pemohon_nik, pemohon_nama, pemohon_tanggal_lahir,
                   pemohon_jenis_kelamin, pemohon_telepon, pemohon_email, status, status_sejak, persyaratan_kurang,
                   catatan, standar_waktu, dibuat_pada, dibuat_oleh_id, bidang_id, layanan_id, alur, kategori_batal)
                   SELECT 'SK-' || lpad(g::text, 8, '0'), (3171010000000000 + 1 + g %% {3 * keluarga})::text,
                          ({names})[1 + g %% 20] || ' ' || ({surnames})[1 + (g / 20) %% 18],
                          date '1980-01-01' + g %% 9000,
                          'L', '', '',
                          CASE WHEN g %% 20 = 0 THEN ({states})[1 + (g / 20) %% 7]
                               WHEN g %% 97 = 0 THEN 'dibatalkan' ELSE 'diserahkan' END,
                          now() - ((%s - g) * interval '60 seconds') + interval '2 hours',
                          '[]', '', '{{"diterima": 20, "verifikasi": 30, "validasi": 30, "tte": 15}}',
                          now() - ((%s - g) * interval '60 seconds'), %s,
                          ({bidang})[1 + g %% {len(layanan)}]::bigint, ({ids})[1 + g %% {len(layanan)}]::bigint,
                          'entri_dulu', ''
                   FROM generate_series(%s, %s) g""",
                [berkas, berkas, users["loket"].pk, have + 1, berkas],
            )
            ct = ContentType.objects.get_for_model(Berkas).pk
            cur.execute(
                """INSERT INTO dukcapil_kartukendali (transisi, dari_status, ke_status, waktu, mulai, catatan,
                   pelaku_id, content_type_id, object_id)
                   SELECT (ARRAY['accept', 'complete_entry', 'verify'])[k],
                          (ARRAY['baru', 'diterima', 'verifikasi'])[k],
                          (ARRAY['diterima', 'verifikasi', 'validasi'])[k], b.dibuat_pada + k * interval '20 minutes',
                          b.dibuat_pada + (k - 1) * interval '20 minutes', '', %s, %s, b.id
                   FROM dukcapil_berkas b CROSS JOIN generate_series(1, 3) k
                   WHERE b.id > (SELECT coalesce(max(object_id), 0) FROM dukcapil_kartukendali
                                 WHERE content_type_id = %s)""",
                [users["operator"].pk, ct, ct],
            )
            waiting = ", ".join(f"'{s}'" for s in Berkas.KOTAK_MASUK)
            inbox = " ".join(f"WHEN '{state}' THEN '{aksi}'" for state, aksi in Berkas.KOTAK_MASUK.items())
            cur.execute(
                f"""INSERT INTO dukcapil_workitem (object_id, aksi, status, sejak, bidang_id, content_type_id)
                   SELECT b.id, CASE b.status {inbox} END, b.status, b.status_sejak, b.bidang_id, %s
                   FROM dukcapil_berkas b
                   WHERE b.nomor_registrasi LIKE 'SK-%%' AND b.status IN ({waiting})
                     AND NOT EXISTS (SELECT 1 FROM dukcapil_workitem w
                                     WHERE w.content_type_id = %s AND w.object_id = b.id)""",
                [ct, ct],
            )
            took = time.monotonic() - started
            print(f"berkas: {berkas - have} with 3 kartu kendali each in {took:.0f} s", flush=True)
            # what autovacuum does after a bulk load in production: statistics, and the visibility
            # map that lets counts be read from an index alone (index-only scans)
            cur.execute("VACUUM ANALYZE")


def timed(client, method: str, url: str, reps: int, data=None, **extra) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call = getattr(client, method)
    call(url, data, **extra)  # warm
    durations, queries, status = [], 0, 0
    for _ in range(reps):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = call(url, data, **extra)
            durations.append((time.perf_counter() - started) * 1000)
        queries, status = len(ctx.captured_queries), response.status_code
    durations.sort()
    return statistics.median(durations), durations[max(0, int(len(durations) * 0.95) - 1)], queries, status


def cursor_at_middle() -> str:
    """A cursor half-way down the open berkas (a deep page)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM dukcapil_berkas WHERE status NOT IN ('diserahkan', 'dibatalkan')")
        depth = cur.fetchone()[0] // 2
        cur.execute(
            "SELECT status_sejak, id FROM dukcapil_berkas WHERE status NOT IN ('diserahkan', 'dibatalkan') "
            "ORDER BY status_sejak, id OFFSET %s LIMIT 1",
            [depth],
        )
        row = cur.fetchone()
    raw = parse.urlencode({"p": f"{row[0].isoformat()}|{row[1]}", "r": "0"})
    return b64encode(raw.encode()).decode()


def measure(reps: int) -> None:
    from django.test import Client

    from dukcapil.models import Berkas, User
    from pendaftaran.models import Keluarga, Penduduk

    def login(username: str) -> Client:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        return client

    kasi, admin = login("kasi"), Client(HTTP_HOST="127.0.0.1")
    superuser, _ = User.objects.get_or_create(username="scale_admin", defaults={"is_staff": True, "is_superuser": True})
    admin.force_login(superuser)
    person = Penduduk.objects.order_by("-id").first()
    open_berkas = Berkas.objects.filter(status="verifikasi", bidang__kode="pendaftaran").order_by("-id").first()
    month_ago = (open_berkas.dibuat_pada.date()).replace(day=1).isoformat()
    rows = []
    staff = [
        *[
            (f"kotak masuk ({u})", login(u), "get", "/kotak-masuk/", None)
            for u in ("loket", "operator", "kasi", "kabid", "kadis", "pengambilan")
        ],  # fmt: skip
        ("halaman berkas", kasi, "get", f"/berkas/{open_berkas.nomor_registrasi}/", None),
        ("API antrian, halaman 1", kasi, "get", "/api/v1/antrian/", None),
        ("API antrian, halaman dalam", kasi, "get", "/api/v1/antrian/", {"cursor": cursor_at_middle()}),
        ("API antrian ?status=verifikasi", kasi, "get", "/api/v1/antrian/", {"status": "verifikasi"}),
        ("API antrian ?status=diserahkan", kasi, "get", "/api/v1/antrian/", {"status": "diserahkan"}),
        ("API antrian ?layanan=kk", kasi, "get", "/api/v1/antrian/", {"layanan": "kk"}),
        ("API antrian ?dibuat_sejak=", kasi, "get", "/api/v1/antrian/", {"dibuat_sejak": month_ago}),
        ("API ringkasan", kasi, "get", "/api/v1/antrian/ringkasan/", None),
        ("pengambilan (siap, batal)", login("pengambilan"), "get", "/pengambilan/", None),
        ("blangko (menunggu, dipaging)", login("operator"), "get", "/pendaftaran/blangko/", None),
        ("cari NIK pemohon", kasi, "post", "/cari/", {"q": open_berkas.pemohon_nik}),
        ("cari nama pemohon", kasi, "post", "/cari/", {"q": open_berkas.pemohon_nama.split()[0] + " SANTOSO"}),
        ("database: NIK", kasi, "post", "/pendaftaran/database/", {"q": person.nik}),
        ("database: nomor KK", kasi, "post", "/pendaftaran/database/", {"q": person.keluarga.nomor_kk}),
    ]
    for name, client, method, url, data in staff:
        rows.append(("staff", name, *timed(client, method, url, reps, data)))
    status_client = Client(HTTP_HOST="127.0.0.1", REMOTE_ADDR=f"10.{os.getpid() % 250}.{int(time.time()) % 250}.1")
    body = {"nomor_registrasi": open_berkas.nomor_registrasi, "nik": open_berkas.pemohon_nik}
    rows.append(("staff", "POST /api/v1/status/", *timed(status_client, "post", "/api/v1/status/", reps, body,
                                                          content_type="application/json")))  # fmt: skip
    admin_pages = [
        ("admin berkas", "/admin/dukcapil/berkas/", None),
        ("admin berkas ?status", "/admin/dukcapil/berkas/", {"status__exact": "verifikasi"}),
        ("admin berkas cari nomor", "/admin/dukcapil/berkas/", {"q": open_berkas.nomor_registrasi}),
        ("admin penduduk", "/admin/pendaftaran/penduduk/", None),
        ("admin penduduk cari NIK", "/admin/pendaftaran/penduduk/", {"q": person.nik}),
        ("admin penduduk cari KK", "/admin/pendaftaran/penduduk/", {"q": person.keluarga.nomor_kk}),
        ("admin penduduk cari nama", "/admin/pendaftaran/penduduk/", {"q": "WULAN HIDAYAT"}),
        ("admin keluarga", "/admin/pendaftaran/keluarga/", None),
        ("admin keluarga cari KK", "/admin/pendaftaran/keluarga/", {"q": person.keluarga.nomor_kk}),
    ]
    for name, url, data in admin_pages:
        rows.append(("admin", name, *timed(admin, "get", url, reps, data)))
    print(f"\n{'':6} {'halaman':<34} {'p50 ms':>8} {'p95 ms':>8} {'query':>6} {'HTTP':>5}")
    for kind, name, p50, p95, queries, status in rows:
        print(f"{kind:6} {name:<34} {p50:8.1f} {p95:8.1f} {queries:6d} {status:5d}")
    bad = [r for r in rows if r[5] >= 400]
    if bad:
        raise SystemExit(f"error responses: {[(r[1], r[5]) for r in bad]}")
    print(f"\nberkas={Berkas.objects.count()} penduduk={Penduduk.objects.count()} keluarga={Keluarga.objects.count()}")
    worst_staff = max(r[3] for r in rows if r[0] == "staff")
    worst_admin = max(r[3] for r in rows if r[0] == "admin")
    most = max(r[4] for r in rows)
    print(f"worst_staff_p95_ms={worst_staff:.1f} worst_admin_p95_ms={worst_admin:.1f} max_queries={most}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--berkas", type=int, default=1_000_000)
    parser.add_argument("--keluarga", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    ensure_database()
    import django

    django.setup()
    build(args.keluarga, args.berkas)
    measure(args.reps)


if __name__ == "__main__":
    main()
