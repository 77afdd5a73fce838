from datetime import date

import pytest

from sekretariat.models import Jabatan
from sekretariat.selectors.kepegawaian import buku_kendali, duk

from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401

pytestmark = pytest.mark.usefixtures("data_kepegawaian")


def test_the_duk_ranks_by_golongan_then_tmt_then_jabatan_masa_kerja_pendidikan_and_age():
    # given employees that differ in exactly one DUK criterion from their neighbour
    pegawai("Golongan tertinggi", seq=1, golongan="IV/a")
    pegawai("TMT golongan lebih awal", seq=2, tmt_pangkat=date(2018, 4, 1))
    pegawai("Jabatan lebih tinggi", seq=3, jabatan="Kepala Subbagian Umum dan Kepegawaian")
    pegawai("Masa kerja lebih lama", seq=4, jabatan="Pengadministrasi Perkantoran", tmt_cpns="200001")
    pegawai("Pendidikan S-2", seq=5, jabatan="Pengadministrasi Perkantoran", tingkat_pendidikan=70)
    pegawai("Lebih tua", seq=6, jabatan="Pengadministrasi Perkantoran", lahir=date(1975, 1, 2))
    pegawai("Paling akhir", seq=7, jabatan="Pengadministrasi Perkantoran")
    pegawai("PPPK tidak masuk DUK", seq=8, status="pppk")
    # when / then
    assert [p.nama for p in duk()] == [
        "Golongan tertinggi",
        "TMT golongan lebih awal",
        "Jabatan lebih tinggi",
        "Masa kerja lebih lama",
        "Pendidikan S-2",
        "Lebih tua",
        "Paling akhir",
    ]


def test_the_buku_kendali_lists_kgb_pangkat_and_pensiun_due_within_three_months_and_overdue():
    today = date(2026, 12, 1)
    # KGB two years after the last one: 1 Feb 2027 is within three months; 1 Apr 2027 is not
    kgb = pegawai("KGB Februari", seq=1, tmt_kgb=date(2025, 2, 1), tmt_pangkat=date(2024, 4, 1))
    pegawai("KGB April", seq=2, tmt_kgb=date(2025, 4, 1), tmt_pangkat=date(2024, 4, 1))
    # kenaikan pangkat four years after TMT pangkat: 1 Oct 2026 is overdue
    pangkat = pegawai("Pangkat lewat", seq=3, tmt_pangkat=date(2022, 10, 1), tmt_kgb=date(2026, 1, 1))
    # pensiun at 58 (pelaksana): born 10 Jan 1969 → 58 on 10 Jan 2027 → TMT pensiun 1 Feb 2027
    pensiun = pegawai("Pensiun", seq=4, lahir=date(1969, 1, 10), jabatan="Pengadministrasi Perkantoran",
                      tmt_cpns="199003", tmt_pangkat=date(2024, 4, 1), tmt_kgb=date(2026, 1, 1))  # fmt: skip
    # the same birth date as a fungsional ahli madya (BUP 60) is not due
    pegawai("Madya", seq=5, lahir=date(1969, 1, 10), jabatan="Analis Kebijakan Ahli Madya", tmt_cpns="199003",
            tmt_pangkat=date(2024, 4, 1), tmt_kgb=date(2026, 1, 1))  # fmt: skip

    rows = buku_kendali(hari_ini=today)

    assert [(r.pegawai.nama, r.jenis, r.tanggal, r.lewat) for r in rows] == [
        (pangkat.nama, "pangkat", date(2026, 10, 1), True),
        (kgb.nama, "kgb", date(2027, 2, 1), False),
        (pensiun.nama, "pensiun", date(2027, 2, 1), False),
        (pensiun.nama, "mpp", date(2027, 2, 1), False),  # the MPP watch list: BUP within a year
    ]
    assert [r.pegawai.nama for r in buku_kendali(hari_ini=today, jenis="pensiun")] == ["Pensiun"]


def test_an_edited_batas_usia_pensiun_moves_the_pension_date():
    p = pegawai("Pensiun", seq=1, lahir=date(1969, 1, 10), jabatan="Pengadministrasi Perkantoran", tmt_cpns="199003")
    assert p.tmt_pensiun == date(2027, 2, 1)
    Jabatan.objects.filter(nama="Pengadministrasi Perkantoran").update(bup=60)
    p.refresh_from_db()
    p.jabatan.refresh_from_db()
    assert p.tmt_pensiun == date(2029, 2, 1)
