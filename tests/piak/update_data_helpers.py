"""Builders for the update data tests: PIAK's officers, outsiders, a request through the service."""

import pytest

from dukcapil.choices import Role
from piak.services import update_data as svc
from tests.factories import staff

from .gangguan_helpers import report_pdf


@pytest.fixture(name="upd")
def update_data_team(catalogue, warga):
    """PIAK's ADB, Kasi and Kabid, a Kasi of Pendaftaran and a counter officer; a person of the register."""
    from pendaftaran.models import Penduduk

    return {
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar", last_name="ADB"),
        "kasi": staff(Role.KASI, bidang="piak", first_name="Rudi", last_name="Kasi PIAK"),
        "kabid": staff(Role.KABID, bidang="piak", first_name="Wulan", last_name="Kabid PIAK"),
        "kasi_dafduk": staff(Role.KASI, bidang="pendaftaran", first_name="Hendra", last_name="Kasi Dafduk"),
        "loket": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Lia", last_name="Loket"),
        "person": Penduduk.objects.exclude(keluarga=None).order_by("pk").first(),
    }


def terima(user, nik: str, *, email: str = "", bukti=None, jenis: str = "biodata_beda"):
    data = svc.PermohonanData(
        kanal="kantor", nik=nik, nama_pemohon="Siti Aminah", telepon="0812-1111-2222", email=email,
        jenis_masalah=jenis, uraian="Tanggal lahir di pusat berbeda dengan KK.", bukti=bukti,
    )  # fmt: skip
    return svc.update_data_terima(user=user, data=data)


__all__ = ["report_pdf", "terima", "update_data_team"]
