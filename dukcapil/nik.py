"""NIK checks: python-stdnum for the number, plus agreement with the entered birth date and sex."""

from datetime import date

from django.core.exceptions import ValidationError
from stdnum import exceptions as stdnum_exceptions
from stdnum.id import nik as stdnum_nik

from .validators import masalah_tanggal_lampau


def clean_nik(value: str) -> str:
    try:
        return stdnum_nik.validate(value)
    except stdnum_exceptions.InvalidLength:
        raise ValidationError("NIK harus 16 digit angka.", code="nik_length") from None
    except stdnum_exceptions.InvalidFormat:
        raise ValidationError("NIK hanya boleh berisi angka.", code="nik_format") from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            "NIK tidak valid: kode wilayah atau tanggal lahir di dalam NIK tidak benar.",
            code="nik_invalid",
        ) from None


def nik_mismatches(nik: str, tanggal_lahir: date | None, jenis_kelamin: str | None) -> list[str]:
    """Compare what the NIK encodes (DDMMYY, day + 40 for women) with the entered data.

    The NIK holds a two-digit year; the century is the one that gives an age between 0 and
    USIA_MAKSIMUM years, so a birth date in the future or longer ago than that is refused.
    """
    problems: list[str] = []
    too_far = masalah_tanggal_lampau(tanggal_lahir, "Tanggal lahir") if tanggal_lahir is not None else None
    if too_far:
        problems.append(too_far)
        tanggal_lahir = None
    encoded_day = int(nik[6:8])
    encoded_sex = "P" if encoded_day > 40 else "L"
    day = encoded_day - 40 if encoded_day > 40 else encoded_day
    month, yy = int(nik[8:10]), int(nik[10:12])
    if tanggal_lahir is not None and (
        tanggal_lahir.day != day or tanggal_lahir.month != month or tanggal_lahir.year % 100 != yy
    ):
        problems.append(f"Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan {day:02d}-{month:02d}-..{yy:02d}).")
    if jenis_kelamin and jenis_kelamin != encoded_sex:
        label = "perempuan" if encoded_sex == "P" else "laki-laki"
        problems.append(f"Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan {label}).")
    return problems


def mask_nik(nik: str) -> str:
    return nik[:4] + "*" * 8 + nik[-4:] if len(nik) == 16 else "*" * len(nik)


def mask_nama(nama: str) -> str:
    """'SITI AMINAH' -> 'S*** A*****'."""
    return " ".join(part[0] + "*" * (len(part) - 1) for part in nama.split() if part)
