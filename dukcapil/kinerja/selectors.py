"""Figures of service performance, each one SQL aggregate (no berkas is loaded into Python).

A berkas is *masuk* in the period it was registered (``dibuat_pada``) and *selesai* when its
document was finished (its first kartu kendali row into «siap diambil»). It is *tepat waktu* when it
was finished on or before its ``tenggat``: the registration day plus the Standar Pelayanan's jangka
waktu in hari kerja, counted with the office calendar (``dukcapil.hari_kerja``) when the berkas was
registered. Step times are the kartu kendali rows that *ended* in the period: the time from the
record entering the step (``mulai``) to its hand-off (``waktu``), against the SOP minutes copied
onto the berkas at registration (``standar_waktu[dari_status]``). Durations are elapsed time
(nights and weekends included); the SOP minutes are working minutes, so a step that spans a night
reads as late: the share «melewati standar» is an upper bound, the tenggat-based on-time share is
exact in hari kerja.

Scope: ``Aksi.LIHAT_KINERJA`` in the permissions table (the Kadis and the Sekretariat every bidang,
the Kabid and the Kasi their own).
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from ..choices import KategoriBatal, Status
from ..models import Berkas, Bidang, Layanan
from ..workflow.permissions import TABLE, Aksi, Lingkup, grants
from . import rekap

TOLAK = "Peran Anda tidak berwenang melihat kinerja layanan."
STATUS_LABEL = dict(Status.choices)
BATAL_LABEL = dict(KategoriBatal.choices)


def bidang_scope(user) -> tuple[int, ...] | None:
    """The bidang whose figures the user may see (None: every bidang); PermissionDenied without the grant."""
    g = grants(user)
    if g.superuser:
        return None
    scope = g.scopes.get(Aksi.LIHAT_KINERJA)
    if scope is None:
        raise PermissionDenied(TOLAK)
    if scope is Lingkup.KANTOR or g.bidang_id is None:
        return None
    return (g.bidang_id,)


def boleh_lihat(user) -> bool:
    return grants(user).allows(Aksi.LIHAT_KINERJA)


@dataclass(frozen=True)
class Periode:
    """What a dashboard shows: a date range (inclusive), optionally one layanan, within the bidang seen."""

    dari: date
    sampai: date
    bidang_ids: tuple[int, ...] | None = None  # None: every bidang
    layanan_id: int | None = None

    @property
    def mulai(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.dari, time.min))

    @property
    def akhir(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.sampai + timedelta(days=1), time.min))


def _ct_berkas() -> int:
    return ContentType.objects.get_for_model(Berkas).pk


def _where(p: Periode, alias: str = "b") -> tuple[str, list]:
    sql, params = "", []
    if p.bidang_ids is not None:
        sql += f" AND {alias}.bidang_id = ANY(%s)"
        params.append(list(p.bidang_ids))
    if p.layanan_id is not None:
        sql += f" AND {alias}.layanan_id = %s"
        params.append(p.layanan_id)
    return sql, params


def _rows(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [c.name for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def persen(bagian: int, total: int) -> float | None:
    return None if not total else round(100.0 * bagian / total, 1)


def _num(value) -> float | None:
    return None if value is None else round(float(value), 1)


# --- per layanan ---------------------------------------------------------------------------


def _saring(p: Periode, alias: str) -> str:
    """The scope of ``p`` on a row with ``bidang_id`` and ``layanan_id`` (named parameters of ``_bagian``)."""
    sql = ""
    if p.bidang_ids is not None:
        sql += f" AND {alias}.bidang_id = ANY(%(bidang_ids)s)"
    if p.layanan_id is not None:
        sql += f" AND {alias}.layanan_id = %(layanan_id)s"
    return sql


def _bagian(p: Periode, tabel: str, *, berkas: bool = False) -> tuple[str, dict]:
    """The rows of ``p`` in the shape of roll-up ``tabel``: its rolled-up days plus the live days
    computed by the same SQL (``rekap``), as a subquery ``r`` to aggregate over."""
    live = rekap.hari_live(p.dari, p.sampai, berkas=berkas)
    select, bounds = rekap.sql(tabel, live, _saring(p, "b"))
    sql = f"""(
        SELECT {rekap.KOLOM[tabel]} FROM {tabel} r
         WHERE r.tanggal BETWEEN %(dari)s AND %(sampai)s AND r.tanggal <> ALL(%(hari)s::date[]) {_saring(p, "r")}
        UNION ALL
        ({select})
    ) r"""
    params = rekap.params(live, dari=p.dari, sampai=p.sampai, bidang_ids=list(p.bidang_ids or []),
                          layanan_id=p.layanan_id, **bounds)  # fmt: skip
    return sql, params


def ringkasan_layanan(p: Periode) -> list[dict]:
    """Per layanan: masuk, selesai, dibatalkan, dalam proses, menunggu blangko, on-time share,
    median and p90 duration (jam) of the finished ones."""
    bagian, params = _bagian(p, "kinerja_rekapberkas", berkas=True)
    sql = f"""
        WITH r AS MATERIALIZED (SELECT * FROM {bagian}),
        jumlah AS (
            SELECT layanan_id, sum(masuk) AS masuk, sum(selesai) AS selesai, sum(batal) AS batal,
                   sum(menunggu_blangko) AS menunggu_blangko, sum(bertenggat) AS bertenggat, sum(tepat) AS tepat
              FROM r GROUP BY layanan_id
        ), durasi AS (
            SELECT layanan_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY j) AS median_jam,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY j) AS p90_jam
              FROM r CROSS JOIN LATERAL unnest(r.jam) j GROUP BY layanan_id
        )
        SELECT l.kode, l.nama, j.masuk::int, j.selesai::int, j.batal::int, j.menunggu_blangko::int,
               j.bertenggat::int, j.tepat::int, d.median_jam, d.p90_jam
          FROM jumlah j JOIN dukcapil_layanan l ON l.id = j.layanan_id
          LEFT JOIN durasi d ON d.layanan_id = j.layanan_id
         ORDER BY l.nama
    """
    rows = _rows(sql, params)
    for r in rows:
        r["proses"] = r["masuk"] - r["selesai"] - r["batal"]
        r["persen_tepat"] = persen(r["tepat"], r["bertenggat"])
        r["median_jam"], r["p90_jam"] = _num(r["median_jam"]), _num(r["p90_jam"])
    return rows


def total(rows: list[dict]) -> dict:
    """The sums of ``ringkasan_layanan`` (medians do not add up: none for the total)."""
    keys = ("masuk", "selesai", "batal", "proses", "menunggu_blangko", "bertenggat", "tepat")
    out = {k: sum(r[k] for r in rows) for k in keys}
    out["persen_tepat"] = persen(out["tepat"], out["bertenggat"])
    return out


# --- kartu kendali: steps, officers, counters -----------------------------------------------


# GROUPING(layanan_id, tahap, pelaku_id, loket): a bit is set for each column a row is not grouped by
_SET_TAHAP, _SET_PETUGAS, _SET_LOKET = 0b0011, 0b1101, 0b1100


def kartu_kendali(p: Periode) -> dict[str, list[dict]]:
    """Hand-offs that ended in the period, in one scan, grouped three ways (GROUPING SETS):
    ``tahap`` per layanan and SOP step, ``petugas`` per officer (the pelaku), ``loket`` per officer
    at the counter (steps «baru» and «dikembalikan»: accepted, returned, time from opening the intake
    to the decision; no counter number is recorded, so the officer stands for the loket). Each row:
    hand-offs, median and p90 minutes (over whole minutes, see ``rekap.KARTU``), the mean SOP standard,
    how many had a standard and how many went over it."""
    bagian, params = _bagian(p, "kinerja_rekapkartu")
    kunci = "g, layanan_id, tahap, pelaku_id, loket"
    sql = f"""
        WITH e AS (
            -- the days merged first (one hash pass), so the three groupings below sort few rows
            SELECT r.layanan_id, r.tahap, r.pelaku_id, r.transisi, r.standar, x.m, sum(x.n) AS n,
                   sum(CASE WHEN x.i = 1 THEN r.lewat ELSE 0 END) AS lewat
              FROM {bagian} CROSS JOIN LATERAL unnest(r.menit, r.jumlah) WITH ORDINALITY AS x(m, n, i)
             GROUP BY 1, 2, 3, 4, 5, 6
        ), r AS MATERIALIZED (SELECT e.*, e.tahap = ANY(%(loket)s) AS loket FROM e), a AS (
            -- per group and distinct minute: how many hand-offs took it
            SELECT GROUPING(layanan_id, tahap, pelaku_id, loket) AS g, layanan_id, tahap, pelaku_id, loket, m,
                   sum(n) AS n, sum(n) FILTER (WHERE standar IS NOT NULL) AS berstandar,
                   sum(n * standar) AS standar_n, sum(lewat) AS lewat,
                   sum(n) FILTER (WHERE transisi = 'accept') AS diterima,
                   sum(n) FILTER (WHERE transisi = 'return_to_pemohon') AS dikembalikan
              FROM r
             GROUP BY GROUPING SETS ((layanan_id, tahap, m), (pelaku_id, m), (pelaku_id, loket, m))
        ), w AS (
            SELECT a.*, sum(n) OVER (PARTITION BY {kunci} ORDER BY m) AS kum,
                   sum(n) OVER (PARTITION BY {kunci}) AS total
              FROM a
        )
        -- percentile_cont over the counted minutes: the values at positions floor and ceil of f × (total − 1)
        SELECT {kunci}, sum(n)::int AS jumlah, coalesce(sum(berstandar), 0)::int AS berstandar,
               sum(standar_n) / nullif(sum(berstandar), 0) AS standar_menit, sum(lewat)::int AS lewat,
               coalesce(sum(diterima), 0)::int AS diterima, coalesce(sum(dikembalikan), 0)::int AS dikembalikan,
               max(total) AS total,
               min(m) FILTER (WHERE kum > floor(0.5 * (total - 1))) AS m50a,
               min(m) FILTER (WHERE kum > ceil(0.5 * (total - 1))) AS m50b,
               min(m) FILTER (WHERE kum > floor(0.9 * (total - 1))) AS m90a,
               min(m) FILTER (WHERE kum > ceil(0.9 * (total - 1))) AS m90b
          FROM w GROUP BY {kunci}
    """
    rows = _rows(sql, {**params, "loket": [Status.BARU, Status.DIKEMBALIKAN]})
    for r in rows:
        r["median_menit"] = _num(_antara(r["m50a"], r["m50b"], 0.5, r["total"]))
        r["p90_menit"] = _num(_antara(r["m90a"], r["m90b"], 0.9, r["total"]))
        r["standar_menit"] = _num(r["standar_menit"])
        r["persen_lewat"] = persen(r["lewat"], r["berstandar"])
    tahap = [r for r in rows if r["g"] == _SET_TAHAP]
    petugas = [r for r in rows if r["g"] == _SET_PETUGAS]
    loket = [r for r in rows if r["g"] == _SET_LOKET and r["loket"]]
    nama = dict(Layanan.objects.filter(pk__in={r["layanan_id"] for r in tahap}).values_list("pk", "nama"))
    for r in tahap:
        r["layanan"] = nama[r["layanan_id"]]
        r["tahap_label"] = STATUS_LABEL.get(r["tahap"], r["tahap"])
        r["rasio"] = (
            round(r["median_menit"] / r["standar_menit"], 2)
            if r["standar_menit"] and r["median_menit"] is not None
            else None
        )
    _nama_pelaku(petugas + loket)
    return {
        "tahap": sorted(tahap, key=lambda r: (r["layanan"], -(r["rasio"] or 0), r["tahap"])),
        "petugas": sorted(petugas, key=lambda r: (-r["jumlah"], r["petugas"])),
        "loket": sorted(loket, key=lambda r: (-r["jumlah"], r["petugas"])),
    }


def _antara(bawah, atas, f: float, total) -> float:
    """``percentile_cont(f)`` from the values at the two positions around f × (total − 1)."""
    pos = f * (int(total) - 1)
    return float(bawah) + (pos - math.floor(pos)) * (float(atas) - float(bawah))


def per_tahap(p: Periode) -> list[dict]:
    """Per layanan and SOP step: hand-offs, median and p90 minutes against the SOP's standard minutes."""
    return kartu_kendali(p)["tahap"]


