"""Builders for the antrian tests: two lines, three lokets, counter officers, a fixed clock."""

from datetime import datetime, time
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest

from dukcapil.antrian.models import JalurAntrian, Loket
from dukcapil.choices import Role
from dukcapil.models import Bidang
from tests.factories import staff

WIB = ZoneInfo("Asia/Jakarta")
# a Tuesday without national holidays: the office is open
SELASA = datetime(2026, 11, 3, 9, 0, tzinfo=WIB)


def pada(hour: int, minute: int = 0, second: int = 0, day: datetime = SELASA) -> datetime:
    return day.replace(hour=hour, minute=minute, second=second)


@pytest.fixture
def jam():
    """The clock stands at ``SELASA`` 09:00 WIB (move it with ``jam.return_value = ...``)."""
    with patch("django.utils.timezone.now", return_value=SELASA) as mocked:
        yield mocked


@pytest.fixture
def antrian(catalogue):
    """Lines A (the defaults' Pendaftaran) and B, lokets 1–2 (Pendaftaran, line A) and 3 (Capil, line B)."""
    a = JalurAntrian.objects.get(huruf="A")
    b = JalurAntrian.objects.get(huruf="B")
    JalurAntrian.objects.filter(pk__in=[a.pk, b.pk]).update(
        kuota_harian=50, jam_buka=time(8, 0), jam_tutup=time(15, 0), aktif=True
    )
    a.refresh_from_db()
    b.refresh_from_db()
    daf, capil = Bidang.objects.get(kode="pendaftaran"), Bidang.objects.get(kode="pencatatan_sipil")
    lokets = {}
    for nomor, bidang, jalur in ((1, daf, a), (2, daf, a), (3, capil, b)):
        lokets[nomor] = Loket.objects.create(nomor=nomor, nama=f"Loket {bidang.nama}", bidang=bidang)
        lokets[nomor].jalur.set([jalur])
    return {
        "a": a,
        "b": b,
        "loket": lokets,
        "fo1": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", username="fo1", first_name="Rina"),
        "fo2": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", username="fo2", first_name="Dewi"),
        "fo_capil": staff(Role.PETUGAS_LOKET, bidang="pencatatan_sipil", username="fo_capil", first_name="Nina"),
        "operator": staff(Role.OPERATOR_SIAK, bidang="pendaftaran", username="operator1"),
        "kabid": staff(Role.KABID, bidang="pendaftaran", username="kabid1"),
    }
