"""The NIP of a civil servant (PP 11/2017; Peraturan BKN 22/2007) decoded: 18 digits,
``yyyymmdd`` birth date, ``yyyymm`` TMT CPNS (for PPPK ``yyyy21``: the year of appointment and the
PPPK code), one digit for the sex (1 laki-laki, 2 perempuan) and a three-digit serial number."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

KODE_PPPK = "21"


@dataclass(frozen=True)
class NipTerurai:
    tanggal_lahir: date
    tmt_cpns: date  # first day of the month (PPPK: 1 January of the year of appointment)
    jenis_kelamin: str  # "L" or "P"
    nomor_urut: int
    pppk: bool


def urai_nip(nip: str) -> NipTerurai:
    """Decode ``nip`` or raise ValidationError with an Indonesian message saying what is wrong."""
    nip = (nip or "").replace(" ", "")
    if len(nip) != 18 or not nip.isdigit():
        raise ValidationError("NIP harus 18 angka.", code="panjang")
    try:
        lahir = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            f"NIP tidak sah: {nip[6:8]}-{nip[4:6]}-{nip[0:4]} (8 angka pertama) bukan tanggal lahir yang ada.",
            code="tanggal_lahir",
        ) from None
    tahun, bulan = int(nip[8:12]), nip[12:14]
    pppk = bulan == KODE_PPPK
    if not pppk and not 1 <= int(bulan) <= 12:
        raise ValidationError(
            f"NIP tidak sah: bulan TMT CPNS «{bulan}» (angka ke-13 dan ke-14) tidak ada.", code="tmt_cpns"
        )
    tmt = date(tahun, 1 if pppk else int(bulan), 1)
    if tahun < lahir.year + 15 or tahun > date.today().year + 1:
        raise ValidationError(
            f"NIP tidak sah: tahun TMT CPNS {tahun} tidak mungkin bagi yang lahir tahun {lahir.year}.",
            code="tmt_cpns",
        )
    if nip[14] not in "12":
        raise ValidationError("NIP tidak sah: angka ke-15 (jenis kelamin) harus 1 atau 2.", code="jenis_kelamin")
    return NipTerurai(
        tanggal_lahir=lahir,
        tmt_cpns=tmt,
        jenis_kelamin="L" if nip[14] == "1" else "P",
        nomor_urut=int(nip[15:]),
        pppk=pppk,
    )


def format_nip(nip: str) -> str:
    """The usual printed grouping: 19850512 201001 1 003."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" if len(nip) == 18 else nip