def per_petugas(p: Periode) -> list[dict]:
    """Per officer (the kartu kendali's pelaku): hand-offs, median and p90 minutes, share over the standard."""
    return kartu_kendali(p)["petugas"]


def per_loket(p: Periode) -> list[dict]:
    """The counter: per petugas loket, berkas accepted and returned, and the time to decide."""
    return kartu_kendali(p)["loket"]


def _nama_pelaku(rows: list[dict]) -> None:
    from ..models import User

    users = {u.pk: u for u in User.objects.filter(pk__in={r["pelaku_id"] for r in rows if r["pelaku_id"]})}
    for r in rows:
        u = users.get(r["pelaku_id"])
        r["petugas"] = (u.get_full_name() or u.username) if u else "Sistem"


def pengembalian(p: Periode) -> list[dict]:
    """Returns by reason: each missing persyaratan of a return to the pemohon, each step that sent
    a berkas back for correction, each category of cancellation."""
    bagian, params = _bagian(p, "kinerja_rekappengembalian")
    sql = f"""
        SELECT jenis, alasan, sum(jumlah)::int AS jumlah FROM {bagian}
         GROUP BY jenis, alasan
         ORDER BY sum(jumlah) DESC, jenis, alasan
    """
    rows = _rows(sql, params)
    for r in rows:
        if r["jenis"] == "pemohon":
            r["jenis_label"], r["alasan_label"] = "Dikembalikan ke pemohon (persyaratan kurang)", r["alasan"]
        elif r["jenis"] == "perbaikan":
            r["jenis_label"] = "Dikembalikan untuk perbaikan"
            r["alasan_label"] = "dari tahap: " + STATUS_LABEL.get(r["alasan"], r["alasan"])
        else:
            r["jenis_label"], r["alasan_label"] = "Dibatalkan", BATAL_LABEL.get(r["alasan"], r["alasan"])
    return rows


