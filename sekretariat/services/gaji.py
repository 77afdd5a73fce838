"""State changes of the daftar gaji (Lumajang "Prosedur Penyusunan Daftar Gaji").

Steps: the Pembuat Daftar Gaji (here the Bendahara gaji) gathers the data pegawai and types the list
(steps 1–2, a day each); it is checked — the SOP's Kasubag Keuangan, here the PPK, who may return it
(step 4, 20 minutes); the Kepala Dinas as PA signs (step 5, 20 minutes). SIMDA's SPP/SPM gaji stays
in SIMDA (step 3) and the SPP register.

How a row is computed (``hitung_baris``), kept simple and honest:
- gaji pokok: the table (sekretariat.gaji_data, editable) for the golongan at the masa kerja
  golongan = whole years from TMT CPNS to the first of the month + the profil's penyesuaian; a CPNS
  gets 80% of it (PP 7/1977 as amended).
- tunjangan keluarga: istri/suami 10% of gaji pokok; anak 2% each, at most 2 anak.
- tunjangan jabatan as entered in the profil; without one, the tunjangan umum of the golongan ruang.
- IWP 10% of gaji pokok + tunjangan keluarga, shown as its two parts: 8% for Taspen (4,75% pensiun
  and 3,25% THT, PP 25/1981 and Keppres 8/1977) and 2% (the share once paid to Askes; since JKN the
  health contribution is governed by Perpres 82/2018 as amended, and the office still withholds it as
  part of the IWP 10%). The split is shown, not re-derived: if the rule in force changes, change
  ``IWP_PERSEN`` below.
- PPh 21 is entered by the Bendahara per row (TER/progressive computation is out of scope).
PPPK are not in this list: their gaji table is another Perpres (98/2020).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import User
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import record_lock

from ..models import BarisDaftarGaji, DaftarGaji, GajiPokok, Pegawai, ProfilGaji, StatusDaftarGaji, TunjanganUmum
from ..models.kepegawaian import StatusPegawai
from .keuangan import _bidang
from .spj import _act as spj_act
from .spj import _return as spj_return
from .spj import bulanan_buka, standar_waktu
from .surat_masuk import _note

SOP_SLUG = "penyusunan-daftar-gaji"
G = StatusDaftarGaji
SOP_STEP_STATUS = {2: G.KONSEP, 4: G.DIAJUKAN, 5: G.DIPERIKSA}

PERSEN_PASANGAN = Decimal("0.10")
PERSEN_ANAK = Decimal("0.02")
MAKS_ANAK = 2
PERSEN_CPNS = Decimal("0.80")
IWP_PERSEN = {"iwp_8": Decimal("0.08"), "iwp_2": Decimal("0.02")}
DALAM_DAFTAR = (StatusPegawai.PNS, StatusPegawai.CPNS)


def _rp(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class TabelGaji:
    """The gaji pokok table and tunjangan umum, read once for a whole list (two queries)."""

    gaji: dict[int, list[tuple[int, Decimal]]]  # golongan id → [(masa kerja, gaji pokok)] ascending
    umum: dict[str, Decimal]

    @classmethod
    def muat(cls) -> "TabelGaji":
        gaji: dict[int, list[tuple[int, Decimal]]] = {}
        for row in GajiPokok.objects.order_by("golongan_id", "masa_kerja"):
            gaji.setdefault(row.golongan_id, []).append((row.masa_kerja, row.gaji_pokok))
        return cls(gaji, {t.ruang: t.nilai for t in TunjanganUmum.objects.all()})

    def gaji_pokok(self, golongan_id: int, masa_kerja: int) -> tuple[int, Decimal] | None:
        cells = [c for c in self.gaji.get(golongan_id, []) if c[0] <= masa_kerja]
        return cells[-1] if cells else None


def hitung_baris(pegawai: Pegawai, profil: ProfilGaji, tabel: TabelGaji, pada: date) -> BarisDaftarGaji | str:
    """The row of ``pegawai`` for the month that starts on ``pada``, or why it cannot be computed."""
    masa_kerja = max(0, pegawai.masa_kerja(pada).years + profil.penyesuaian_mkg)
    cell = tabel.gaji_pokok(pegawai.golongan_id, masa_kerja)
    if cell is None:
        kode = pegawai.golongan.kode
        return f"{pegawai.nama_lengkap}: tabel gaji pokok belum memuat golongan {kode} masa kerja {masa_kerja}."
    ruang = pegawai.golongan.kode.split("/")[0]
    if not profil.tunjangan_jabatan and ruang not in tabel.umum:
        return f"{pegawai.nama_lengkap}: tunjangan umum golongan {ruang} belum ada di data."
    pokok = cell[1] * (PERSEN_CPNS if pegawai.status == StatusPegawai.CPNS else 1)
    pokok = _rp(pokok)
    anak = min(profil.jumlah_anak, MAKS_ANAK)
    pasangan = _rp(pokok * PERSEN_PASANGAN) if profil.pasangan else Decimal(0)
    tunj_anak = _rp(pokok * PERSEN_ANAK * anak)
    dasar_iwp = pokok + pasangan + tunj_anak
    return BarisDaftarGaji(
        pegawai=pegawai,
        nip=pegawai.nip,
        nama=pegawai.nama_lengkap,
        golongan=pegawai.golongan.kode,
        status_pegawai=pegawai.status,
        masa_kerja=masa_kerja,
        masa_kerja_tabel=cell[0],
        gaji_pokok=pokok,
        pasangan=int(profil.pasangan),
        jumlah_anak=anak,
        tunjangan_pasangan=pasangan,
        tunjangan_anak=tunj_anak,
        tunjangan_jabatan=profil.tunjangan_jabatan,
        tunjangan_umum=Decimal(0) if profil.tunjangan_jabatan else tabel.umum[ruang],
        **{field: _rp(dasar_iwp * persen) for field, persen in IWP_PERSEN.items()},
    )


def _susun_baris(daftar: DaftarGaji, pph21: dict[int, Decimal] | None = None) -> list[BarisDaftarGaji]:
    pada = date(daftar.tahun, daftar.bulan, 1)
    tabel = TabelGaji.muat()
    pegawai = Pegawai.objects.filter(aktif=True, status__in=DALAM_DAFTAR, tmt_cpns__lt=pada.replace(day=28))
    rows, errors = [], []
    for p in pegawai.select_related("golongan", "profil_gaji").order_by("-golongan__urutan", "nama"):
        profil = getattr(p, "profil_gaji", None) or ProfilGaji(pegawai=p)
        row = hitung_baris(p, profil, tabel, pada)
        if isinstance(row, str):
            errors.append(row)
            continue
        row.daftar = daftar
        row.pph21 = (pph21 or {}).get(p.pk, Decimal(0))
        rows.append(row)
    if errors:
        raise BerkasInvalid("Daftar gaji tidak dapat disusun; tidak ada yang disimpan.", fields={"bulan": errors})
    if not rows:
        raise BerkasInvalid(
            "Tidak ada pegawai PNS/CPNS aktif untuk daftar gaji.", fields={"bulan": ["Data pegawai kosong."]}
        )
    return rows


def daftar_gaji_susun(*, user: User, tahun: int, bulan: int) -> DaftarGaji:
    """The Bendahara gaji prepares the month's list from the data pegawai; a second one for the same
    month is refused."""
    bidang = _bidang()
    if not can(user, Aksi.GAJI_SUSUN, bidang.pk):
        raise BerkasForbidden("Hanya Bendahara gaji yang dapat menyusun daftar gaji.")
    if not 1 <= bulan <= 12:
        raise BerkasInvalid("Bulan tidak dikenal.", fields={"bulan": ["Pilih bulan."]})
    ada = DaftarGaji.objects.filter(tahun=tahun, bulan=bulan).first()
    if ada is not None:
        message = (
            f"Daftar gaji {ada.periode} sudah ada ({ada.get_status_display()}); satu daftar gaji untuk satu bulan."
        )
        raise BerkasInvalid(message, fields={"bulan": [message]})
    message = "Daftar gaji bulan ini sudah ada; satu daftar gaji untuk satu bulan."
    return bulanan_buka(
        DaftarGaji,
        user=user,
        bidang=bidang,
        periode=(tahun, bulan),
        standar=standar_waktu(SOP_SLUG, SOP_STEP_STATUS),
        isi=lambda daftar: BarisDaftarGaji.objects.bulk_create(_susun_baris(daftar)),
        catatan="Daftar gaji disusun dari data pegawai.",
        sudah_ada=BerkasInvalid(message, fields={"bulan": [message]}),
    )


def _konsep_terkunci(user: User, pk: int) -> DaftarGaji:
    daftar = record_lock(DaftarGaji, pk, label="Daftar gaji")
    if not can(user, Aksi.GAJI_SUSUN, daftar.bidang_id):
        raise BerkasForbidden("Hanya Bendahara gaji yang dapat mengubah daftar gaji.")
    if daftar.status != G.KONSEP:
        raise BerkasConflict(f"Daftar gaji berstatus «{daftar.get_status_display()}»: isinya tidak dapat diubah lagi.")
    return daftar


def daftar_gaji_hitung_ulang(*, user: User, pk: int) -> DaftarGaji:
    """While it is a konsep: the rows again from today's data pegawai (the PPh 21 entered is kept)."""
    with transaction.atomic():
        daftar = _konsep_terkunci(user, pk)
        pph21 = dict(daftar.baris.values_list("pegawai_id", "pph21"))
        rows = _susun_baris(daftar, pph21)
        daftar.baris.all().delete()
        BarisDaftarGaji.objects.bulk_create(rows)
    return daftar


