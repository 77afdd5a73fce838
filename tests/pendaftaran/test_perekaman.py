"""Perekaman KTP-el (issue 12 item 6): a person «belum perekaman» is no longer a dead end.

The day's schedule of the perekaman room, marking a slot done (which writes the register through
register_change) or absent, and the KTP-el cetak that is then accepted."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from pendaftaran.models import JadwalPerekaman, PerubahanRegister
from pendaftaran.perekaman import perekaman_jadwalkan, perekaman_selesai, perekaman_tidak_hadir
from pendaftaran.register import RegisterConflict
from tests.factories import register_service, staff

pytestmark = pytest.mark.django_db

URL = reverse("pendaftaran:perekaman")


@pytest.fixture
def belum(warga):
    """An adult of the register who has not done the perekaman yet."""
    person = warga[0].anggota.get(hubungan="KEPALA KELUARGA")
    person.perekaman_pada = None
    person.perekaman_lokasi = ""
    person.save()
    return person


def schedule(user, person, **kwargs):
    values = {"nik": person.nik, "tanggal": timezone.localdate(), "jam": time(9, 0)} | kwargs
    return perekaman_jadwalkan(user=user, **values)


def test_dead_end_reproduced_the_ktp_el_refusal_points_to_the_schedule(team, belum):
    with pytest.raises(BerkasInvalid, match="Perekaman KTP-el .* belum dilakukan") as refused:
        register_service("ktp-el-cetak", belum, team["loket"])
    assert URL in refused.value.message


def test_scheduled_and_done_writes_the_register_and_ktp_el_is_then_accepted(team, belum):
    jadwal = schedule(team["operator"], belum, tempat=JadwalPerekaman.Tempat.KECAMATAN, kecamatan="Pariaman Tengah")
    assert jadwal.status == JadwalPerekaman.Status.DIJADWALKAN and jadwal.lokasi == "Kecamatan PARIAMAN TENGAH"
    perekaman_selesai(user=team["operator"], jadwal_id=jadwal.pk)
    jadwal.refresh_from_db()
    belum.refresh_from_db()
    assert jadwal.status == JadwalPerekaman.Status.SELESAI and jadwal.operator == team["operator"]
    assert belum.perekaman_pada is not None and belum.perekaman_lokasi == "Kecamatan PARIAMAN TENGAH"
    log = PerubahanRegister.objects.get(penduduk=belum, field="perekaman_pada")
    assert log.berkas is None and log.disetujui_oleh == team["operator"] and "Perekaman KTP-el" in log.sumber
    berkas = register_service("ktp-el-cetak", belum, team["loket"])
    assert berkas.layanan.kode == "ktp-el-cetak"


def test_absent_leaves_the_register_and_may_be_scheduled_again(team, belum):
    jadwal = schedule(team["operator"], belum)
    perekaman_tidak_hadir(user=team["operator"], jadwal_id=jadwal.pk)
    belum.refresh_from_db()
    assert belum.perekaman_pada is None
    assert JadwalPerekaman.objects.get(pk=jadwal.pk).status == JadwalPerekaman.Status.TIDAK_HADIR
    with pytest.raises(BerkasConflict, match="sudah ditandai «Tidak hadir»"):
        perekaman_selesai(user=team["operator"], jadwal_id=jadwal.pk)
    again = schedule(team["operator"], belum, tanggal=timezone.localdate() + timedelta(days=1))
    assert again.status == JadwalPerekaman.Status.DIJADWALKAN


def test_duplicate_scheduling_and_already_recorded_are_refused(team, belum, warga):
    schedule(team["operator"], belum)
    with pytest.raises(BerkasConflict, match="sudah dijadwalkan perekaman"):
        schedule(team["operator"], belum, jam=time(10, 0))
    recorded = warga[1].anggota.get(hubungan="KEPALA KELUARGA")
    assert recorded.perekaman_pada is not None
    with pytest.raises(BerkasInvalid, match="sudah perekaman KTP-el"):
        schedule(team["operator"], recorded)


def test_unknown_nik_and_bad_nik_get_a_clear_message(team, warga):
    with pytest.raises(BerkasInvalid, match="NIK 2102011708859999 tidak ada dalam database kependudukan"):
        schedule(team["operator"], type("P", (), {"nik": "2102011708859999"}))
    with pytest.raises(BerkasInvalid) as bad:
        schedule(team["operator"], type("P", (), {"nik": "12ab"}))
    assert "nik" in bad.value.fields


def test_only_operator_siak_and_adb_may_record(team, belum):
    for role in ("loket", "kasi", "kabid", "kadis"):
        with pytest.raises(BerkasForbidden):
            schedule(team[role], belum)
    jadwal = schedule(staff(Role.ADB, bidang=None), belum)
    with pytest.raises(BerkasForbidden):
        perekaman_selesai(user=team["kasi"], jadwal_id=jadwal.pk)


def test_register_changed_meanwhile_is_a_conflict(team, belum):
    jadwal = schedule(team["operator"], belum)
    belum.perekaman_pada = timezone.now()
    belum.save()
    with pytest.raises(RegisterConflict):
        perekaman_selesai(user=team["operator"], jadwal_id=jadwal.pk)
    assert JadwalPerekaman.objects.get(pk=jadwal.pk).status == JadwalPerekaman.Status.DIJADWALKAN


def test_future_slot_cannot_be_marked_done_yet(team, belum):
    jadwal = schedule(team["operator"], belum, tanggal=timezone.localdate() + timedelta(days=2))
    with pytest.raises(BerkasConflict, match="belum dapat ditandai selesai"):
        perekaman_selesai(user=team["operator"], jadwal_id=jadwal.pk)


# --- the page ---------------------------------------------------------------------------------


def test_day_page_schedule_mark_done_and_refusals(client, team, belum):
    today = timezone.localdate().isoformat()
    client.force_login(team["kasi"])
    assert client.get(URL).status_code == 403
    client.force_login(team["operator"])
    page = client.get(URL, {"tanggal": today})
    assert page.status_code == 200 and "Belum ada yang dijadwalkan" in page.content.decode()
    assert "Perekaman KTP-el</a>" in page.content.decode()  # the menu link
    added = client.post(
        f"{URL}?tanggal={today}", {"aksi": "jadwalkan", "nik": belum.nik, "jam": "09:30", "tempat": "kantor"}
    )
    assert added.status_code == 302
    duplicate = client.post(
        f"{URL}?tanggal={today}", {"aksi": "jadwalkan", "nik": belum.nik, "jam": "10:00", "tempat": "kantor"}
    )
    assert duplicate.status_code == 409 and "sudah dijadwalkan perekaman" in duplicate.content.decode()
    unknown = client.post(
        f"{URL}?tanggal={today}", {"aksi": "jadwalkan", "nik": "2102011708859999", "jam": "10:00", "tempat": "kantor"}
    )
    assert unknown.status_code == 400 and "tidak ada dalam database kependudukan" in unknown.content.decode()
    jadwal = JadwalPerekaman.objects.get(penduduk=belum)
    page = client.get(URL, {"tanggal": today}).content.decode()
    assert belum.nama in page and "09:30" in page and "Kantor Dinas" in page
    done = client.post(f"{URL}?tanggal={today}", {"aksi": "selesai", "jadwal": jadwal.pk})
    assert done.status_code == 302
    belum.refresh_from_db()
    assert belum.perekaman_pada is not None and belum.perekaman_lokasi == "Kantor Dinas"


# session, user and grants, the unread badge, the whole schedule (person, operator) in one join, the access log
DAY_PAGE_QUERIES = 7


def test_day_page_query_count_does_not_grow(client, team, warga, django_assert_num_queries):
    client.force_login(team["operator"])
    people = [p for k in warga for p in k.anggota.all() if p.usia() >= 17][:6]
    for person in people:
        person.perekaman_pada = None
        person.save()
    tomorrow = timezone.localdate() + timedelta(days=1)
    for i, person in enumerate(people[:2]):
        schedule(team["operator"], person, tanggal=tomorrow, jam=time(8, i))
    with django_assert_num_queries(DAY_PAGE_QUERIES):
        assert client.get(URL, {"tanggal": tomorrow.isoformat()}).status_code == 200
    for i, person in enumerate(people[2:]):
        schedule(team["operator"], person, tanggal=tomorrow, jam=time(9, i))
    client.force_login(team["operator"])
    with django_assert_num_queries(DAY_PAGE_QUERIES):
        assert client.get(URL, {"tanggal": tomorrow.isoformat()}).status_code == 200


def test_register_history_shows_the_perekaman_without_a_berkas(client, team, belum):
    jadwal = schedule(team["operator"], belum)
    perekaman_selesai(user=team["operator"], jadwal_id=jadwal.pk)
    client.force_login(team["operator"])
    page = client.post(reverse("pendaftaran:register"), {"q": belum.nik})
    assert page.status_code == 200
    assert f"Perekaman KTP-el {timezone.localdate():%d-%m-%Y} di Kantor Dinas" in page.content.decode()


def test_day_page_writes_the_access_log_for_every_person_shown(client, team, warga):
    """UU 27/2022: the schedule shows names and NIKs, so each view is logged (who, when, NIK, page)."""
    from dukcapil.models import AksesDataPribadi

    people = [p for k in warga for p in k.anggota.all() if p.usia() >= 17][:3]
    for person in people:
        person.perekaman_pada = None
        person.save()
    tomorrow = timezone.localdate() + timedelta(days=1)
    for i, person in enumerate(people):
        schedule(team["operator"], person, tanggal=tomorrow, jam=time(8, i))
    client.force_login(team["operator"])
    before = timezone.now()
    assert client.get(URL, {"tanggal": tomorrow.isoformat()}).status_code == 200
    rows = list(AksesDataPribadi.objects.filter(pengguna=team["operator"]))
    assert sorted(r.nik for r in rows) == sorted(p.nik for p in people)
    assert {r.halaman for r in rows} == {AksesDataPribadi.Halaman.DATABASE_PENDUDUK}
    assert {r.konteks for r in rows} == {f"jadwal perekaman KTP-el {tomorrow:%d-%m-%Y}"}
    assert all(r.waktu >= before for r in rows)
    # an empty day shows nobody and logs nothing
    client.get(URL, {"tanggal": (tomorrow + timedelta(days=1)).isoformat()})
    assert AksesDataPribadi.objects.filter(pengguna=team["operator"]).count() == len(people)