# --- the late list ----------------------------------------------------------------------------


def _late_sql(p: Periode, select: str, tail: str, *, berkas: bool = False) -> tuple[str, list]:
    """``berkas``: ``select`` reads the berkas (alias b); it is joined only then or for a layanan."""
    where, params = _where(p, "w")
    if p.layanan_id is not None:  # WorkItem has no layanan: go through the berkas
        where = where.replace("w.layanan_id", "b.layanan_id")
    join = "JOIN dukcapil_berkas b ON b.id = w.object_id" if berkas or p.layanan_id is not None else ""
    sql = f"""
        SELECT {select}
          FROM dukcapil_workitem w {join}
         WHERE w.content_type_id = %s AND w.selesai_pada IS NULL
           AND (w.tenggat < %s OR w.sejak + w.standar_menit * interval '1 minute' < %s) {where}
         {tail}
    """
    now = timezone.now()
    return sql, [_ct_berkas(), timezone.localdate(now), now, *params]


def terlambat_per_bidang(p: Periode) -> list[dict]:
    """The Kadis's view: per bidang, how many open items are late and since when the oldest waits."""
    sql, params = _late_sql(p, "w.bidang_id, count(*) AS jumlah, min(w.sejak) AS tertua", "GROUP BY w.bidang_id")
    rows = _rows(sql, params)
    bidang = {b.pk: b for b in Bidang.objects.filter(pk__in={r["bidang_id"] for r in rows})}
    for r in rows:
        r["bidang"] = bidang[r["bidang_id"]]
    return sorted(rows, key=lambda r: r["bidang"].nama)


