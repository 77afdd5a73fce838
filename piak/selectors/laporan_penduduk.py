"""Reads of the laporan perkembangan kependudukan: the aggregates of the register (in SQL) and the
reports a user may see.

``agregat(jenis, awal, akhir)`` counts the population register as of the end of ``akhir``
(Asia/Jakarta) with a fixed number of ``values().annotate()`` / ``aggregate()`` queries, whatever
the number of persons: no person is ever loaded into Python, and the result holds counts only.

Who is counted as of the end date: born on or before it, and not removed by then. A person who
died is counted while ``tanggal_kematian`` is after the end date; a person who moved out is counted
while the register's change to «pindah» (PerubahanRegister) is dated after it; data ganda never.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from dukcapil.choices import JenisKelamin
from dukcapil.models import Dokumen
from dukcapil.workflow.permissions import Aksi, bidang_filter, can_in_bidang
from pencatatan_sipil.choices import JenisAkta
from pencatatan_sipil.models import Akta
from pendaftaran.choices import Agama, Pendidikan, StatusPenduduk, StatusPerkawinan
from pendaftaran.models import AnggotaKeluarga, Penduduk, PerubahanRegister

from ..models import JenisLaporanPenduduk, LaporanPerkembangan, StatusLaporanPenduduk

L, P = JenisKelamin.LAKI_LAKI.value, JenisKelamin.PEREMPUAN.value
PINDAH = (StatusPenduduk.PINDAH.value, StatusPenduduk.PINDAH_LN.value)
# 5-year groups 0–4 … 70–74, then 75+ (BPS/Kemendagri)
KELOMPOK_UMUR = [(f"{a}–{a + 4}", a, a + 5) for a in range(0, 75, 5)] + [("75+", 75, None)]
# the DP3AK report: children by age group
KELOMPOK_ANAK = [("0–4", 0, 5), ("5–9", 5, 10), ("10–14", 10, 15), ("15–17", 15, 18)]
PEKERJAAN_TERATAS = 10
TIDAK_DIISI = "(tidak diisi)"


def mundur_tahun(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def akhir_hari(day: date) -> datetime:
    """The first instant after ``day`` in Asia/Jakarta (an exclusive bound for datetimes)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _umur_minimal(akhir: date, umur: int) -> Q:
    """Aged at least ``umur`` whole years on ``akhir``: born on or before that many years back."""
    return Q(tanggal_lahir__lte=mundur_tahun(akhir, umur))


def _kelompok(akhir: date, groups) -> Case:
    """The age group on ``akhir`` as a SQL CASE over the birth date (youngest first)."""
    whens = [
        When(tanggal_lahir__gt=mundur_tahun(akhir, hingga), then=Value(label))
        for label, _dari, hingga in groups
        if hingga is not None
    ]
    last = groups[-1]
    return Case(*whens, default=Value(last[0] if last[2] is None else ""), output_field=CharField())


def penduduk_per(akhir: date) -> QuerySet[Penduduk]:
    """The register's population as of the end of ``akhir``."""
    batas = akhir_hari(akhir)
    pindah_sesudah = PerubahanRegister.objects.filter(penduduk=OuterRef("pk"), field="status", waktu__gte=batas).filter(
        Q(nilai_baru=PINDAH[0]) | Q(nilai_baru=PINDAH[1])
    )
    masih = (
        Q(status=StatusPenduduk.AKTIF)
        | Q(status=StatusPenduduk.MENINGGAL, tanggal_kematian__gt=akhir)
        | Q(status__in=PINDAH, pindah_sesudah=True)
    )
    return Penduduk.objects.filter(tanggal_lahir__lte=akhir).alias(pindah_sesudah=Exists(pindah_sesudah)).filter(masih)


def _per_jk(rows, key: str) -> dict[str, dict[str, int]]:
    """{group: {"L": n, "P": n, "total": n}} from (group, jenis_kelamin, n) rows."""
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        cell = out.setdefault(row[key] or TIDAK_DIISI, {L: 0, P: 0, "total": 0})
        cell[row["jenis_kelamin"]] = cell.get(row["jenis_kelamin"], 0) + row["n"]
        cell["total"] += row["n"]
    return out


