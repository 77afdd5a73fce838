from dataclasses import replace

import pytest

from dukcapil.choices import Status
from dukcapil.demo import FAMILIES, family_members
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from pendaftaran.services import permohonan_kk_update
from tests.factories import berkas_in, enter_kk, register

pytestmark = pytest.mark.django_db

ADDRESS = {
    "kode_wilayah": "210201",
    "alamat": "Jl. Pos 3",
    "rt": "1",
    "rw": "2",
    "desa_kelurahan": "Kijang",
    "kecamatan": "Bintan Timur",
    "kabupaten_kota": "Bintan",
    "provinsi": "Kepulauan Riau",
    "kode_pos": "29151",
}


def members():
    kepala, istri, anak = FAMILIES[0]
    return family_members(0, kepala, istri, anak)


def test_family_needs_exactly_one_kepala_keluarga(team):
    berkas = register(team["loket"])
    two_heads = [m if i != 1 else replace(m, hubungan="KEPALA KELUARGA") for i, m in enumerate(members())]
    with pytest.raises(BerkasInvalid, match="^Data KK belum benar: Harus ada tepat satu kepala keluarga") as exc:
        permohonan_kk_update(berkas_id=berkas.pk, user=team["operator"], data=ADDRESS, anggota=two_heads)
    assert exc.value.fields == {"anggota": ["Harus ada tepat satu kepala keluarga (sekarang 2)."]}


def test_member_nik_is_checked_against_birth_date_and_duplicates(team):
    berkas = register(team["loket"])
    rows = members()
    rows[2] = replace(rows[2], nik=rows[1].nik)  # the son given his mother's NIK
    rows[0] = replace(rows[0], nik="12")
    with pytest.raises(BerkasInvalid, match="^Data KK belum benar: ") as exc:
        permohonan_kk_update(berkas_id=berkas.pk, user=team["operator"], data=ADDRESS, anggota=rows)
    assert exc.value.fields == {
        "anggota-1": ["BUDI SANTOSO: NIK harus 16 digit angka."],
        "anggota-3": [
            "RIZKY PRATAMA: Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 09-10-..89).",
            "RIZKY PRATAMA: Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan perempuan).",
            "RIZKY PRATAMA: NIK tercatat dua kali.",
        ],
    }
    assert not berkas.permohonan_kk.anggota.exists()


def test_a_nik_entered_twice_is_refused_even_when_the_birth_data_matches(team):
    berkas = register(team["loket"])
    rows = members()
    mother = rows[1]
    # the son's row copied from his mother's: the NIK agrees with the birth date and sex entered
    rows[2] = replace(rows[2], nik=mother.nik, tanggal_lahir=mother.tanggal_lahir, jenis_kelamin=mother.jenis_kelamin)
    with pytest.raises(BerkasInvalid, match=r"^Data KK belum benar: RIZKY PRATAMA: NIK tercatat dua kali\.$") as exc:
        permohonan_kk_update(berkas_id=berkas.pk, user=team["operator"], data=ADDRESS, anggota=rows)
    assert exc.value.fields == {"anggota-3": ["RIZKY PRATAMA: NIK tercatat dua kali."]}
    assert not berkas.permohonan_kk.anggota.exists()


def test_kode_wilayah_for_the_new_nomor_kk_must_be_6_digits(team):
    berkas = register(team["loket"])
    with pytest.raises(BerkasInvalid) as exc:
        permohonan_kk_update(
            berkas_id=berkas.pk, user=team["operator"], data={**ADDRESS, "kode_wilayah": "21"}, anggota=members()
        )
    assert exc.value.fields["kode_wilayah"] == ["Kode wilayah kecamatan harus 6 digit angka."]


def test_entry_only_by_operator_while_the_berkas_is_with_the_operator(team):
    berkas = register(team["loket"])
    with pytest.raises(BerkasForbidden, match=r"^Hanya operator SIAK bidang ini yang dapat mengentri data KK\.$"):
        permohonan_kk_update(berkas_id=berkas.pk, user=team["kasi"], data=ADDRESS, anggota=members())
    at_kasi = berkas_in(Status.VERIFIKASI, team, seq=2)
    with pytest.raises(BerkasConflict, match="hanya dapat diubah saat berkas berada di operator"):
        permohonan_kk_update(berkas_id=at_kasi.pk, user=team["operator"], data=ADDRESS, anggota=members())


def test_re_entry_updates_members_in_place_and_removes_dropped_ones(team):
    berkas = register(team["loket"])
    enter_kk(berkas, team["operator"], index=0)
    kk = berkas.permohonan_kk
    first_ids = {a.nik: a.pk for a in kk.anggota.all()}
    fewer = members()[:2]
    permohonan_kk_update(berkas_id=berkas.pk, user=team["operator"], data=ADDRESS, anggota=fewer)
    assert {a.nik: a.pk for a in kk.anggota.all()} == {m.nik: first_ids[m.nik] for m in fewer}
    # every change is attributable
    assert kk.anggota.first().history.latest().history_user == team["operator"]
