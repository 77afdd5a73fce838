"""The population register never loses a change: field-level change sets against what the operator saw.

Two approved berkas for the same person: both changes are in the register whatever the order of
approval, or, when both change the same field, the later approval is refused with 409 naming the
field, the other berkas and its approver, and the berkas goes back to the operator.
"""

import pytest

from dukcapil.choices import Role, Status
from dukcapil.exceptions import BerkasConflict
from dukcapil.models import KartuKendali
from pencatatan_sipil.layanan import permohonan_update as akta_update
from pendaftaran.choices import StatusPerkawinan
from pendaftaran.layanan import permohonan_update as ktp_update
from pendaftaran.models import Keluarga, Penduduk, PerubahanRegister
from pendaftaran.register import PERSON_FIELDS, register_history
from pendaftaran.services import AnggotaData, permohonan_kk_update
from tests.factories import act, register_service, staff, to_tte

pytestmark = pytest.mark.django_db


def kepala(keluarga: Keluarga) -> Penduduk:
    return keluarga.anggota.get(hubungan="KEPALA KELUARGA")


def staged_rows(berkas, **changes_by_nik) -> list[AnggotaData]:
    """The family as the KK entry shows it (staged at registration), with some fields changed."""
    rows = []
    for a in berkas.permohonan_kk.anggota.order_by("urutan"):
        values = {f: getattr(a, f) for f in AnggotaData.__dataclass_fields__}
        values.update(changes_by_nik.get(a.nik, {}))
        rows.append(AnggotaData(**values))
    return rows


def enter_kk(team, berkas, **changes_by_nik) -> None:
    permohonan = berkas.permohonan_kk
    address = {f: getattr(permohonan, f) for f in ("alamat", "rt", "rw", "desa_kelurahan", "kecamatan")}
    address |= {f: getattr(permohonan, f) for f in ("kabupaten_kota", "provinsi", "kode_pos")}
    permohonan_kk_update(
        berkas_id=berkas.pk,
        user=team["operator"],
        data=address | {"kode_wilayah": "210201"},
        anggota=staged_rows(berkas, **changes_by_nik),
    )


def enter_ktp_perubahan(team, berkas, person: Penduduk, **changes) -> None:
    data = {f: getattr(person, f) for f in ("pekerjaan", "status_perkawinan", "agama", "pendidikan")}
    data |= {"golongan_darah": person.golongan_darah, "catatan_cek_data": "cocok", "dokumen_dasar": "SK 1/2026"}
    ktp_update(berkas_id=berkas.pk, user=team["operator"], data=data | changes)


def kk_perubahan(team, keluarga: Keluarga):
    return register_service(
        "kk-perubahan-data", kepala(keluarga), team["loket"], detail={"nomor_kk": keluarga.nomor_kk}
    )


def to_validasi(berkas, team):
    """Walk a berkas (already entered) to «validasi», where the Kabid's approval applies its changes."""
    berkas = act(berkas, "entri-selesai", team["operator"])
    return act(berkas, "verifikasi", team["kasi"])


@pytest.mark.parametrize("ktp_first", [True, False], ids=["ktp-el-lalu-kk", "kk-lalu-ktp-el"])
def test_kk_perubahan_and_ktp_el_perubahan_of_one_person_both_stay(team, warga, ktp_first):
    # given: both berkas registered (the KK copies the family from the register) and entered
    keluarga = warga[1]
    head = kepala(keluarga)
    kk = kk_perubahan(team, keluarga)
    ktp = register_service("ktp-el-perubahan-data", head, team["loket"])
    enter_kk(team, kk, **{head.nik: {"pendidikan": "DIPLOMA IV/STRATA I"}})
    enter_ktp_perubahan(team, ktp, head, pekerjaan="NELAYAN")
    kk, ktp = to_validasi(kk, team), to_validasi(ktp, team)
    # when: the Kabid approves them in either order
    for berkas in (ktp, kk) if ktp_first else (kk, ktp):
        assert act(berkas, "validasi", team["kabid"]).status == Status.TTE
    # then: both changes are in the register
    head.refresh_from_db()
    assert head.pekerjaan == "NELAYAN"
    assert head.pendidikan == "DIPLOMA IV/STRATA I"
    changed = {(c.field, c.berkas_id) for c in register_history(head)}
    assert changed == {("pekerjaan", ktp.pk), ("pendidikan", kk.pk)}


