"""A Surabaya-size day at the counter: every berkas through every step, documents signed by workers.

    .venv/bin/python bench/day.py [--berkas 5000] [--workers 1,2] [--detail]

For each worker count N, on a fresh database ``dukcapil_day``: the register is seeded (families
as migrated from SIAK), then ``--berkas`` berkas in the office's service mix (KK 35 %, KTP-el 25 %,
akta kelahiran 15 %, KIA 10 %, pindah 10 %, akta kematian 5 %) go through the services as the
real roles would do it, in N processes: registration at the loket, the operator's entry, entri
selesai, verifikasi (Kasi), validasi (Kabid); the Kadis signs them in batches of 500 as they come,
and N Celery worker processes on Redis render, sign (PAdES) and store every document; each berkas is
then handed over at the pickup desk. Kartu kendali, work items and history are written as in
production. Prints, per run, transitions per second, documents per second, p95 latency of a
service call, queries per transition (those the services make, the bench's own lookups left out),
the wall time of the day, and the scaling
from the first to the last worker count; ends with one line
``wall_s=… transitions=… documents=… p95_transition_ms=… queries_per_transition=…`` (the last run).
Goal (issue: performance): the day in ≤ 10 minutes on 2 cores, ≤ 10 queries per transition.
"""

import argparse
import functools
import multiprocessing
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get("DAY_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dukcapil_day")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("TTE_DIR", str(ROOT / "var" / "bench-tte"))
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/12")
PASSPHRASE = "bench-day-passphrase"
MIX = [("kk", 35), ("ktp-el", 25), ("akta-kelahiran", 15), ("kia", 10), ("skpwni", 10), ("akta-kematian", 5)]
KK_OFFSET = 5000  # KK baru family indexes, apart from the register's (pendaftaran.demo.REGISTER_OFFSET + i)
CAPIL = {"akta-kelahiran", "akta-kematian"}


def wide_niks() -> None:
    """The demo's families number their NIKs index × 10 in four digits (up to family 999); a day
    needs thousands: past 9999 the sequence moves to another kecamatan code (21kk01…)."""
    from dukcapil import demo

    original = demo.make_nik

    def make_nik(tanggal_lahir, jenis_kelamin, seq, wilayah=demo.WILAYAH):
        if seq >= 10_000:
            wilayah, seq = f"21{10 + seq // 10_000:02d}01", seq % 10_000
        return original(tanggal_lahir, jenis_kelamin, seq, wilayah)

    demo.make_nik = make_nik