def terlambat_jumlah(p: Periode) -> int:
    sql, params = _late_sql(p, "count(*)", "")
    return _rows(sql, params)[0]["count"]


def terlambat(p: Periode, *, offset: int = 0, limit: int = 50) -> list[dict]:
    """Open items past their step's deadline or the berkas's tenggat, oldest first, with their holder."""
    sql, params = _late_sql(
        p,
        "w.id, w.aksi, w.bidang_id, w.pengguna_id, w.status, w.sejak, w.standar_menit, w.tenggat, "
        "w.sejak + w.standar_menit * interval '1 minute' AS batas_tahap, b.nomor_registrasi, b.layanan_id",
        "ORDER BY w.sejak, w.id LIMIT %s OFFSET %s",
        berkas=True,
    )
    rows = _rows(sql, [*params, limit, offset])
    _pemegang(rows)
    layanan = dict(Layanan.objects.filter(pk__in={r["layanan_id"] for r in rows}).values_list("pk", "nama"))
    today, now = timezone.localdate(), timezone.now()
    for r in rows:
        r["layanan"] = layanan[r["layanan_id"]]
        r["status_label"] = STATUS_LABEL.get(r["status"], r["status"])
        r["lewat_tahap"] = r["batas_tahap"] is not None and r["batas_tahap"] < now
        r["lewat_tenggat"] = r["tenggat"] is not None and r["tenggat"] < today
    return rows