def _tabel(grouped: dict[str, dict[str, int]], order: list[tuple[str, str]] | None = None) -> list[dict]:
    """Rows [{"kode", "label", "L", "P", "total"}] in the choices' order (then any other value)."""
    rows = []
    known = order or [(k, k) for k in sorted(grouped)]
    seen = set()
    for kode, label in known:
        cell = grouped.get(kode, {L: 0, P: 0, "total": 0})
        rows.append({"label": label, "L": cell[L], "P": cell[P], "total": cell["total"]})
        seen.add(kode)
    for kode in sorted(set(grouped) - seen):
        cell = grouped[kode]
        rows.append({"label": kode, "L": cell[L], "P": cell[P], "total": cell["total"]})
    return rows


def _jumlah(rows: list[dict]) -> dict[str, int]:
    return {k: sum(r[k] for r in rows) for k in (L, P, "total")}


def _by(qs, field: str) -> dict[str, dict[str, int]]:
    return _per_jk(qs.values(field, "jenis_kelamin").annotate(n=Count("pk")).order_by(), field)


def _wilayah(qs) -> list[dict]:
    rows = (
        qs.values("jenis_kelamin", kec=F("keluarga__kecamatan"), desa=F("keluarga__desa_kelurahan"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    kecamatan: dict[str, dict] = {}
    for row in rows:
        kec = kecamatan.setdefault(row["kec"] or TIDAK_DIISI, {"label": row["kec"] or TIDAK_DIISI, "desa": {}})
        desa = kec["desa"].setdefault(row["desa"] or TIDAK_DIISI, {L: 0, P: 0, "total": 0})
        desa[row["jenis_kelamin"]] += row["n"]
        desa["total"] += row["n"]
    result = []
    for name in sorted(kecamatan):
        desa_rows = [{"label": d, **kecamatan[name]["desa"][d]} for d in sorted(kecamatan[name]["desa"])]
        result.append({"label": name, **_jumlah(desa_rows), "desa": desa_rows})
    return result


def _pekerjaan(qs) -> list[dict]:
    grouped = _by(qs, "pekerjaan")
    ranked = sorted(grouped.items(), key=lambda kv: (-kv[1]["total"], kv[0]))
    rows = [{"label": k, L: v[L], P: v[P], "total": v["total"]} for k, v in ranked[:PEKERJAAN_TERATAS]]
    rest = [v for _k, v in ranked[PEKERJAAN_TERATAS:]]
    if rest:
        rows.append({"label": "Lainnya", **{k: sum(v[k] for v in rest) for k in (L, P, "total")}})
    return rows


def _umur(qs, akhir: date, groups) -> list[dict]:
    grouped = _per_jk(
        qs.annotate(kelompok=_kelompok(akhir, groups))
        .values("kelompok", "jenis_kelamin")
        .annotate(n=Count("pk"))
        .order_by(),
        "kelompok",
    )
    return _tabel(grouped, [(label, label) for label, _a, _b in groups])


def _kia_ada(akhir: date) -> Exists:
    """A KIA issued (signed, still valid) for this person's NIK by the end date."""
    return Exists(
        Dokumen.objects.filter(
            jenis="kia", nomor=OuterRef("nik"), status=Dokumen.Status.BERLAKU, dibuat_pada__lt=akhir_hari(akhir)
        )
    )


def _kepemilikan(qs, akhir: date) -> dict:
    """One aggregate query: KTP-el obligation and perekaman, akta kelahiran and KIA ownership."""
    dewasa = _umur_minimal(akhir, 17)
    wajib = dewasa | ~Q(status_perkawinan=StatusPerkawinan.BELUM_KAWIN)
    anak18 = ~_umur_minimal(akhir, 19)  # 0–18 years old
    anak17 = ~_umur_minimal(akhir, 18)  # 0–17 years old (KIA)
    akta = ~Q(no_akta_kelahiran="")
    rekam = Q(perekaman_pada__lt=akhir_hari(akhir))
    kia = Q(kia=True)
    fields = {
        "wajib_ktp": wajib,
        "wajib_ktp_rekam": wajib & rekam,
        "akta_semua": akta,
        "anak_0_18": anak18,
        "akta_0_18": anak18 & akta,
        "anak_0_17": anak17,
        "kia_0_17": anak17 & kia,
        "akta_0_17": anak17 & akta,
    }
    counts = {}
    for sex in (L, P):
        for name, cond in fields.items():
            counts[f"{name}_{sex}"] = Count("pk", filter=cond & Q(jenis_kelamin=sex))
    row = qs.annotate(kia=_kia_ada(akhir)).aggregate(**counts)
    return {name: {L: row[f"{name}_{L}"], P: row[f"{name}_{P}"], "total": row[f"{name}_{L}"] + row[f"{name}_{P}"]}
            for name in fields}  # fmt: skip


def _sex_counts(qs, field: str = "jenis_kelamin") -> dict[str, int]:
    row = qs.aggregate(l=Count("pk", filter=Q(**{field: L})), p=Count("pk", filter=Q(**{field: P})))
    return {L: row["l"], P: row["p"], "total": row["l"] + row["p"]}


def _peristiwa(awal: date, akhir: date) -> dict:
    """Births, deaths and moves within the period (persons; akta issued by this office)."""
    batas_awal, batas_akhir = akhir_hari(awal - timedelta(days=1)), akhir_hari(akhir)
    register = Penduduk.objects.exclude(status=StatusPenduduk.GANDA)
    akta = Akta.objects.filter(kantor_lain=False, dicatat_pada__gte=batas_awal, dicatat_pada__lt=batas_akhir)
    akta_row = akta.aggregate(
        lahir=Count("pk", filter=Q(jenis=JenisAkta.KELAHIRAN)), mati=Count("pk", filter=Q(jenis=JenisAkta.KEMATIAN))
    )
    pindah = PerubahanRegister.objects.filter(
        field="status", waktu__gte=batas_awal, waktu__lt=batas_akhir, penduduk__isnull=False
    ).filter(Q(nilai_baru=PINDAH[0]) | Q(nilai_baru=PINDAH[1]))
    datang = AnggotaKeluarga.objects.filter(
        permohonan__diterapkan_pada__gte=batas_awal,
        permohonan__diterapkan_pada__lt=batas_akhir,
        permohonan__berkas__layanan__kode__in=("skdwni", "skdln"),
    )
    return {
        "lahir": _sex_counts(register.filter(tanggal_lahir__gte=awal, tanggal_lahir__lte=akhir)),
        "mati": _sex_counts(
            register.filter(status=StatusPenduduk.MENINGGAL, tanggal_kematian__gte=awal, tanggal_kematian__lte=akhir)
        ),
        "pindah_keluar": _sex_counts(pindah, "penduduk__jenis_kelamin"),
        "datang": _sex_counts(datang),
        "akta_kelahiran_terbit": akta_row["lahir"],
        "akta_kematian_terbit": akta_row["mati"],
    }


def agregat(jenis: str, awal: date, akhir: date) -> dict:
    """The report's aggregate snapshot (counts only), computed in SQL as of the end of ``akhir``."""
    qs = penduduk_per(akhir)
    data: dict = {
        "jenis": jenis,
        "awal": awal.isoformat(),
        "akhir": akhir.isoformat(),
        "jumlah": _sex_counts(qs),
        "peristiwa": _peristiwa(awal, akhir),
        "kepemilikan": _kepemilikan(qs, akhir),
    }
    if jenis == JenisLaporanPenduduk.SEMESTER:
        data |= {
            "wilayah": _wilayah(qs),
            "umur": _umur(qs, akhir, KELOMPOK_UMUR),
            "agama": _tabel(_by(qs, "agama"), list(Agama.choices)),
            "pendidikan": _tabel(_by(qs, "pendidikan"), list(Pendidikan.choices)),
            "pekerjaan": _pekerjaan(qs),
            "perkawinan": _tabel(_by(qs, "status_perkawinan"), list(StatusPerkawinan.choices)),
        }
    else:  # DP3AK: women and children
        anak = qs.exclude(_umur_minimal(akhir, 18))
        data |= {
            "umur_anak": _umur(anak, akhir, KELOMPOK_ANAK),
            "anak_wilayah": [{k: r[k] for k in ("label", L, P, "total")} for r in _wilayah(anak)],
        }
    return data


# --- the reports ---------------------------------------------------------------------------


def boleh_lihat(user) -> bool:
    """Bidang PIAK (Kasi, Kabid, ADB) and the leaders who initial and sign the reports."""
    return user.is_authenticated and can_in_bidang(user, Aksi.LAPDUK_LIHAT, "piak")


def laporan_list(user) -> QuerySet[LaporanPerkembangan]:
    return LaporanPerkembangan.objects.filter(bidang_filter(user, Aksi.LAPDUK_LIHAT)).select_related("disusun_oleh")


def laporan_for(user, pk: int) -> LaporanPerkembangan:
    found = laporan_list(user).filter(pk=pk).first() if boleh_lihat(user) else None
    if found is None:
        raise Http404("Laporan tidak ditemukan.")
    return found


def laporan_timeline(laporan: LaporanPerkembangan):
    from sekretariat.selectors.surat_masuk import timeline

    return timeline(laporan, dict(StatusLaporanPenduduk.choices))