def plan(total: int) -> list[tuple[str, int]]:
    """(service, index) for the day, the services interleaved as they arrive at the counter."""
    counts = {kode: total * share // 100 for kode, share in MIX}
    counts["kk"] += total - sum(counts.values())
    queue, seen = [], dict.fromkeys(counts, 0)
    while len(queue) < total:
        for kode, _ in MIX:
            if seen[kode] < counts[kode]:
                queue.append((kode, seen[kode]))
                seen[kode] += 1
    return queue


def fresh_database() -> None:
    """A new database for the run, copied from a migrated template (made once: migrating takes minutes)."""
    import psycopg

    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
    template = f"{name}_template"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
            wip = f"{template}_wip"  # renamed only once migrated: a failed run leaves no half template
            conn.execute(f'DROP DATABASE IF EXISTS "{wip}"')
            conn.execute(f'CREATE DATABASE "{wip}"')
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--verbosity", "0", "--skip-checks"],
                cwd=ROOT,
                env={**os.environ, "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + wip},
                check=True,
            )
            conn.execute(f'ALTER DATABASE "{wip}" RENAME TO "{template}"')
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def setup(total: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from dukcapil.catalogue import load_office
    from dukcapil.demo import ensure_users
    from dukcapil.tte.services import install_dev_certificate
    from pendaftaran.demo import seed_register
    from pendaftaran.models import StokBlangko

    wide_niks()
    call_command("migrate", verbosity=0)
    for slug in settings.SOP_FALLBACK_OFFICES:  # as the demo office: the layanan Bintan's SOPs lack
        if slug != settings.OFFICE_SLUG:
            load_office(slug=slug, activate=False)
    load_office(slug=settings.OFFICE_SLUG)
    users = ensure_users()
    install_dev_certificate(user=users["kadis"], passphrase=PASSPHRASE, nama="Kepala Dinas Bench")
    families = sum(total * share // 100 for kode, share in MIX if kode != "kk") + 10
    seed_register(families=families, ktp_el=total, kia=total)
    StokBlangko.objects.update(jumlah=total)


def _families():
    from pendaftaran.models import Keluarga

    return list(Keluarga.objects.order_by("pk").values_list("pk", flat=True))


def _letters(index: int) -> str:
    """A name part from a number (names take letters only): 12 → «BC»."""
    return "".join(chr(65 + int(d)) for d in str(index))


def _entry(kode: str, index: int, keluarga_id: int, users: dict):
    """Register one berkas and enter its data as the operator; the berkas."""
    from django.utils import timezone

    from dukcapil.demo import enter_family, make_nik, register_at_counter, register_family
    from pendaftaran.layanan import permohonan_update
    from pendaftaran.models import Keluarga, Penduduk

    if kode == "kk":
        berkas = register_family(KK_OFFSET + index, users)
        enter_family(berkas, KK_OFFSET + index, users)
        return berkas
    keluarga = Keluarga.objects.get(pk=keluarga_id)
    kepala = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    istri = keluarga.anggota.filter(hubungan="ISTRI").first()
    suffix = "_capil" if kode in CAPIL else ""
    loket, operator = users["loket" + suffix], users["operator" + suffix]
    if kode == "ktp-el":
        berkas = register_at_counter("ktp-el-cetak", kepala, user=loket)
        data = {"catatan_cek_data": "Data SIAK dan perekaman cocok"}
    elif kode == "kia":
        born = timezone.localdate() - timedelta(days=4 * 365 + index % 300)
        child = Penduduk.objects.create(
            nik=make_nik(born, "P", 5000 + index), keluarga=keluarga, hubungan="ANAK", urutan=9,
            nama="ANAK " + _letters(index),
            jenis_kelamin="P", tempat_lahir="BINTAN", tanggal_lahir=born, agama="ISLAM",
            pendidikan="TIDAK/BELUM SEKOLAH", pekerjaan="BELUM/TIDAK BEKERJA", status_perkawinan="BELUM KAWIN",
            nama_ayah=kepala.nama, nama_ibu=istri.nama if istri else "-", no_akta_kelahiran=f"2102-LT-{index:06d}",
        )  # fmt: skip
        berkas = register_at_counter("kia", child, user=loket)
        data = {"no_akta_kelahiran": child.no_akta_kelahiran}
    elif kode == "akta-kelahiran":
        berkas = register_at_counter("akta-kelahiran", kepala, user=loket)
        data = {
            "nama_anak": "BAYI " + _letters(index), "jenis_kelamin": "L", "tempat_lahir": "BINTAN",
            "tanggal_lahir": (timezone.localdate() - timedelta(days=10)).isoformat(), "pukul": "08:15", "anak_ke": 2,
            "penolong": "BIDAN/PERAWAT", "nik_ibu": istri.nik, "nik_ayah": kepala.nik, "nomor_kk": keluarga.nomor_kk,
            "nik_anak": "", "saksi_1": "HENDRA", "saksi_2": "YANTI",
        }  # fmt: skip
    elif kode == "akta-kematian":
        berkas = register_at_counter("akta-kematian", istri, user=loket)
        data = {
            "nik_jenazah": kepala.nik, "tanggal_kematian": (timezone.localdate() - timedelta(days=2)).isoformat(),
            "tempat_kematian": "RSUD BINTAN", "sebab_kematian": "SAKIT", "yang_menerangkan": "DOKTER",
            "nomor_surat_kematian": f"SKM/{index}/2026", "saksi_1": "A", "saksi_2": "B",
        }  # fmt: skip
    else:  # skpwni: the whole family moves out
        berkas = register_at_counter("skpwni", kepala, user=loket)
        niks = list(keluarga.anggota.values_list("nik", flat=True))
        data = {
            "alasan_pindah": "PEKERJAAN", "klasifikasi": "ANTAR PROVINSI",
            "jenis_kepindahan": "KEPALA KELUARGA DAN SELURUH ANGGOTA KELUARGA", "tujuan_alamat": "JL. MERDEKA NO. 1",
            "tujuan_rt": "001", "tujuan_rw": "003", "tujuan_desa": "SUKAJADI", "tujuan_kecamatan": "SUKAJADI",
            "tujuan_kabupaten": "KOTA SURABAYA", "tujuan_provinsi": "JAWA TIMUR",
            "tanggal_pindah": timezone.localdate().isoformat(),
        }  # fmt: skip
        permohonan_update(berkas_id=berkas.pk, user=operator, data=data, nik_anggota=niks)
        return berkas
    if kode in CAPIL:
        from pencatatan_sipil.layanan import permohonan_update as capil_update

        capil_update(berkas_id=berkas.pk, user=operator, data=data)
    else:
        permohonan_update(berkas_id=berkas.pk, user=operator, data=data)
    return berkas


def drive(part: list[tuple[str, int, int]], out: multiprocessing.Queue) -> None:
    """One counter process: its share of the day up to TTE; latencies and queries of each call."""
    import django

    django.setup()
    wide_niks()

    from dukcapil.models import User

    users = {u.username: u for u in User.objects.all()}
    latencies, queries, ids = [], (0, 0, 0), []
    try:
        queries = _drive(part, users, latencies, ids)
    except Exception as exc:  # reported by the parent, which would otherwise wait for ever
        import traceback

        out.put(([], (0, 0, 0), [], traceback.format_exc()))
        raise SystemExit(1) from exc
    out.put((latencies, queries, ids, ""))


class Meter:
    """The queries of the service calls alone: every query a service makes counts (BEGIN and COMMIT
    included), the bench's own lookups (the family, its head, the layanan and its persyaratan, a KIA
    child put in the register) do not. A service called by another is counted once, in its caller."""

    def __init__(self):
        self.depth = 0
        self.queries = 0
        self.kode = ""  # the layanan of the berkas being driven
        self.by_call: dict[tuple[str, str], list[int]] = {}  # (layanan, service): [queries, calls]

    def wrap(self, fn):
        from django.db import connection

        @functools.wraps(fn)
        def call(*args, **kwargs):
            self.depth += 1
            before = len(connection.queries_log)
            try:
                return fn(*args, **kwargs)
            finally:
                self.depth -= 1
                if self.depth == 0:
                    spent = len(connection.queries_log) - before
                    self.queries += spent
                    name = kwargs.get("action") or fn.__name__
                    tally = self.by_call.setdefault((self.kode, name), [0, 0])
                    tally[0] += spent
                    tally[1] += 1

        return call


def metered() -> Meter:
    """Wrap the services the day calls (registration, the operator's entries, the transitions)."""
    from dukcapil import services
    from pencatatan_sipil import layanan as capil
    from pendaftaran import layanan
    from pendaftaran import services as kk

    meter = Meter()
    for module, name in (
        (services, "berkas_register"), (services, "berkas_transition"), (kk, "permohonan_kk_update"),
        (layanan, "permohonan_update"), (capil, "permohonan_update"),
    ):  # fmt: skip
        setattr(module, name, meter.wrap(getattr(module, name)))
    return meter


def _drive(part, users, latencies, ids) -> tuple[int, int, int]:
    """Drive the berkas of ``part`` to «tte»; the queries it took: (those of every service call,
    those of the transition service calls, the number of those calls)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    meter = metered()
    from dukcapil.services import berkas_transition

    in_transitions = calls = 0
    for kode, index, keluarga_id in part:
        suffix = "_capil" if kode in CAPIL else ""
        meter.kode = kode
        reset_queries()  # the query log keeps 9,000 entries: past them a capture would count nothing
        with CaptureQueriesContext(connection):
            started = time.perf_counter()
            berkas = _entry(kode, index, keluarga_id, users)
            latencies.append(time.perf_counter() - started)
            for action, who in (("entri-selesai", "operator"), ("verifikasi", "kasi"), ("validasi", "kabid")):
                started, before = time.perf_counter(), meter.queries
                berkas = berkas_transition(berkas_id=berkas.pk, action=action, user=users[who + suffix])
                latencies.append(time.perf_counter() - started)
                in_transitions += meter.queries - before
                calls += 1
        ids.append(berkas.pk)
    if os.environ.get("DAY_DETAIL"):
        for (kode, name), (spent, n) in sorted(meter.by_call.items()):
            print(f"  {kode:15} {name:22} {spent / n:5.1f} queries per call ({n} calls)", flush=True)
    return meter.queries, in_transitions, calls


def hand_over(ids: list[int], out: multiprocessing.Queue) -> None:
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from dukcapil import services
    from dukcapil.models import Berkas, User

    users = {u.username: u for u in User.objects.all()}
    latencies, queries, calls = [], 0, 0
    for berkas in Berkas.objects.filter(pk__in=ids, status="siap_diambil"):
        petugas = users["pengambilan_capil" if berkas.bidang.kode == "pencatatan_sipil" else "pengambilan"]
        penerima = services.PenerimaData(
            nama=berkas.pemohon_nama, nik=berkas.pemohon_nik, hubungan="sendiri", aktivasi_ktp_el=True
        )
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            services.berkas_serahkan(berkas_id=berkas.pk, user=petugas, penerima=penerima)
            latencies.append(time.perf_counter() - started)
        queries += len(ctx.captured_queries)
        calls += 1
    out.put((latencies, (queries, queries, calls), [], ""))


def in_processes(target, parts: list) -> tuple[list[float], tuple[int, ...], list[int]]:
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=target, args=(part, out)) for part in parts]
    for proc in procs:
        proc.start()
    results = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    failed = [r[3] for r in results if r[3]]
    if failed:
        raise SystemExit(f"a counter process failed:\n{failed[0]}")
    queries = tuple(sum(counts) for counts in zip(*(r[1] for r in results), strict=True))
    return [x for r in results for x in r[0]], queries, [x for r in results for x in r[2]]


def run(total: int, workers: int) -> dict:
    from django.apps import apps

    if apps.ready:  # the previous run's connection: the database is dropped and made again
        from django.db import connections

        connections.close_all()
    fresh_database()
    setup(total)
    from django.db import connections

    from dukcapil.models import Berkas, Dokumen, KartuKendali, User
    from dukcapil.tte.services import tte_batch_start

    families = _families()
    day = [(kode, index, families[n % len(families)]) for n, (kode, index) in enumerate(plan(total))]
    # each non-KK berkas takes a family of its own
    others = iter(families)
    day = [(k, i, 0 if k == "kk" else next(others)) for k, i, _ in day]
    connections.close_all()
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "dukcapil", "worker", "-l", "warning", "-c", str(workers), "-P",
         "prefork", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env={**os.environ},
    )  # fmt: skip
    try:
        started = time.perf_counter()
        latencies, queries, ids = in_processes(drive, [day[p::workers] for p in range(workers)])
        counter_done = time.perf_counter()
        kadis = User.objects.get(username="kadis")
        for i in range(0, len(ids), 500):
            tte_batch_start(user=kadis, berkas_ids=ids[i : i + 500], passphrase=PASSPHRASE)
        while Berkas.objects.filter(pk__in=ids, status__in=["tte", "cetak"]).exists():
            time.sleep(1)
        signed = time.perf_counter()
        connections.close_all()
        more, more_queries, _ = in_processes(hand_over, [ids[p::workers] for p in range(workers)])
        wall = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    latencies += more
    latencies.sort()
    transitions = KartuKendali.objects.count()
    documents = Dokumen.objects.count()
    return {
        "workers": workers,
        "wall_s": wall,
        "counter_s": counter_done - started,
        "signing_s": signed - counter_done,
        "transitions": transitions,
        "documents": documents,
        "p95_transition_ms": latencies[int(len(latencies) * 0.95)] * 1000,
        "queries_per_transition": (queries[0] + more_queries[0]) / max(transitions, 1),
        # the transition service calls alone (entri selesai, verifikasi, validasi with its register
        # changes, the handover), without registration and the operator's entry
        "queries_per_service_transition": (queries[1] + more_queries[1]) / max(queries[2] + more_queries[2], 1),
        "left": Berkas.objects.exclude(status="diserahkan").count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--berkas", type=int, default=5000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--detail", action="store_true", help="queries per service call, per layanan")
    args = parser.parse_args()
    if args.detail:
        os.environ["DAY_DETAIL"] = "1"
    results = []
    for workers in [int(w) for w in args.workers.split(",")]:
        r = run(args.berkas, workers)
        results.append(r)
        print(
            f"workers={workers}: wall {r['wall_s']:.0f} s "
            f"(counter {r['counter_s']:.0f} s, signing {r['signing_s']:.0f} s), "
            f"{r['transitions'] / r['wall_s']:.1f} transitions/s, {r['documents'] / r['wall_s']:.1f} documents/s, "
            f"p95 {r['p95_transition_ms']:.0f} ms, {r['queries_per_transition']:.2f} queries/transition "
            f"({r['queries_per_service_transition']:.1f} in a transition service call), "
            f"{r['left']} berkas not handed over",
            flush=True,
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(f"scaling {first['workers']}→{last['workers']}: {first['wall_s'] / last['wall_s']:.2f}×")
    last = results[-1]
    print(
        f"wall_s={last['wall_s']:.0f} transitions={last['transitions']} documents={last['documents']} "
        f"p95_transition_ms={last['p95_transition_ms']:.0f} queries_per_transition={last['queries_per_transition']:.2f}"
    )


if __name__ == "__main__":
    main()
