"""UU 27/2022: the register lookups are for the roles the table grants LIHAT_REGISTER, in the
register's bidang; every person's data shown on a staff page is written to the append-only access log."""

import logging
from datetime import date

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse

from dukcapil.choices import Role, Status
from dukcapil.models import AksesDataPribadi
from dukcapil.workflow.permissions import TABLE, Aksi, Lingkup, holders
from pencatatan_sipil.choices import JenisAkta
from pencatatan_sipil.models import Akta
from tests.factories import berkas_in, register, staff

pytestmark = pytest.mark.django_db

H = AksesDataPribadi.Halaman
PENDUDUK = reverse("pendaftaran:register")
AKTA = reverse("pencatatan_sipil:register")
IP = "127.0.0.1"  # the test client's REMOTE_ADDR


@pytest.fixture
def capil(team):
    bidang = "pencatatan_sipil"
    return {"kasi": team["kasi_capil"], "operator": staff(Role.OPERATOR_SIAK, bidang=bidang)}


def rows():
    return sorted(AksesDataPribadi.objects.values_list("pengguna_id", "nik", "halaman", "ip"))


def akta(nik: str, nomor: str = "2102-LT-01012020-0001") -> Akta:
    return Akta.objects.create(
        jenis=JenisAkta.KELAHIRAN,
        nomor=nomor,
        kantor="Dukcapil Bintan",
        tahun=2020,
        tanggal_peristiwa=date(2020, 1, 1),
        tempat_peristiwa="Bintan",
        subjek_nik=nik,
        subjek_nama="KEISHA ANINDYA",
    )


# --- who may look ---------------------------------------------------------------------------


def test_the_table_grants_the_register_to_the_roles_whose_sops_need_it():
    assert set(holders(Aksi.LIHAT_REGISTER)) == {
        Role.PETUGAS_LOKET,
        Role.OPERATOR_SIAK,
        Role.KASI,
        Role.KABID,  # validates the entry against the register
        Role.ADB,
    }
    assert TABLE[Role.ADB][Aksi.LIHAT_REGISTER] is Lingkup.KANTOR


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(("url", "bidang"), [(PENDUDUK, "pendaftaran"), (AKTA, "pencatatan_sipil")])
def test_only_the_roles_of_the_table_open_the_register_lookups(client, catalogue, role, url, bidang):
    # is_staff (Django admin access) does not open the register
    client.force_login(staff(role, bidang=bidang, is_staff=True))
    response = client.post(url, {"q": "0000000000000000"})
    if role in holders(Aksi.LIHAT_REGISTER):
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "hanya untuk petugas bidang" in response.content.decode()
    assert not AksesDataPribadi.objects.exists()


@pytest.mark.parametrize(
    ("url", "bidang", "allowed"),
    [
        (PENDUDUK, "pencatatan_sipil", False),
        (AKTA, "pendaftaran", False),
        (PENDUDUK, None, True),
        (AKTA, None, True),
    ],
)
def test_a_bidang_grant_opens_only_the_register_of_that_bidang(client, catalogue, url, bidang, allowed):
    client.force_login(staff(Role.OPERATOR_SIAK, bidang=bidang))
    assert client.post(url, {"q": "0000000000000000"}).status_code == (200 if allowed else 403)


@pytest.mark.parametrize("url", [PENDUDUK, AKTA])
def test_an_office_wide_grant_opens_both_registers(client, catalogue, url):
    client.force_login(staff(Role.ADB, bidang="sekretariat"))
    assert client.post(url, {"q": "0000000000000000"}).status_code == 200


def test_a_user_without_a_role_is_refused(client, catalogue):
    client.force_login(staff(None, is_staff=True))
    assert client.post(PENDUDUK, {"q": "1"}).status_code == 403
    assert client.post(AKTA, {"q": "1"}).status_code == 403


# --- what is logged ----------------------------------------------------------------------------


def test_a_kk_lookup_logs_every_member_shown(client, team, warga):
    keluarga = warga[0]
    operator = team["operator"]
    client.force_login(operator)
    page = client.post(PENDUDUK, {"q": keluarga.nomor_kk})
    shown = list(page.context["anggota"])
    assert len(shown) > 1
    assert rows() == sorted((operator.pk, a.nik, H.DATABASE_PENDUDUK, IP) for a in shown)
    assert set(AksesDataPribadi.objects.values_list("konteks", flat=True)) == {
        f"pencarian nomor KK {keluarga.nomor_kk}"
    }


def test_a_nik_lookup_logs_the_person_and_the_family_shown_once_each(client, team, warga):
    person = warga[1].anggota.order_by("urutan").first()
    client.force_login(team["kabid"])
    page = client.post(PENDUDUK, {"q": person.nik})
    niks = {a.nik for a in page.context["anggota"]}
    assert person.nik in niks
    assert rows() == sorted((team["kabid"].pk, nik, H.DATABASE_PENDUDUK, IP) for nik in niks)


def test_a_lookup_that_shows_nobody_logs_nothing(client, team, warga):
    client.force_login(team["operator"])
    client.get(PENDUDUK)
    client.post(PENDUDUK, {"q": "1234"})
    client.get(AKTA)
    client.post(AKTA, {"q": "2102-LT-0"})
    assert not AksesDataPribadi.objects.exists()


def test_the_akta_lookup_logs_the_subject_of_each_akta_shown(client, capil, warga):
    child = warga[0].anggota.get(nama="KEISHA ANINDYA")
    akta(child.nik)
    client.force_login(capil["kasi"])
    page = client.post(AKTA, {"q": child.nik})
    assert len(page.context["results"]) == 1
    assert rows() == [(capil["kasi"].pk, child.nik, H.REGISTER_AKTA, IP)]


