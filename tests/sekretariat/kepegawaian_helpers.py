"""Employees for the kepegawaian tests: NIPs built from the birth date and TMT CPNS they encode."""

from datetime import date

import pytest

from sekretariat import kepegawaian_data
from sekretariat.models import Golongan, Jabatan, Pegawai


def make_nip(lahir: date, tmt: str = "201001", sex: int = 1, seq: int = 1) -> str:
    return f"{lahir:%Y%m%d}{tmt}{sex}{seq:03d}"


def pegawai(nama: str, *, lahir=date(1980, 5, 12), tmt_cpns="200503", seq=1, golongan="III/a", jabatan="Kepala Seksi",
            **kw) -> Pegawai:  # fmt: skip
    tmt = date(int(tmt_cpns[:4]), int(tmt_cpns[4:]), 1)
    data = dict(
        nip=make_nip(lahir, tmt_cpns, 1, seq),
        nama=nama,
        tanggal_lahir=lahir,
        jenis_kelamin="L",
        status="pns",
        tmt_cpns=tmt,
        golongan=Golongan.objects.get(kode=golongan),
        tmt_pangkat=date(2020, 4, 1),
        jabatan=Jabatan.objects.get(nama=jabatan),
        tmt_jabatan=date(2021, 1, 4),
        unit="Sekretariat",
        tmt_kgb=date(2025, 4, 1),
        tingkat_pendidikan=60,
    )
    data.update(kw)
    return Pegawai.objects.create(**data)


@pytest.fixture
def data_kepegawaian(db):
    """Golongan and jabatan (the migration's rows; loaded again after a transactional test flushed them)."""
    kepegawaian_data.load()