def _pemegang(rows: list[dict]) -> None:
    """Who holds each item: the named user, or every active user whose role holds the action in the bidang."""
    from ..models import User

    aksi = {r["aksi"] for r in rows}
    peran = {a: [role.label for role, row in TABLE.items() if a in row] for a in aksi}
    labels = {label for labels in peran.values() for label in labels}
    named = {r["pengguna_id"] for r in rows if r["pengguna_id"]}
    users = list(
        User.objects.filter(is_active=True)
        .filter(groups__name__in=labels)
        .values("pk", "first_name", "last_name", "username", "bidang_id", "groups__name")
    ) if rows else []  # fmt: skip
    if named:
        users += list(
            User.objects.filter(pk__in=named).values("pk", "first_name", "last_name", "username", "bidang_id")
        )
    for r in rows:
        if r["pengguna_id"]:
            names = [u for u in users if u["pk"] == r["pengguna_id"]][:1]
        else:
            holding = []
            for u in users:
                role = u.get("groups__name")
                if role not in peran[r["aksi"]]:
                    continue
                scope = next(row[Aksi(r["aksi"])] for rl, row in TABLE.items() if rl.label == role)
                if scope is Lingkup.KANTOR or u["bidang_id"] in (None, r["bidang_id"]):
                    holding.append(u)
            names = holding
        r["pemegang"] = (
            ", ".join(sorted({f"{u['first_name']} {u['last_name']}".strip() or u["username"] for u in names}))
            or "(belum ada petugas)"
        )


# --- statistics without personal data -----------------------------------------------------------


def statistik(p: Periode) -> list[dict]:
    """Counts per layanan, kecamatan (of the pemohon in the register) and month: no name, no NIK."""
    where, params = _where(p)
    sql = f"""
        SELECT l.nama AS layanan, coalesce(nullif(kel.kecamatan, ''), '(tidak diketahui)') AS kecamatan,
               to_char(b.dibuat_pada AT TIME ZONE %s, 'YYYY-MM') AS bulan,
               count(*) AS masuk,
               count(*) FILTER (WHERE b.status IN (%s, %s)) AS selesai,
               count(*) FILTER (WHERE b.status = %s) AS batal
          FROM dukcapil_berkas b
          JOIN dukcapil_layanan l ON l.id = b.layanan_id
          LEFT JOIN pendaftaran_penduduk pd ON pd.nik = b.pemohon_nik
          LEFT JOIN pendaftaran_keluarga kel ON kel.id = pd.keluarga_id
         WHERE b.dibuat_pada >= %s AND b.dibuat_pada < %s {where}
         GROUP BY 1, 2, 3
         ORDER BY 3, 1, 2
    """
    return _rows(
        sql,
        [timezone.get_current_timezone_name(), Status.SIAP_DIAMBIL, Status.DISERAHKAN, Status.DIBATALKAN,
         p.mulai, p.akhir, *params],
    )  # fmt: skip


# --- naskah, disposisi, gangguan and pengaduan -------------------------------------------------


@dataclass(frozen=True)
class Jenis:
    """A kind of record beside the berkas: when it comes in, when it counts as closed, its deadline."""

    kode: str
    nama: str
    model: str  # app_label.Model
    masuk: str  # the column of its arrival
    selesai: str  # SQL for the time it was closed (alias r; NULL while open)
    ditutup: tuple[str, ...]  # the statuses that count as closed
    batal: tuple[str, ...] = ()  # withdrawn: neither open nor closed
    tenggat: str = "r.tenggat"  # SQL for its deadline (a date) or NULL


