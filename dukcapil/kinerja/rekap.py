"""Daily roll-ups of the kinerja figures: any period = the rolled-up days + the days read live.

Each figure is computed per day by one SQL text below (``BERKAS``, ``KARTU``, ``PENGEMBALIAN``),
grouped by day, bidang and layanan (and step, officer, reason). The same text fills the roll-up
tables (``services.rekap_hitung``: per day, delete + insert in one transaction) and computes the
live days, so rolled-up and live figures cannot disagree. Counts are sums; the durations of berkas
are kept per roll-up row as an array (one element per berkas), so median and p90 over ``unnest`` are
exact; hand-off durations as whole minutes with their counts (see ``KARTU``), median and p90 from
the cumulative counts (``percentile_cont``'s interpolation, at most 30 s off the exact value).

Which days are read live (``hari_live``):
- today, and every day of the period without a roll-up (``RekapHari``);
- a *dirty* day: the registration day of a berkas that had a kartu kendali row after that day was
  rolled up (a berkas registered on day D and finished today changes D's «selesai» and durations;
  every transition writes a kartu kendali row, so this catches every change of status).
Hand-offs (``KARTU``, ``PENGEMBALIAN``) are rolled up by the day the hand-off ended: a kartu kendali
row is never changed afterwards, so a closed day of hand-offs stays true.

When a day is rolled up again: the beat task ``kinerja.rekap_harian`` (00:30 every night) rolls up
yesterday, every day of the last ``HARI_ULANG`` days still without a roll-up, and every dirty day;
``manage.py rekap_kinerja --dari … --sampai …`` backfills a range.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from ..choices import Status
from ..models import Berkas

HARI_ULANG = 7

BERKAS = """
    SELECT (b.dibuat_pada AT TIME ZONE %(tz)s)::date AS tanggal, b.bidang_id, b.layanan_id,
           count(*) AS masuk,
           count(s.selesai_pada) AS selesai,
           count(*) FILTER (WHERE b.status = %(batal)s) AS batal,
           count(*) FILTER (WHERE b.status = %(blangko)s) AS menunggu_blangko,
           count(*) FILTER (WHERE s.selesai_pada IS NOT NULL AND b.tenggat IS NOT NULL) AS bertenggat,
           count(*) FILTER (WHERE (s.selesai_pada AT TIME ZONE %(tz)s)::date <= b.tenggat) AS tepat,
           coalesce(array_agg((extract(epoch FROM s.selesai_pada - b.dibuat_pada) / 3600)::float8)
                    FILTER (WHERE s.selesai_pada IS NOT NULL), ARRAY[]::float8[]) AS jam
      FROM dukcapil_berkas b
      -- a berkas is finished at its first hand-off into «siap diambil», never before it was registered
      LEFT JOIN LATERAL (
            SELECT min(k.waktu) AS selesai_pada FROM dukcapil_kartukendali k
             WHERE k.content_type_id = %(ct)s AND k.object_id = b.id AND k.ke_status = %(siap)s
               AND k.waktu >= b.dibuat_pada
      ) s ON true
     WHERE ({hari_b}) {where}
     GROUP BY 1, 2, 3
"""

# a hand-off's duration is counted in whole minutes (rounded: at most 30 s off, shown as minutes with
# one decimal), so a roll-up row keeps each distinct minute once with its count (``menit``,
# ``jumlah``): a year of hand-offs is a few hundred values per step or officer, not millions; «over the
# standard» (``lewat``) is counted on the exact durations
KARTU = """
    SELECT tanggal, bidang_id, layanan_id, tahap, pelaku_id, transisi, standar,
           array_agg(m ORDER BY m) AS menit, array_agg(n ORDER BY m) AS jumlah, sum(lewat)::int AS lewat
      FROM (
        SELECT (k.waktu AT TIME ZONE %(tz)s)::date AS tanggal, b.bidang_id, b.layanan_id, k.dari_status AS tahap,
               k.pelaku_id,
               CASE WHEN k.transisi IN ('accept', 'return_to_pemohon') THEN k.transisi ELSE 'lain' END AS transisi,
               (b.standar_waktu ->> k.dari_status)::float8 AS standar,
               round(extract(epoch FROM k.waktu - k.mulai) / 60)::int AS m,
               count(*)::int AS n,
               count(*) FILTER (WHERE extract(epoch FROM k.waktu - k.mulai) / 60
                                      > (b.standar_waktu ->> k.dari_status)::numeric) AS lewat
          FROM dukcapil_kartukendali k
          JOIN dukcapil_berkas b ON b.id = k.object_id
         WHERE k.content_type_id = %(ct)s AND ({hari_k}) {where}
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ) x
     GROUP BY 1, 2, 3, 4, 5, 6, 7
