"""Reads of data pegawai: the list, the DUK in its order and the buku kendali (KGB, kenaikan
pangkat and pensiun due within three months, and overdue; MPP for whom the batas usia pensiun is
within the MPP window; KARIS/KARSU for married employees without a card number)."""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Q, QuerySet

from ..models.kepegawaian import Pegawai, StatusUsulan, UsulanKepegawaian

SIKLUS_KGB_TAHUN = 2
SIKLUS_PANGKAT_TAHUN = 4
GOLONGAN_PUNCAK = "IV/e"

# DUK (PP 15/1979, Peraturan BKN): golongan (highest first), TMT golongan (earliest first),
# jabatan, masa kerja (longest first), pendidikan and latihan jabatan (highest first), usia (oldest first).
URUTAN_DUK = ("-golongan__urutan", "tmt_pangkat", "jabatan__jenis", "tmt_cpns", "-tingkat_pendidikan", "tanggal_lahir")


def pegawai_list(*, q: str = "", status: str = "", aktif: bool = True) -> QuerySet[Pegawai]:
    qs = Pegawai.objects.filter(aktif=aktif).select_related("golongan", "jabatan")
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(
            Q(nama__icontains=q) | Q(nip__startswith=q) | Q(unit__icontains=q) | Q(jabatan__nama__icontains=q)
        )
    return qs.order_by("nama", "nip")


def duk(*, q: str = "") -> QuerySet[Pegawai]:
    """The Daftar Urut Kepangkatan of the PNS (and CPNS) in the office; PPPK are not ranked."""
    qs = Pegawai.objects.filter(aktif=True).exclude(status="pppk").select_related("golongan", "jabatan")
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q) | Q(unit__icontains=q))
    return qs.order_by(*URUTAN_DUK, "nip")


class JenisKendali:
    """Row kinds, named as the usulan they start (``JenisUsulan``)."""

    KGB = "kgb"
    PANGKAT = "pangkat"
    PENSIUN = "pensiun"
    MPP = "mpp"
    KARIS = "karis"
    KARSU = "karsu"
    LABEL = {
        KGB: "Kenaikan gaji berkala",
        PANGKAT: "Kenaikan pangkat",
        PENSIUN: "Pensiun (BUP)",
        MPP: "Masa persiapan pensiun",
        KARIS: "KARIS (kartu istri)",
        KARSU: "KARSU (kartu suami)",
    }
    # watch lists: no due date of their own, shown whatever the three-month horizon
    PANTAUAN = (MPP, KARIS, KARSU)


@dataclass(frozen=True)
class Jatuh:
    pegawai: Pegawai
    jenis: str
    tanggal: date
    lewat: bool

    @property
    def label(self) -> str:
        return JenisKendali.LABEL[self.jenis]


def kgb_berikut(pegawai: Pegawai) -> date:
    return pegawai.tmt_kgb + relativedelta(years=SIKLUS_KGB_TAHUN)


def pangkat_berikut(pegawai: Pegawai) -> date | None:
    if pegawai.golongan.kode == GOLONGAN_PUNCAK:
        return None
    return pegawai.tmt_pangkat + relativedelta(years=SIKLUS_PANGKAT_TAHUN)


def mpp_mulai(pegawai: Pegawai, mpp_bulan: int | None = None) -> date:
    """The first day the MPP may be asked for: ``KEPEGAWAIAN_MPP_BULAN`` months before the TMT pensiun."""
    bulan = settings.KEPEGAWAIAN_MPP_BULAN if mpp_bulan is None else mpp_bulan
    return pegawai.tmt_pensiun - relativedelta(months=bulan)


def buku_kendali(*, hari_ini: date, bulan: int = 3, jenis: str = "", mpp_bulan: int | None = None) -> list[Jatuh]:
    """Who is due within ``bulan`` months of ``hari_ini`` (or overdue), earliest first, and the watch
    lists: MPP (TMT pensiun within the MPP window, dated by the TMT pensiun) and KARIS/KARSU
    (married PNS/CPNS without a card number, dated by the marriage). One query."""
    batas = hari_ini + relativedelta(months=bulan)
    rows: list[Jatuh] = []
    for p in Pegawai.objects.filter(aktif=True).select_related("golongan", "jabatan"):
        pns = p.status != "pppk"
        due = {
            JenisKendali.KGB: kgb_berikut(p),
            JenisKendali.PANGKAT: pangkat_berikut(p) if pns else None,
            JenisKendali.PENSIUN: p.tmt_pensiun if pns else None,
        }
        for kind, when in due.items():
            if when and when <= batas and (not jenis or jenis == kind):
                rows.append(Jatuh(pegawai=p, jenis=kind, tanggal=when, lewat=when < hari_ini))
        pantau = {}
        if pns and mpp_mulai(p, mpp_bulan) <= hari_ini < p.tmt_pensiun:
            pantau[JenisKendali.MPP] = p.tmt_pensiun
        if pns and p.tanggal_menikah and not p.nomor_karis_karsu:
            pantau[p.jenis_kartu_pasangan] = p.tanggal_menikah
        for kind, when in pantau.items():
            if not jenis or jenis == kind:
                rows.append(Jatuh(pegawai=p, jenis=kind, tanggal=when, lewat=False))
    return sorted(rows, key=lambda r: (r.tanggal, r.pegawai.nama))


def usulan_terbuka() -> dict[tuple[int, str], UsulanKepegawaian]:
    """Open usulan by (pegawai, jenis): the buku kendali links them instead of offering a new one."""
    terbuka = UsulanKepegawaian.objects.filter(status=StatusUsulan.DIUSULKAN).select_related("naskah")
    return {(u.pegawai_id, u.jenis): u for u in terbuka}


def usulan_list(*, q: str = "", status: str = "") -> QuerySet[UsulanKepegawaian]:
    qs = UsulanKepegawaian.objects.select_related("pegawai", "naskah")
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q) | Q(nomor_sk__icontains=q))
    return qs.order_by("-dibuat", "-pk")
