from datetime import date

import pytest

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from sekretariat.models import Golongan, Pegawai
from sekretariat.services.kepegawaian import pegawai_impor_csv, pegawai_ubah

from ..factories import staff
from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401

pytestmark = pytest.mark.usefixtures("data_kepegawaian")

HEADER = "nip,gelar_depan,nama,gelar_belakang,tanggal_lahir,status,golongan,tmt_pangkat,jabatan,tmt_jabatan,unit,tmt_kgb,tingkat_pendidikan,pendidikan,diklat"  # noqa: E501
GOOD = "198505122010011003,,Budi Santoso,S.Sos.,12-05-1985,PNS,III/b,2019-04-01,Kepala Seksi,2021-01-04,Bidang Dafduk,2025-01-01,S-1,Ilmu Pemerintahan,PIM IV"  # noqa: E501
PPPK = "199002142022211004,,Rina Wati,A.Md.,1990-02-14,PPPK,II/c,2022-02-01,Pengadministrasi Perkantoran,2022-02-01,Sekretariat,2024-02-01,D-III,Administrasi,"  # noqa: E501


@pytest.fixture
def kasubag(catalogue):
    return staff(Role.KASUBAG, bidang="sekretariat")


def test_a_csv_import_creates_employees_with_sex_and_tmt_cpns_from_the_nip(kasubag):
    hasil = pegawai_impor_csv(user=kasubag, teks=f"{HEADER}\n{GOOD}\n{PPPK}\n")
    assert (hasil.baru, hasil.diperbarui) == (2, 0)
    budi = Pegawai.objects.get(nip="198505122010011003")
    assert (budi.jenis_kelamin, budi.tmt_cpns, budi.golongan.kode) == ("L", date(2010, 1, 1), "III/b")
    assert budi.nama_lengkap == "Budi Santoso, S.Sos."
    assert budi.history.get().history_user == kasubag


def test_a_csv_with_one_bad_row_saves_nothing_and_names_each_bad_line(kasubag):
    mismatch = GOOD.replace("12-05-1985", "13-05-1985")
    impossible = PPPK.replace("199002142022211004", "199002302022211004").replace("1990-02-14", "1990-02-28")
    unknown = GOOD.replace("198505122010011003", "198505122010011009").replace("III/b", "III/z")
    teks = "\n".join([HEADER, PPPK.replace("Rina", "Rini"), mismatch, impossible, unknown]) + "\n"
    with pytest.raises(BerkasInvalid) as exc:
        pegawai_impor_csv(user=kasubag, teks=teks)
    lines = exc.value.fields["berkas"]
    assert [line.split(":")[0] for line in lines] == ["Baris 3", "Baris 4", "Baris 5"]
    assert "berbeda dengan tanggal lahir" in lines[0]
    assert "30-02-1990" in lines[1]
    assert "golongan tidak dikenal" in lines[2]
    assert not Pegawai.objects.exists()  # the good row 2 was not saved either


def test_a_csv_without_required_columns_is_refused():
    kasubag = staff(Role.KASUBAG, bidang=None)
    with pytest.raises(BerkasInvalid, match="Kolom tidak ada: .*golongan"):
        pegawai_impor_csv(user=kasubag, teks="nip,nama\n198505122010011003,Budi\n")


def test_only_the_kepegawaian_roles_may_import(catalogue):
    with pytest.raises(BerkasForbidden):
        pegawai_impor_csv(user=staff(Role.STAF, bidang="sekretariat"), teks=f"{HEADER}\n{GOOD}\n")


def test_an_edit_of_a_field_someone_changed_meanwhile_is_refused_and_others_are_kept(kasubag):
    p = pegawai("Budi", unit="Sekretariat")
    iii_a, iii_b = Golongan.objects.get(kode="III/a"), Golongan.objects.get(kode="III/b")
    # another officer changed the unit first
    pegawai_ubah(user=kasubag, pk=p.pk, perubahan={"unit": ("Sekretariat", "Bidang Capil")})
    # an edit of another field on the same page still goes through
    pegawai_ubah(user=kasubag, pk=p.pk, perubahan={"golongan": (iii_a, iii_b)})
    # an edit of the unit from the stale page is refused, and nothing of it is saved
    with pytest.raises(BerkasConflict, match="unit kerja"):
        pegawai_ubah(user=kasubag, pk=p.pk, perubahan={"unit": ("Sekretariat", "Bidang Dafduk"), "diklat": ("", "X")})
    p.refresh_from_db()
    assert (p.unit, p.golongan.kode, p.diklat) == ("Bidang Capil", "III/b", "")
