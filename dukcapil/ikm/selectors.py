"""Reads of the IKM survey: the results of a semester (optionally one layanan) in a fixed number
of SQL aggregate queries, and who may read them (``Aksi.LIHAT_IKM`` in the permissions table)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from dukcapil.workflow.permissions import Aksi, can

from . import hitung
from .choices import RESPONDEN, UNSUR
from .models import LaporanIKM, ResponIKM

SARAN_TERBARU = 50


def boleh_lihat(user) -> bool:
    return can(user, Aksi.LIHAT_IKM)


def boleh_susun(user) -> bool:
    return can(user, Aksi.LAPORAN_IKM)


def rentang_semester(tahun: int, semester: int) -> tuple[date, date]:
    return (date(tahun, 1, 1), date(tahun, 6, 30)) if semester == 1 else (date(tahun, 7, 1), date(tahun, 12, 31))


def semester_ini(today: date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    return today.year, 1 if today.month <= 6 else 2


@dataclass
class NilaiUnsur:
    kode: str
    nama: str
    jumlah_nilai: int
    nrr: Decimal | None
    nrr_tertimbang: Decimal | None
    terendah: bool = False


@dataclass
class Indeks:
    """The index of one group of respondents (the whole office, or one layanan)."""

    judul: str
    responden: int
    unsur: list[NilaiUnsur]
    ikm_unit: Decimal | None
    ikm: Decimal | None  # converted, 25–100
    mutu: hitung.Mutu | None
    layanan_id: int | None = None

    @property
    def terendah(self) -> list[NilaiUnsur]:
        return [u for u in self.unsur if u.terendah]


def indeks(judul: str, responden: int, jumlah: dict[str, int], layanan_id: int | None = None) -> Indeks:
    """NRR per unsur, IKM and grade from the sums of the nine scores of ``responden`` answers."""
    unsur = []
    for u in UNSUR:
        value = hitung.nrr(jumlah.get(u.kode) or 0, responden)
        unsur.append(
            NilaiUnsur(
                u.kode, u.nama, jumlah.get(u.kode) or 0, value, value * hitung.BOBOT if value is not None else None
            )
        )
    if not responden:
        return Indeks(judul, 0, unsur, None, None, None, layanan_id)
    lowest = min(u.nrr for u in unsur)
    for u in unsur:
        u.terendah = u.nrr == lowest
    unit = hitung.ikm_unit([u.nrr for u in unsur])
    converted = hitung.konversi(unit)
    return Indeks(judul, responden, unsur, unit, converted, hitung.mutu(converted), layanan_id)


@dataclass
class Hasil:
    tahun: int
    semester: int
    awal: date
    akhir: date
    kantor: Indeks
    per_layanan: list[Indeks]
    komposisi: list[tuple[str, list[tuple[str, int]]]]  # (fact, [(label, count)])
    saran: list[ResponIKM] = field(default_factory=list)
    layanan_nama: str = ""

    @property
    def periode(self) -> str:
        return f"Semester {'I' * self.semester} {self.tahun}"


def _sums() -> dict:
    return {u.kode: Sum(u.kode) for u in UNSUR}


def hasil(tahun: int, semester: int, layanan_id: int | None = None, *, saran: bool = True) -> Hasil:
    """Three queries: the sums per layanan (the office's index is their total), the respondent
    composition as one conditional aggregate, and the latest suggestions."""
    awal, akhir = rentang_semester(tahun, semester)
    rows = ResponIKM.objects.filter(tanggal__range=(awal, akhir))
    if layanan_id:
        rows = rows.filter(layanan_id=layanan_id)
    groups = list(
        rows.values("layanan_id", "layanan__nama").annotate(n=Count("pk"), **_sums()).order_by("layanan__nama")
    )
    total = {u.kode: sum(g[u.kode] or 0 for g in groups) for u in UNSUR}
    n = sum(g["n"] for g in groups)
    per_layanan = [indeks(g["layanan__nama"], g["n"], g, g["layanan_id"]) for g in groups]
    nama = per_layanan[0].judul if layanan_id and per_layanan else ""
    kantor = indeks(nama or "Seluruh layanan", n, total, layanan_id)

    counts = rows.aggregate(
        **{
            f"{name}__{value}": Count("pk", filter=Q(**{name: value}))
            for name, _label, choices in RESPONDEN
            for value in choices.values
        }
    )
    komposisi = [
        (label, [(choice_label, counts[f"{name}__{value}"] or 0) for value, choice_label in choices.choices])
        for name, label, choices in RESPONDEN
    ]
    daftar_saran = []
    if saran:
        daftar_saran = list(
            rows.exclude(saran="").select_related("layanan").only("waktu", "saran", "layanan__nama")[:SARAN_TERBARU]
        )
    return Hasil(tahun, semester, awal, akhir, kantor, per_layanan, komposisi, daftar_saran, nama)


# --- the snapshot kept on a LaporanIKM (numbers as strings, so the JSON keeps them exact) ----------


def _indeks_json(i: Indeks) -> dict:
    return {
        "judul": i.judul,
        "responden": i.responden,
        "unsur": [
            {"kode": u.kode, "nama": u.nama, "nrr": str(u.nrr) if u.nrr is not None else None, "terendah": u.terendah}
            for u in i.unsur
        ],
        "ikm_unit": str(i.ikm_unit) if i.ikm_unit is not None else None,
        "ikm": str(i.ikm) if i.ikm is not None else None,
        "mutu": i.mutu.huruf if i.mutu else None,
        "mutu_label": i.mutu.label if i.mutu else None,
    }


def snapshot(h: Hasil) -> dict:
    return {
        "kantor": _indeks_json(h.kantor),
        "per_layanan": [_indeks_json(i) for i in h.per_layanan],
        "komposisi": [[label, [[c, n] for c, n in rows]] for label, rows in h.komposisi],
        "saran": [s.saran for s in h.saran],
    }


def laporan_list():
    return LaporanIKM.objects.select_related("naskah", "dibuat_oleh").order_by("-tahun", "-semester")