def _pertama_ke(statuses: tuple[str, ...]) -> str:
    """The first kartu kendali hand-off of the record into one of ``statuses`` (the model has no column)."""
    daftar = ", ".join(f"'{s}'" for s in statuses)
    return (
        "(SELECT min(k.waktu) FROM dukcapil_kartukendali k WHERE k.content_type_id = %(ct_{kode})s "
        f"AND k.object_id = r.id AND k.ke_status IN ({daftar}))"
    )


JENIS = (
    Jenis("naskah", "Naskah dinas", "sekretariat.Naskah", "dibuat_pada",
          _pertama_ke(("terbit", "terkirim", "arsip")), ("terbit", "terkirim", "arsip"), ("ditarik",)),
    Jenis("disposisi", "Disposisi", "sekretariat.Disposisi", "dibuat", "r.ditutup_pada",
          ("selesai", "diarsipkan"), tenggat="coalesce(r.batas_waktu, r.tenggat)"),
    Jenis("gangguan", "Gangguan layanan (PIAK)", "piak.Gangguan", "dilaporkan_pada", "r.selesai_pada",
          ("selesai", "dikonfirmasi")),
    Jenis("pengaduan", "Pengaduan (PIAK)", "piak.Pengaduan", "diterima_pada", "r.dijawab_pada",
          ("dijawab", "selesai")),
)  # fmt: skip


def lainnya(p: Periode) -> list[dict]:
    """Per kind in ``JENIS``, the records that came in during the period in the bidang seen: masuk,
    selesai, still open, the share closed by their own deadline (of those closed that had one), and
    the median and p90 duration (jam) to closing. One query. None for a chosen layanan (these records
    belong to no layanan)."""
    if p.layanan_id is not None:
        return []
    from django.apps import apps

    bagian, params = [], {"mulai": p.mulai, "akhir": p.akhir, "bidang_ids": list(p.bidang_ids or []),
                          "tz": timezone.get_current_timezone_name()}  # fmt: skip
    for j in JENIS:
        model = apps.get_model(j.model)
        params[f"ct_{j.kode}"] = ContentType.objects.get_for_model(model).pk
        params[f"tutup_{j.kode}"], params[f"batal_{j.kode}"] = list(j.ditutup), list(j.batal)
        bidang = " AND r.bidang_id = ANY(%(bidang_ids)s)" if p.bidang_ids is not None else ""
        bagian.append(f"""
            SELECT '{j.kode}' AS kode, r.status, {j.selesai.format(kode=j.kode)} AS selesai_pada,
                   r.{j.masuk} AS masuk_pada, {j.tenggat} AS tenggat,
                   r.status = ANY(%(tutup_{j.kode})s) AS tutup, r.status = ANY(%(batal_{j.kode})s) AS batal
              FROM {model._meta.db_table} r
             WHERE r.{j.masuk} >= %(mulai)s AND r.{j.masuk} < %(akhir)s {bidang}
        """)
    sql = f"""
        WITH r AS MATERIALIZED ({" UNION ALL ".join(bagian)})
        SELECT kode, count(*) AS masuk,
               count(*) FILTER (WHERE tutup) AS selesai,
               count(*) FILTER (WHERE NOT tutup AND NOT batal) AS terbuka,
               count(*) FILTER (WHERE tutup AND tenggat IS NOT NULL AND selesai_pada IS NOT NULL) AS bertenggat,
               count(*) FILTER (WHERE tutup AND (selesai_pada AT TIME ZONE %(tz)s)::date <= tenggat) AS tepat,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM selesai_pada - masuk_pada) / 3600)
                   FILTER (WHERE tutup) AS median_jam,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM selesai_pada - masuk_pada) / 3600)
                   FILTER (WHERE tutup) AS p90_jam
          FROM r GROUP BY kode
    """
    found = {r["kode"]: r for r in _rows(sql, params)}
    rows = []
    for j in JENIS:
        r = found.get(j.kode)
        if r is None:
            continue
        r["nama"] = j.nama
        r["persen_tepat"] = persen(r["tepat"], r["bertenggat"])
        r["median_jam"], r["p90_jam"] = _num(r["median_jam"]), _num(r["p90_jam"])
        rows.append(r)
    return rows