@pytest.mark.parametrize("ktp_first", [True, False], ids=["ktp-el-lalu-kk", "kk-lalu-ktp-el"])
def test_the_same_field_changed_by_two_berkas_refuses_the_later_approval(team, warga, ktp_first):
    keluarga = warga[1]
    head = kepala(keluarga)
    kk = kk_perubahan(team, keluarga)
    ktp = register_service("ktp-el-perubahan-data", head, team["loket"])
    enter_kk(team, kk, **{head.nik: {"pekerjaan": "GURU"}})
    enter_ktp_perubahan(team, ktp, head, pekerjaan="NELAYAN")
    kk, ktp = to_validasi(kk, team), to_validasi(ktp, team)
    first, later = (ktp, kk) if ktp_first else (kk, ktp)
    first_value = "NELAYAN" if ktp_first else "GURU"
    act(first, "validasi", team["kabid"])

    with pytest.raises(BerkasConflict) as refused:
        act(later, "validasi", team["kabid"])

    message = refused.value.message
    assert "Jenis pekerjaan" in message
    assert first.nomor_registrasi in message
    assert str(team["kabid"]) in message
    head.refresh_from_db()
    assert head.pekerjaan == first_value  # the first approved change is not lost
    later.refresh_from_db()
    assert later.status == Status.PERBAIKAN  # back with the operator, the conflict as the note
    assert later.catatan == message
    back = KartuKendali.objects.filter(berkas=later).order_by("-waktu", "-pk").first()
    assert (back.dari_status, back.ke_status, back.catatan) == (Status.VALIDASI, Status.PERBAIKAN, message)
    assert not PerubahanRegister.objects.filter(berkas=later).exists()


def test_after_a_conflict_the_operator_re_enters_from_the_current_register(team, warga):
    keluarga = warga[1]
    head = kepala(keluarga)
    kk = kk_perubahan(team, keluarga)
    ktp = register_service("ktp-el-perubahan-data", head, team["loket"])
    enter_kk(team, kk, **{head.nik: {"pekerjaan": "GURU", "pendidikan": "DIPLOMA IV/STRATA I"}})
    enter_ktp_perubahan(team, ktp, head, pekerjaan="NELAYAN")
    kk, ktp = to_validasi(kk, team), to_validasi(ktp, team)
    act(ktp, "validasi", team["kabid"])
    with pytest.raises(BerkasConflict):
        act(kk, "validasi", team["kabid"])

    staged = kk.permohonan_kk.anggota.get(nik=head.nik)
    assert staged.pekerjaan == "NELAYAN"  # the conflicting field shows the register as it is now
    assert staged.pendidikan == "DIPLOMA IV/STRATA I"  # the operator's other change is kept
    assert staged.dasar["pekerjaan"] == "NELAYAN"

    # the operator decides again, knowing the other change: this time the approval goes through
    enter_kk(team, kk, **{head.nik: {"pekerjaan": "GURU", "pendidikan": "DIPLOMA IV/STRATA I"}})
    kk = to_tte(kk, team)
    head.refresh_from_db()
    assert (head.pekerjaan, head.pendidikan) == ("GURU", "DIPLOMA IV/STRATA I")


def test_an_entry_changing_one_field_leaves_every_other_field_untouched(team, warga):
    keluarga = warga[2]
    head = kepala(keluarga)
    kk = kk_perubahan(team, keluarga)
    enter_kk(team, kk, **{head.nik: {"agama": "KRISTEN"}})
    # meanwhile other fields of the same person (and of the family) change through another route
    Penduduk.objects.filter(pk=head.pk).update(pekerjaan="PEDAGANG", nama_ibu="SITI AMINAH")
    Keluarga.objects.filter(pk=keluarga.pk).update(alamat="JL. BARU NO. 9")

    to_tte(kk, team)

    head.refresh_from_db()
    keluarga.refresh_from_db()
    assert head.agama == "KRISTEN"
    assert (head.pekerjaan, head.nama_ibu) == ("PEDAGANG", "SITI AMINAH")
    assert keluarga.alamat == "JL. BARU NO. 9"
    assert [c.field for c in register_history(head)] == ["agama"]


def test_register_history_reads_in_labels_and_names(team, warga):
    keluarga = warga[1]
    head = kepala(keluarga)
    ktp = register_service("ktp-el-perubahan-data", head, team["loket"])
    enter_ktp_perubahan(team, ktp, head, status_perkawinan=StatusPerkawinan.CERAI_HIDUP)
    to_tte(ktp, team)
    change = register_history(head).get()
    assert (change.label, change.teks_lama, change.teks_baru) == ("status perkawinan", "Kawin", "Cerai hidup")
    assert change.berkas == ktp and change.disetujui_oleh == team["kabid"]


@pytest.fixture
def capil(team):
    """Officers of Pencatatan Sipil, the Kadis of the shared team."""
    officers = {r: staff(role, bidang="pencatatan_sipil") for r, role in CAPIL_ROLES.items()}
    return officers | {"kadis": team["kadis"]}


CAPIL_ROLES = {"loket": Role.PETUGAS_LOKET, "operator": Role.OPERATOR_SIAK, "kasi": Role.KASI, "kabid": Role.KABID}