"""

PENGEMBALIAN = """
    WITH k AS MATERIALIZED (
        SELECT (k.waktu AT TIME ZONE %(tz)s)::date AS tanggal, b.bidang_id, b.layanan_id, k.transisi,
               k.dari_status, k.catatan, b.kategori_batal
          FROM dukcapil_kartukendali k
          JOIN dukcapil_berkas b ON b.id = k.object_id
         WHERE k.content_type_id = %(ct)s AND ({hari_k})
           AND k.transisi IN ('return_to_pemohon', 'send_back', 'cancel') {where}
    )
    SELECT tanggal, bidang_id, layanan_id, jenis, alasan, count(*) AS jumlah FROM (
        SELECT tanggal, bidang_id, layanan_id, 'pemohon' AS jenis,
               unnest(string_to_array(substring(split_part(catatan, E'\\n', 1)
                                                FROM 'Persyaratan belum lengkap: (.*)$'), '; ')) AS alasan
          FROM k WHERE transisi = 'return_to_pemohon'
        UNION ALL
        SELECT tanggal, bidang_id, layanan_id, 'perbaikan', dari_status FROM k WHERE transisi = 'send_back'
        UNION ALL
        SELECT tanggal, bidang_id, layanan_id, 'batal', kategori_batal FROM k WHERE transisi = 'cancel'
    ) alasan
    WHERE alasan IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
"""

KOLOM = {
    "kinerja_rekapberkas": "tanggal, bidang_id, layanan_id, masuk, selesai, batal, menunggu_blangko, bertenggat, "
    "tepat, jam",
    "kinerja_rekapkartu": "tanggal, bidang_id, layanan_id, tahap, pelaku_id, transisi, standar, menit, jumlah, lewat",
    "kinerja_rekappengembalian": "tanggal, bidang_id, layanan_id, jenis, alasan, jumlah",
}
SQL = {"kinerja_rekapberkas": BERKAS, "kinerja_rekapkartu": KARTU, "kinerja_rekappengembalian": PENGEMBALIAN}


def _rentang(hari: list[date]) -> list[tuple[date, date]]:
    """Consecutive days merged: [(first, day after the last), ...]."""
    out: list[list[date]] = []
    for d in sorted(set(hari)):
        if out and out[-1][1] == d:
            out[-1][1] = d + timedelta(days=1)
        else:
            out.append([d, d + timedelta(days=1)])
    return [(a, b) for a, b in out]


def sql(tabel: str, hari: list[date], where: str = "") -> tuple[str, dict]:
    """The per-day SQL of roll-up ``tabel`` over the days ``hari`` (each run of consecutive days one
    range with its bounds as parameters, so the planner sees how few rows it reads), with ``where``."""
    bounds, ranges = {}, {"b": [], "k": []}
    for i, (a, b) in enumerate(_rentang(hari)):
        bounds[f"hari_{i}_a"] = timezone.make_aware(datetime.combine(a, time.min))
        bounds[f"hari_{i}_b"] = timezone.make_aware(datetime.combine(b, time.min))
        for alias, col in (("b", "b.dibuat_pada"), ("k", "k.waktu")):
            ranges[alias].append(f"{col} >= %(hari_{i}_a)s AND {col} < %(hari_{i}_b)s")
    text = SQL[tabel].format(
        where=where, hari_b=" OR ".join(ranges["b"]) or "false", hari_k=" OR ".join(ranges["k"]) or "false"
    )
    return text, bounds


def params(hari: list[date], **extra) -> dict:
    return {
        "hari": hari,
        "tz": timezone.get_current_timezone_name(),
        "ct": ContentType.objects.get_for_model(Berkas).pk,
        "siap": Status.SIAP_DIAMBIL,
        "batal": Status.DIBATALKAN,
        "blangko": Status.MENUNGGU_BLANGKO,
        **extra,
    }


def _hari_antara(dari: date, sampai: date) -> list[date]:
    return [dari + timedelta(days=i) for i in range((sampai - dari).days + 1)]


def hari_live(dari: date, sampai: date, *, berkas: bool) -> list[date]:
    """The days of [dari, sampai] read live: today and later, days without a roll-up, and (for the
    berkas figures, ``berkas=True``) the dirty days (see the module docstring). One query (two with
    ``berkas``)."""
    today = timezone.localdate()
    semua = _hari_antara(dari, sampai)
    lalu = [d for d in semua if d < today]
    if not lalu:
        return semua
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT array_agg(d) FILTER (WHERE h.tanggal IS NULL), min(h.dihitung_pada)
                 FROM unnest(%(hari)s::date[]) d LEFT JOIN kinerja_rekaphari h ON h.tanggal = d""",
            params(lalu),
        )
        kosong, sejak = cursor.fetchone()
        live = set(kosong or [])
        if berkas and sejak is not None:
            # the oldest roll-up's time as a value, so the planner reads the kartu kendali index from it
            cursor.execute(
                """SELECT DISTINCT h.tanggal
                     FROM dukcapil_kartukendali k
                     JOIN dukcapil_berkas b ON b.id = k.object_id
                     JOIN kinerja_rekaphari h ON h.tanggal = (b.dibuat_pada AT TIME ZONE %(tz)s)::date
                    WHERE k.content_type_id = %(ct)s AND k.waktu >= %(sejak)s AND k.waktu >= h.dihitung_pada
                      AND h.tanggal = ANY(%(hari)s::date[])""",
                params(lalu, sejak=sejak),
            )
            live |= {row[0] for row in cursor.fetchall()}
    return sorted(live | {d for d in semua if d >= today})
