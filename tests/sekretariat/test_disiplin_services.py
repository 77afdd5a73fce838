"""Disiplin: the ladder teguran lisan → SP I → SP II → SP III in order, each written warning a naskah."""

from datetime import date

import pytest

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden
from sekretariat import disiplin_data, naskah_data
from sekretariat.models import LangkahDisiplin, Naskah
from sekretariat.services import disiplin as svc

from ..factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def orang(catalogue):
    naskah_data.load()  # idempotent: a transactional test may have flushed the seed rows
    disiplin_data.load()
    return {
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", nip="198001012005011001"),
        "pegawai": staff(
            Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Lalai", nip="199101012019031001"
        ),
    }


def step(orang, kasus, tingkat, day=1):
    return svc.disiplin_langkah(
        user=orang["kasubag"],
        kasus_pk=kasus.pk,
        tingkat=tingkat,
        tanggal=date(2026, 11, day),
        pelanggaran="Alpa 5 hari",
    )


def test_the_ladder_is_climbed_in_order_and_each_sp_is_a_naskah(orang):
    kasus = svc.disiplin_buka(user=orang["kasubag"], pegawai_id=orang["pegawai"].pk)

    with pytest.raises(BerkasConflict, match="Langkah berikutnya: Teguran lisan"):
        step(orang, kasus, "sp1")
    lisan = step(orang, kasus, "lisan")
    assert lisan.naskah is None
    with pytest.raises(BerkasConflict, match="Langkah berikutnya: Surat Peringatan I\\."):
        step(orang, kasus, "sp2")
    with pytest.raises(BerkasConflict, match="Langkah berikutnya: Surat Peringatan I\\."):
        step(orang, kasus, "lisan")  # a step is recorded once
    sp1 = step(orang, kasus, "sp1", day=10)
    assert sp1.naskah.jenis.kode == "surat-peringatan" and sp1.naskah.status == "konsep"
    assert sp1.naskah.hal == "Surat Peringatan I a.n. Dodi Lalai" and "Alpa 5 hari" in sp1.naskah.isi
    step(orang, kasus, "sp2", day=20)
    step(orang, kasus, "sp3", day=25)
    with pytest.raises(BerkasConflict, match="tingkat terakhir"):
        step(orang, kasus, "sp3")
    assert list(LangkahDisiplin.objects.filter(kasus=kasus).order_by("tanggal").values_list("tingkat", flat=True)) == [
        "lisan", "sp1", "sp2", "sp3",
    ]  # fmt: skip
    assert Naskah.objects.filter(jenis__kode="surat-peringatan").count() == 3


def test_one_open_case_per_person_and_only_the_kepegawaian_records_it(orang):
    svc.disiplin_buka(user=orang["kasubag"], pegawai_id=orang["pegawai"].pk)
    with pytest.raises(BerkasConflict, match="masih memiliki kasus"):
        svc.disiplin_buka(user=orang["kasubag"], pegawai_id=orang["pegawai"].pk)
    with pytest.raises(BerkasForbidden):
        svc.disiplin_buka(user=orang["pegawai"], pegawai_id=orang["kasubag"].pk)