def daftar_gaji_isi_pph21(*, user: User, pk: int, pph21: dict[int, Decimal]) -> DaftarGaji:
    """The PPh 21 per row (by row id), entered by the Bendahara gaji while it is a konsep."""
    with transaction.atomic():
        daftar = _konsep_terkunci(user, pk)
        rows = {r.pk: r for r in daftar.baris.all()}
        for row_id, value in pph21.items():
            if row_id not in rows:
                raise BerkasInvalid("Baris daftar gaji tidak dikenal.")
            if value < 0:
                raise BerkasInvalid("PPh 21 tidak boleh negatif.", fields={"pph21": ["PPh 21 tidak boleh negatif."]})
            rows[row_id].pph21 = value
        BarisDaftarGaji.objects.bulk_update(list(rows.values()), ["pph21"])
    return daftar


LABEL = {
    "ajukan": "Ajukan daftar gaji ke PPK",
    "periksa": "Setujui daftar gaji",
    "kembalikan": "Kembalikan daftar gaji",
    "tandatangani": "Tandatangani daftar gaji",
    "tolak_tandatangan": "Kembalikan daftar gaji",
}


def _act(user: User, pk: int, method: str, expected_status: str | None, note: str = "") -> DaftarGaji:
    return spj_act(DaftarGaji, user, pk, method, expected_status, note, LABEL)


def daftar_gaji_ajukan(*, user: User, pk: int, expected_status: str | None = None) -> DaftarGaji:
    return _act(user, pk, "ajukan", expected_status)


def daftar_gaji_periksa(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> DaftarGaji:
    """The PPK checked it: it goes to the PA."""
    return _act(user, pk, "periksa", expected_status, _note(catatan))


def _kembali(user: User, pk: int, method: str, catatan: str, expected_status: str | None) -> DaftarGaji:
    return spj_return(DaftarGaji, user, pk, method, catatan, expected_status, LABEL)


def daftar_gaji_kembalikan(*, user: User, pk: int, catatan: str, expected_status: str | None = None) -> DaftarGaji:
    return _kembali(user, pk, "kembalikan", catatan, expected_status)


def daftar_gaji_tandatangani(*, user: User, pk: int, expected_status: str | None = None) -> DaftarGaji:
    """The PA signs: the month's rows are final (a later change of a Pegawai does not touch them)."""
    return _act(user, pk, "tandatangani", expected_status)


def daftar_gaji_tolak_tandatangan(
    *, user: User, pk: int, catatan: str, expected_status: str | None = None
) -> DaftarGaji:
    return _kembali(user, pk, "tolak_tandatangan", catatan, expected_status)