def test_the_berkas_page_logs_the_pemohon(client, team):
    berkas = register(team["loket"])
    client.force_login(team["kasi"])
    assert client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi])).status_code == 200
    assert rows() == [(team["kasi"].pk, berkas.pemohon_nik, H.DETAIL_BERKAS, IP)]
    assert AksesDataPribadi.objects.get().konteks == f"berkas {berkas.nomor_registrasi}"


def test_a_berkas_outside_the_bidang_is_not_shown_and_not_logged(client, team, capil):
    berkas = register(team["loket"])
    client.force_login(capil["operator"])
    assert client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi])).status_code == 404
    assert not AksesDataPribadi.objects.exists()


def test_the_pickup_page_logs_the_pemohon(client, team):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    before = AksesDataPribadi.objects.count()
    client.force_login(team["pengambilan"])
    assert client.get(reverse("serahkan", args=[berkas.nomor_registrasi])).status_code == 200
    assert AksesDataPribadi.objects.count() == before + 1
    latest = AksesDataPribadi.objects.order_by("-pk").first()
    assert (latest.pengguna, latest.nik, latest.halaman, latest.ip) == (
        team["pengambilan"],
        berkas.pemohon_nik,
        H.PENYERAHAN,
        IP,
    )


def test_the_forwarded_client_address_is_logged_behind_a_proxy(client, team, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    berkas = register(team["loket"])
    client.force_login(team["loket"])
    client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi]), HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert AksesDataPribadi.objects.get().ip == "10.1.2.3"


def test_the_nik_never_reaches_the_application_logs(client, team, warga, caplog):
    caplog.set_level(logging.DEBUG)
    client.force_login(team["operator"])
    client.post(PENDUDUK, {"q": warga[0].nomor_kk})
    assert AksesDataPribadi.objects.exists()
    for nik in AksesDataPribadi.objects.values_list("nik", flat=True):
        assert nik not in caplog.text


def test_the_register_page_costs_the_same_queries_for_any_family(client, team, warga, django_assert_num_queries):
    small, large = sorted(warga[:4], key=lambda k: k.anggota.count())[::3]
    assert small.anggota.count() < large.anggota.count()
    client.force_login(team["operator"])
    client.post(PENDUDUK, {"q": small.nomor_kk})  # warm the session and the user
    for keluarga in (small, large):
        with django_assert_num_queries(QUERIES_KK):
            client.post(PENDUDUK, {"q": keluarga.nomor_kk})
    kepala = large.anggota.order_by("urutan").first()
    with django_assert_num_queries(QUERIES_NIK):
        client.post(PENDUDUK, {"q": kepala.nik})


# session, user, groups, the user's bidang (shown in the header too), lookup (person, then family by
# nomor KK or the person's family), anggota, [the person's register history], one bulk insert
QUERIES_KK = 9  # with the unread-notification badge
QUERIES_NIK = 9


# --- the log itself ------------------------------------------------------------------------------


def test_the_log_cannot_be_changed_or_deleted(client, team):
    berkas = register(team["loket"])
    client.force_login(team["loket"])
    client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi]))
    entry = AksesDataPribadi.objects.get()
    entry.nik = "0" * 16
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AksesDataPribadi.objects.update(nik="0" * 16)
    with pytest.raises(TypeError):
        AksesDataPribadi.objects.all().delete()
    if connection.vendor == "postgresql":
        for sql in ("UPDATE dukcapil_aksesdatapribadi SET nik = '0'", "DELETE FROM dukcapil_aksesdatapribadi"):
            with pytest.raises(DatabaseError, match="hanya dapat ditambah"), transaction.atomic():
                connection.cursor().execute(sql)
    assert AksesDataPribadi.objects.get().nik == berkas.pemohon_nik


def test_the_admin_role_reads_the_log_in_admin(client, team, warga):
    client.force_login(team["operator"])
    client.post(PENDUDUK, {"q": warga[0].nomor_kk})
    berkas = register(team["loket"], seq=7)
    client.force_login(team["loket"])
    client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi]))
    expected = AksesDataPribadi.objects.count()

    client.force_login(team["admin"])
    url = reverse("admin:dukcapil_aksesdatapribadi_changelist")
    page = client.get(url)
    assert page.status_code == 200
    assert len(page.context["cl"].result_list) == expected
    text = page.content.decode()
    for nik in AksesDataPribadi.objects.values_list("nik", flat=True):
        assert nik in text
    found = client.get(url, {"q": berkas.pemohon_nik}).context["cl"].result_list
    assert [(e.pengguna, e.halaman) for e in found] == [(team["loket"], H.DETAIL_BERKAS)]
    by_page = client.get(url, {"halaman__exact": H.DATABASE_PENDUDUK}).context["cl"].result_list
    assert {e.pengguna for e in by_page} == {team["operator"]}
    by_user = client.get(url, {"pengguna__id__exact": team["loket"].pk}).context["cl"].result_list
    assert len(by_user) == 1
    # read only: nothing is added, changed or deleted here
    entry = AksesDataPribadi.objects.first()
    assert client.get(reverse("admin:dukcapil_aksesdatapribadi_add")).status_code == 403
    change = client.get(reverse("admin:dukcapil_aksesdatapribadi_change", args=[entry.pk]))
    assert change.status_code == 200 and not change.context["adminform"].form.fields
    assert client.post(reverse("admin:dukcapil_aksesdatapribadi_delete", args=[entry.pk])).status_code == 403
    assert AksesDataPribadi.objects.count() == expected


def test_other_staff_do_not_read_the_log_in_admin(client, team):
    client.force_login(staff(Role.KASI, is_staff=True))
    response = client.get(reverse("admin:dukcapil_aksesdatapribadi_changelist"))
    assert response.status_code == 403
