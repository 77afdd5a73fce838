"""Shared rows of the BMD tests: the Sekretariat's people, two rooms, a barang factory."""

from decimal import Decimal

import pytest

from dukcapil.choices import Role
from sekretariat.services import bmd as svc

from ..factories import staff


@pytest.fixture(name="o")
def bmd_office(catalogue):
    sek = "sekretariat"
    people = {
        "pengurus": staff(Role.STAF, bidang=sek, first_name="Fikri", last_name="Pengurus", nip="199001012015031001"),
        "kasubag": staff(Role.KASUBAG, bidang=sek, first_name="Teguh"),
        "sekretaris": staff(Role.SEKRETARIS, bidang=sek, first_name="Ratna"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad"),
        "luar": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi"),
        "pj": staff(
            Role.KASI, bidang="pendaftaran", first_name="Hendra", last_name="Wiratama", nip="198505052010011002"
        ),
    }
    people["a"] = svc.ruangan_tambah(user=people["pengurus"], kode="R-02", nama="Ruang Umum", penanggung_jawab=None)
    people["b"] = svc.ruangan_tambah(
        user=people["pengurus"], kode="R-03", nama="Ruang Pelayanan", penanggung_jawab=people["pj"]
    )
    return people


def data_barang(**over) -> dict:
    data = {
        "kode_barang": "1.3.2.10.01.02.001",
        "nomor_register": "000001",
        "nama": "Komputer PC",
        "merk_type": "HP ProDesk 400",
        "bahan": "Logam/plastik",
        "tahun_perolehan": 2021,
        "jumlah": 1,
        "kondisi": "B",
        "harga_perolehan": Decimal("11200000"),
        "keterangan": "",
    }
    return data | over


def barang(o, ruangan="a", **over):
    return svc.barang_tambah(user=o["pengurus"], ruangan_id=o[ruangan].pk, data=data_barang(**over))
