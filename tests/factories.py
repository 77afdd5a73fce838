"""Factories and helpers that build berkas through the real services."""

from contextlib import contextmanager
from datetime import date

import factory
from django.contrib.auth.models import Group
from django.test import TestCase

from dukcapil import services
from dukcapil.choices import Role, Status
from dukcapil.demo import FAMILIES, family_members, make_nik
from dukcapil.models import Berkas, Bidang, Layanan, User
from pendaftaran.services import permohonan_kk_update


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pegawai{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    password = factory.django.Password("rahasia-uji-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted and create:
            self.groups.add(Group.objects.get(name=Role(extracted).label))


@contextmanager
def committed():
    """Run on_commit callbacks (task enqueues) as the real commit would; tests run in a transaction."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def act(berkas: Berkas, action: str, user: User, note: str = "", **kwargs) -> Berkas:
    with committed():
        return services.berkas_transition(berkas_id=berkas.pk, action=action, user=user, note=note, **kwargs)


def serahkan(berkas: Berkas, user: User, **penerima) -> Berkas:
    """Hand the documents over at the pickup desk (the only way); by default to the pemohon in person."""
    data = dict(nama=berkas.pemohon_nama, nik=berkas.pemohon_nik, hubungan="sendiri") | penerima
    with committed():
        services.berkas_serahkan(berkas_id=berkas.pk, user=user, penerima=services.PenerimaData(**data))
    berkas.refresh_from_db()
    return berkas


def staff(role: Role, bidang: str | None = "pendaftaran", **kwargs) -> User:
    return UserFactory(role=role, bidang=Bidang.objects.get(kode=bidang) if bidang else None, **kwargs)


PEMOHON_LAHIR = date(1985, 8, 17)


def pemohon(seq: int = 1, **overrides) -> services.PemohonData:
    data = dict(
        nik=make_nik(PEMOHON_LAHIR, "L", seq),
        nama="Budi Santoso",
        tanggal_lahir=PEMOHON_LAHIR,
        jenis_kelamin="L",
        telepon="081277001234",
    )
    data.update(overrides)
    return services.PemohonData(**data)


def wajib_ids(layanan: Layanan) -> list[int]:
    return list(layanan.persyaratan_berlaku().filter(wajib=True).values_list("pk", flat=True))


def register(loket: User, seq: int = 1, complete: bool = True, jenis: str = "baru") -> Berkas:
    layanan = Layanan.objects.get(kode="kk")
    ids = wajib_ids(layanan)
    with committed():
        return services.berkas_register(
            layanan=layanan,
            pemohon=pemohon(seq),
            persyaratan_ids=ids if complete else ids[:2],
            user=loket,
            detail={"jenis": jenis},
        )


def enter_kk(berkas: Berkas, operator: User, index: int | None = None) -> None:
    """Enter a family; by default one unique to this berkas (a person may be in one KK only).

    The default index stays within 10–909 whatever the berkas's id (ids grow past 1,000 over a full
    run, where the tests that commit do not reset sequences): the members' NIK carry index × 10 as
    their four-digit serial, and the explicit indexes tests pass are below 10."""
    index = 10 + berkas.pk % 900 if index is None else index
    kepala, istri, anak = FAMILIES[index % len(FAMILIES)]
    permohonan_kk_update(
        berkas_id=berkas.pk,
        user=operator,
        data={
            "kode_wilayah": "210201",
            "alamat": "JL. POS NO. 3",
            "rt": "001",
            "rw": "002",
            "desa_kelurahan": "KIJANG KOTA",
            "kecamatan": "BINTAN TIMUR",
            "kabupaten_kota": "BINTAN",
            "provinsi": "KEPULAUAN RIAU",
            "kode_pos": "29151",
        },
        anggota=family_members(index, kepala, istri, anak),
    )


TTE_PASSPHRASE = "rahasia-tte-uji"
PATH = [  # (action, role) from «diterima» to «tte»; TTE itself goes through sign()
    ("entri-selesai", "operator"),
    ("verifikasi", "kasi"),
    ("validasi", "kabid"),
]


def sign(berkas_list, kadis: User, passphrase: str = TTE_PASSPHRASE):
    """The Kadis signs (TTE) these berkas in one batch; tasks run as after commit."""
    from dukcapil.tte.services import tte_batch_start

    with committed():
        return tte_batch_start(user=kadis, berkas_ids=[b.pk for b in berkas_list], passphrase=passphrase)


STOPS = {Status.DITERIMA: 0, Status.VERIFIKASI: 1, Status.VALIDASI: 2, Status.TTE: 3}


def berkas_in(status: str, team: dict[str, User], seq: int = 1) -> Berkas:
    """A KK berkas driven through the services up to ``status``."""
    if status == Status.DIKEMBALIKAN:
        return register(team["loket"], seq, complete=False)
    berkas = register(team["loket"], seq)
    if status == Status.DITERIMA:
        return berkas
    enter_kk(berkas, team["operator"])
    if status == Status.PERBAIKAN:
        berkas_in_verifikasi = act(berkas, "entri-selesai", team["operator"])
        return act(berkas_in_verifikasi, "koreksi", team["kasi"], note="NIK anak kedua salah ketik.")
    if status == Status.DIBATALKAN:
        return act(berkas, "batalkan", team["loket"], note="Pemohon membatalkan.")
    if status in (Status.SIAP_DIAMBIL, Status.DISERAHKAN):
        for action, role in PATH:
            berkas = act(berkas, action, team[role])
        sign([berkas], team["kadis"])
        berkas.refresh_from_db()
        if status == Status.SIAP_DIAMBIL:
            return berkas
        return serahkan(berkas, team["pengambilan"])
    for action, role in PATH[: STOPS[status]]:
        berkas = act(berkas, action, team[role])
    berkas.refresh_from_db()
    return berkas


def register_service(kode: str, person, loket: User, *, detail: dict | None = None, complete: bool = True) -> Berkas:
    """A berkas for ``person`` (a Penduduk) at the counter, every persyaratan handed in when complete."""
    layanan = Layanan.objects.get(kode=kode)
    ids = list(layanan.persyaratan_berlaku().values_list("pk", flat=True))
    with committed():
        return services.berkas_register(
            layanan=layanan,
            pemohon=services.PemohonData(
                nik=person.nik,
                nama=person.nama,
                tanggal_lahir=person.tanggal_lahir,
                jenis_kelamin=person.jenis_kelamin,
            ),
            persyaratan_ids=ids if complete else [],
            user=loket,
            detail=detail,
        )


NEXT = {  # status -> (action, role) that moves it on, whatever the layanan's order of work
    Status.DITERIMA: ("entri-selesai", "operator"),
    Status.PERBAIKAN: ("entri-selesai", "operator"),
    Status.VERIFIKASI: ("verifikasi", "kasi"),
    Status.VALIDASI: ("validasi", "kabid"),
}


def to_tte(berkas: Berkas, team: dict[str, User], enter=None) -> Berkas:
    """Walk the berkas to «tte»; ``enter(berkas)`` is called when it reaches the operator."""
    berkas.refresh_from_db()
    while berkas.status != Status.TTE:
        if berkas.status in (Status.DITERIMA, Status.PERBAIKAN) and enter is not None:
            enter(berkas)
        action, role = NEXT[berkas.status]
        berkas = act(berkas, action, team[role])
    return berkas


def to_pickup(berkas: Berkas, team: dict[str, User], enter=None) -> Berkas:
    berkas = to_tte(berkas, team, enter)
    sign([berkas], team["kadis"])
    berkas.refresh_from_db()
    return berkas
