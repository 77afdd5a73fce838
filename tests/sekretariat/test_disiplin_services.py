"""Disiplin: the ladder teguran lisan → SP I → SP II → SP III in order, each written warning a naskah;
closing a case (who, when, how, why) and a closed case refusing further steps."""

from datetime import date

import pytest

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from sekretariat import disiplin_data, kepegawaian_data, naskah_data
from sekretariat.models import KasusDisiplin, LangkahDisiplin, Naskah
from sekretariat.services import disiplin as svc

from ..factories import staff
from .kepegawaian_helpers import pegawai

pytestmark = pytest.mark.django_db


@pytest.fixture
def orang(catalogue):
    naskah_data.load()  # idempotent: a transactional test may have flushed the seed rows
    disiplin_data.load()
    kepegawaian_data.load()
    return {
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", nip="198001012005011001"),
        "staf": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Lalai", nip="199101012019031001"),
        # the case is kept on data pegawai
        "pegawai": pegawai("Dodi Lalai", nip="199101012019031001"),
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
        svc.disiplin_buka(user=orang["staf"], pegawai_id=orang["pegawai"].pk)


def test_closing_a_case_records_who_when_how_and_why_and_stops_the_ladder(orang):
    kasus = svc.disiplin_buka(user=orang["kasubag"], pegawai_id=orang["pegawai"].pk)
    step(orang, kasus, "lisan")

    with pytest.raises(BerkasInvalid, match="Nomor surat penyerahan"):
        svc.disiplin_tutup(user=orang["kasubag"], kasus_pk=kasus.pk, cara="diserahkan", alasan="Alpa 20 hari")
    with pytest.raises(BerkasInvalid, match="Alasan"):
        svc.disiplin_tutup(user=orang["kasubag"], kasus_pk=kasus.pk, cara="membaik", alasan="  ")
    with pytest.raises(BerkasForbidden):
        svc.disiplin_tutup(user=orang["staf"], kasus_pk=kasus.pk, cara="membaik", alasan="Sudah rajin")
    assert not KasusDisiplin.objects.get(pk=kasus.pk).selesai

    svc.disiplin_tutup(
        user=orang["kasubag"], kasus_pk=kasus.pk, cara="diserahkan", alasan="Alpa 20 hari setelah SP",
        rujukan="800/123/427.53/2026",
    )  # fmt: skip

    kasus.refresh_from_db()
    assert kasus.selesai and kasus.ditutup_oleh == orang["kasubag"] and kasus.ditutup_pada is not None
    assert (kasus.cara_selesai, kasus.rujukan_selesai) == ("diserahkan", "800/123/427.53/2026")
    assert kasus.alasan_selesai == "Alpa 20 hari setelah SP"
    with pytest.raises(BerkasConflict, match="sudah selesai"):
        step(orang, kasus, "sp1")
    with pytest.raises(BerkasConflict, match="sudah selesai"):
        svc.disiplin_tutup(user=orang["kasubag"], kasus_pk=kasus.pk, cara="membaik", alasan="lagi")
    assert LangkahDisiplin.objects.filter(kasus=kasus).count() == 1
    # closed: the same pegawai may have a new case
    assert svc.disiplin_buka(user=orang["kasubag"], pegawai_id=orang["pegawai"].pk).pk != kasus.pk
