"""Shared checks of what staff type in: names as SIAK accepts them, plausible dates, phone numbers.

Every form that takes a person's name uses ``NamaField`` (or ``validate_nama``), every birth or
event date ``validate_tanggal_lampau``, so the counter, the entry screens and the pickup desk refuse
the same input with the same words.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

USIA_MAKSIMUM = 130  # years: an older birth or event date is a typing error
CATATAN_MAX = 1000
TELEPON_MAX = 20

# SIAK: Latin letters, spaces and . , ' -
_NAMA = re.compile(r"[A-Z .,'\-]+")
_TELEPON = re.compile(r"[0-9 +\-]+")


def validate_nama(value: str) -> str:
    """The name as SIAK stores it (upper case, single spaces), or ValidationError."""
    nama = " ".join(value.split()).upper()
    if not nama:
        raise ValidationError("Nama wajib diisi.", code="nama_kosong")
    if not _NAMA.fullmatch(nama) or not any(c.isalpha() for c in nama):
        raise ValidationError(
            "Nama hanya boleh berisi huruf latin A–Z, spasi, dan tanda . , ' - (seperti di SIAK).",
            code="nama_karakter",
        )
    return nama


class NamaField(forms.CharField):
    """A person's name: checked by validate_nama, returned upper-cased."""

    def __init__(self, *args, max_length: int = 150, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return validate_nama(value) if value else value


def batas_lampau(today: date | None = None) -> date:
    """The oldest plausible birth or event date (USIA_MAKSIMUM years back)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - USIA_MAKSIMUM)
    except ValueError:  # 29 February
        return today.replace(year=today.year - USIA_MAKSIMUM, day=28)


def masalah_tanggal_lampau(value: date, what: str = "Tanggal") -> str | None:
    """Why ``value`` cannot be a date that has happened (future or more than 130 years back)."""
    today = timezone.localdate()
    if value > today:
        return f"{what} tidak boleh setelah hari ini."
    if value < batas_lampau(today):
        return f"{what} tidak boleh lebih dari {USIA_MAKSIMUM} tahun yang lalu."
    return None


def validate_tanggal_lampau(value: date) -> None:
    problem = masalah_tanggal_lampau(value)
    if problem:
        raise ValidationError(problem, code="tanggal_di_luar_rentang")


def validate_telepon(value: str) -> None:
    if value and not _TELEPON.fullmatch(value):
        raise ValidationError("Nomor telepon hanya boleh berisi angka, spasi, + dan -.", code="telepon")


class TeleponField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TELEPON_MAX)
        super().__init__(*args, validators=[validate_telepon], **kwargs)


class CatatanField(forms.CharField):
    """A free-text note, length-limited."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", CATATAN_MAX)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