def cerai(capil, suami: Penduduk, istri: Penduduk):
    berkas = register_service("akta-perceraian", istri, capil["loket"], detail={"nomor_akta_rujukan": ""})

    def enter(b):
        akta_update(
            berkas_id=b.pk,
            user=capil["operator"],
            data={
                "nik_suami": suami.nik,
                "nik_istri": istri.nik,
                "pengadilan": "PENGADILAN NEGERI PEKANBARU",
                "nomor_putusan": "101/PDT.G/2026/PN PBR",
                "tanggal_putusan": "2026-10-01",
                "tanggal_inkracht": "2026-10-20",
            },
        )

    return berkas, enter


@pytest.mark.parametrize("cerai_first", [True, False], ids=["cerai-lalu-pisah", "pisah-lalu-cerai"])
def test_pisah_kk_does_not_revert_a_divorce_approved_around_it(team, capil, warga, cerai_first):
    """The PELITA 3 loss: the pisah KK staged the wife as KAWIN and wrote it over CERAI HIDUP."""
    keluarga = warga[1]
    suami = kepala(keluarga)
    istri = keluarga.anggota.get(hubungan="ISTRI")
    akta, enter_akta = cerai(capil, suami, istri)
    pisah = register_service("kk-pisah", suami, team["loket"], detail={"nomor_kk": keluarga.nomor_kk})
    # the operator enters the wife's new KK and leaves her data as copied from the register (KAWIN)
    copied = pisah.permohonan_kk.anggota.get(nik=istri.nik) if pisah.permohonan_kk.anggota.exists() else None
    row = {f: getattr(copied or istri, f) for f in PERSON_FIELDS if f in AnggotaData.__dataclass_fields__}
    row.update(nik=istri.nik, hubungan="KEPALA KELUARGA")
    assert row["status_perkawinan"] == StatusPerkawinan.KAWIN

    def enter_pisah(b):
        permohonan_kk_update(
            berkas_id=b.pk,
            user=team["operator"],
            data={
                "alamat": "JL. SUDIRMAN NO. 4",
                "rt": "001",
                "rw": "002",
                "desa_kelurahan": "KIJANG KOTA",
                "kecamatan": "BINTAN TIMUR",
                "kabupaten_kota": "KABUPATEN BINTAN",
                "provinsi": "KEPULAUAN RIAU",
                "kode_pos": "29151",
                "kode_wilayah": "210201",
            },
            anggota=[AnggotaData(**row)],
        )

    enter_akta(akta)
    enter_pisah(pisah)
    order = [(akta, capil), (pisah, team)] if cerai_first else [(pisah, team), (akta, capil)]
    for berkas, officers in order:
        assert to_tte(berkas, officers).status == Status.TTE

    istri.refresh_from_db()
    suami.refresh_from_db()
    assert istri.status_perkawinan == StatusPerkawinan.CERAI_HIDUP
    assert suami.status_perkawinan == StatusPerkawinan.CERAI_HIDUP
    assert istri.keluarga != keluarga  # the pisah KK's own change is there too


def test_the_database_page_shows_the_register_history_in_words(client, team, warga, django_assert_max_num_queries):
    keluarga = warga[1]
    head = kepala(keluarga)
    ktp = register_service("ktp-el-perubahan-data", head, team["loket"])
    enter_ktp_perubahan(team, ktp, head, pekerjaan="NELAYAN", status_perkawinan=StatusPerkawinan.CERAI_HIDUP)
    to_tte(ktp, team)
    client.force_login(team["operator"])
    with django_assert_max_num_queries(12):
        page = client.post("/pendaftaran/database/", {"q": head.nik}).content.decode()
    history = page[page.index("Riwayat perubahan") :]
    for text in ("Jenis pekerjaan", head.pekerjaan, "NELAYAN", "Status perkawinan", "Cerai hidup"):
        assert text in history
    assert ktp.nomor_registrasi in history and str(team["kabid"]) in history


def test_a_new_nomor_kk_and_nik_skip_numbers_a_migrated_register_already_holds():
    """given the register (migrated from SIAK) holding the counter's next nomor KK and NIK, when
    numbers are given, then those are skipped: no two families or people share a number."""
    from datetime import date

    from django.utils import timezone

    from pendaftaran.register import next_nik, next_nomor_kk

    today = timezone.localdate()
    Keluarga.objects.create(nomor_kk=f"210201{today:%d%m%y}0001")
    lahir = date(2026, 3, 9)
    Penduduk.objects.create(
        nik="2102014903260001", nama="MIGRASI", jenis_kelamin="P", tempat_lahir="BINTAN", tanggal_lahir=lahir
    )

    assert next_nomor_kk("210201") == f"210201{today:%d%m%y}0002"
    assert next_nomor_kk("210201") == f"210201{today:%d%m%y}0003"
    assert next_nik("210201", lahir, "P") == "2102014903260002"
