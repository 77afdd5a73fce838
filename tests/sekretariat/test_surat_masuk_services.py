"""Surat masuk route and disposisi chain through the services."""

import threading
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import KartuKendali
from dukcapil.selectors import work_items
from sekretariat.models import Disposisi, StatusDisposisi, StatusSuratMasuk, SuratMasuk
from sekretariat.services import surat_masuk as svc

from .conftest import catat, disposisi_data, to_kadis

pytestmark = pytest.mark.django_db


def _inbox_records(user):
    return [(i.content_type.model, i.object_id) for i in work_items(user).select_related("content_type")]


def test_recorded_letter_waits_for_kasubag_with_sop_minutes(kantor):
    surat = catat(kantor["agendaris"])

    assert surat.status == StatusSuratMasuk.KASUBAG
    assert surat.nomor == f"{surat.nomor_agenda:04d}/2026"
    # Lumajang "Prosedur Pengagendaan Surat Masuk": ten minutes per step
    assert surat.standar_waktu == {"catat": 10, "kasubag": 10, "sekretaris": 10, "kadis": 10}
    assert ("suratmasuk", surat.pk) in _inbox_records(kantor["kasubag"])
    assert ("suratmasuk", surat.pk) not in _inbox_records(kantor["kadis"])
    assert ("suratmasuk", surat.pk) not in _inbox_records(kantor["sekretaris"])


def test_route_kasubag_sekretaris_kadis_each_in_their_kotak_masuk(kantor):
    surat = catat(kantor["agendaris"])
    svc.surat_masuk_teruskan(user=kantor["kasubag"], pk=surat.pk, expected_status="kasubag")
    assert ("suratmasuk", surat.pk) in _inbox_records(kantor["sekretaris"])
    assert ("suratmasuk", surat.pk) not in _inbox_records(kantor["kasubag"])
    svc.surat_masuk_teruskan(user=kantor["sekretaris"], pk=surat.pk, expected_status="sekretaris")
    assert ("suratmasuk", surat.pk) in _inbox_records(kantor["kadis"])
    cards = KartuKendali.objects.filter(
        content_type=ContentType.objects.get_for_model(SuratMasuk), object_id=surat.pk
    ).values_list("ke_status", "pelaku__username")
    assert list(cards) == [
        ("kasubag", kantor["agendaris"].username),
        ("sekretaris", kantor["kasubag"].username),
        ("kadis", kantor["sekretaris"].username),
    ]


def test_kadis_cannot_take_the_kasubags_step_and_a_stale_page_is_refused(kantor):
    surat = catat(kantor["agendaris"])
    with pytest.raises(BerkasForbidden):
        svc.surat_masuk_teruskan(user=kantor["kadis"], pk=surat.pk, expected_status="kasubag")
    svc.surat_masuk_teruskan(user=kantor["kasubag"], pk=surat.pk, expected_status="kasubag")
    with pytest.raises(BerkasConflict, match="baru saja diproses oleh"):
        svc.surat_masuk_teruskan(user=kantor["kasubag"], pk=surat.pk, expected_status="kasubag")


def test_only_agendaris_records(kantor):
    with pytest.raises(BerkasForbidden):
        catat(kantor["kasubag"])


def test_disposisi_chain_down_three_levels_and_back_up(kantor):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    batas = timezone.localdate() + timedelta(days=3)

    # Kadis → Sekretaris
    (top,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"],
        pk=surat.pk,
        expected_status="kadis",
        data=disposisi_data([kantor["sekretaris"]], instruksi=["Tindak lanjuti", "Siapkan jawaban"], batas_waktu=batas),
    )
    surat.refresh_from_db()
    assert surat.status == StatusSuratMasuk.DIDISPOSISI
    assert ("disposisi", top.pk) in _inbox_records(kantor["sekretaris"])
    assert sorted(i.nama for i in top.instruksi.all()) == ["Siapkan jawaban", "Tindak lanjuti"]

    # opening records the read time once
    assert top.dibaca_pada is None
    svc.disposisi_baca(user=kantor["sekretaris"], disposisi=top)
    top.refresh_from_db()
    first_read = top.dibaca_pada
    assert first_read is not None
    svc.disposisi_baca(user=kantor["sekretaris"], disposisi=top)
    top.refresh_from_db()
    assert top.dibaca_pada == first_read

    # Sekretaris → Kasubag → staff
    (mid,) = svc.disposisi_teruskan(
        user=kantor["sekretaris"], pk=top.pk, expected_status="terbuka", data=disposisi_data([kantor["kasubag"]])
    )
    (low,) = svc.disposisi_teruskan(
        user=kantor["kasubag"], pk=mid.pk, expected_status="terbuka", data=disposisi_data([kantor["staf_sek"]])
    )
    assert low.induk_id == mid.pk and mid.induk_id == top.pk
    assert ("disposisi", low.pk) in _inbox_records(kantor["staf_sek"])
    # the ones who passed it on still hold their part
    assert ("disposisi", mid.pk) in _inbox_records(kantor["kasubag"])

    # the Kasubag cannot close before the staff member
    with pytest.raises(BerkasConflict, match="belum selesai"):
        svc.disposisi_tutup(user=kantor["kasubag"], pk=mid.pk, expected_status="diteruskan", catatan="Selesai")

    # back up: staff, Kasubag, Sekretaris close with notes
    svc.disposisi_tutup(
        user=kantor["staf_sek"], pk=low.pk, expected_status="terbuka", catatan="Undangan digandakan dan diedarkan."
    )
    svc.disposisi_tutup(user=kantor["kasubag"], pk=mid.pk, expected_status="diteruskan", catatan="Sudah diedarkan.")
    surat.refresh_from_db()
    assert surat.status == StatusSuratMasuk.DIDISPOSISI
    svc.close_disposisi_with_reply(disposisi_id=top.pk, balasan_teks="005/77/408.43/2026", user=kantor["sekretaris"])

    for d in (low, mid, top):
        d.refresh_from_db()
        assert d.status == StatusDisposisi.SELESAI
        assert d.ditutup_pada is not None and d.dibaca_pada is not None
    assert low.catatan_tindak_lanjut == "Undangan digandakan dan diedarkan."
    assert top.balasan_teks == "005/77/408.43/2026"
    surat.refresh_from_db()
    assert surat.status == StatusSuratMasuk.SELESAI
    assert not work_items(kantor["sekretaris"]).exists()
    assert not work_items(kantor["staf_sek"]).exists()


def test_reply_hook_links_a_record(kantor):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    (d,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kantor["kabid"]])
    )
    reply = kantor["agendaris"]  # any saved row stands for the naskah keluar
    svc.close_disposisi_with_reply(disposisi_id=d.pk, balasan=reply, user=kantor["kabid"])
    d.refresh_from_db()
    assert d.balasan == reply
    assert d.status == StatusDisposisi.SELESAI


def test_cukup_diarsipkan_closes_that_part(kantor):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    (d,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kantor["kasi"]])
    )
    svc.disposisi_arsipkan(user=kantor["kasi"], pk=d.pk, expected_status="terbuka")
    d.refresh_from_db()
    surat.refresh_from_db()
    assert d.status == StatusDisposisi.DIARSIPKAN
    assert surat.status == StatusSuratMasuk.SELESAI


def test_kadis_may_archive_without_disposisi(kantor):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    svc.surat_masuk_arsipkan(user=kantor["kadis"], pk=surat.pk, expected_status="kadis")
    surat.refresh_from_db()
    assert surat.status == StatusSuratMasuk.DIARSIPKAN


def test_disposisi_outside_the_office_or_upwards_is_refused(kantor):
    from dukcapil.models import User

    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    inactive = kantor["staf"]
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    inactive.refresh_from_db()
    no_role = User.objects.create_user("tamu", password="x")
    for outsider in (inactive, no_role, kantor["operator"]):
        with pytest.raises(BerkasInvalid, match="di bawah jenjang"):
            svc.surat_masuk_disposisi(
                user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([outsider])
            )
    (d,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kantor["kasi"]])
    )
    # a Kasi cannot pass it up to the Sekretaris
    with pytest.raises(BerkasInvalid, match="di bawah jenjang"):
        svc.disposisi_teruskan(
            user=kantor["kasi"], pk=d.pk, expected_status="terbuka", data=disposisi_data([kantor["sekretaris"]])
        )
    # nobody but the recipient acts on it
    with pytest.raises(BerkasForbidden):
        svc.disposisi_tutup(user=kantor["kabid"], pk=d.pk, expected_status="terbuka", catatan="bukan milik saya")


def test_recipients_are_below_the_giver(kantor):
    kadis = set(svc.penerima_disposisi(kantor["kadis"]))
    assert {kantor["sekretaris"], kantor["kabid"], kantor["kasubag"], kantor["kasi"], kantor["staf"]} <= kadis
    assert kantor["operator"] not in kadis and kantor["kadis"] not in kadis
    kasi = set(svc.penerima_disposisi(kantor["kasi"]))
    assert kantor["staf"] in kasi
    assert not kasi & {kantor["sekretaris"], kantor["kabid"], kantor["kasubag"], kantor["kadis"]}
    # below the Sekretaris a disposisi stays in the giver's bidang
    assert kantor["staf_sek"] not in kasi
    assert set(svc.penerima_disposisi(kantor["kasubag"])) == {kantor["staf_sek"]}
    assert kantor["staf"] in set(svc.penerima_disposisi(kantor["sekretaris"]))


def test_new_disposisi_notifies_the_recipient_in_the_app_and_by_email(kantor):
    from dukcapil.notifikasi.models import Notifikasi, PesanKeluar

    kabid = kantor["kabid"]
    kabid.email = "kabid@dukcapil.example"
    kabid.save(update_fields=["email"])
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    (d,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kabid])
    )
    (n,) = Notifikasi.objects.filter(penerima=kabid)
    assert surat.nomor in n.judul and n.url == d.get_absolute_url()
    (mail,) = PesanKeluar.objects.all()
    assert mail.kepada == ["kabid@dukcapil.example"]
    assert not Notifikasi.objects.filter(penerima=kantor["kasi"]).exists()


def test_overdue_disposisi_flagged_to_the_giver(kantor):
    from sekretariat.selectors.surat_masuk import disposisi_diberikan

    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    (late, on_time) = svc.surat_masuk_disposisi(
        user=kantor["kadis"],
        pk=surat.pk,
        expected_status="kadis",
        data=disposisi_data([kantor["kabid"], kantor["kasi"]], batas_waktu=timezone.localdate()),
    )
    Disposisi.objects.filter(pk=late.pk).update(batas_waktu=timezone.localdate() - timedelta(days=1))
    rows = disposisi_diberikan(kantor["kadis"])
    assert [(r.disposisi.pk, r.terlambat) for r in rows] == [(late.pk, True), (on_time.pk, False)]
    svc.disposisi_tutup(user=kantor["kabid"], pk=late.pk, expected_status="terbuka", catatan="Sudah")
    assert not any(r.terlambat for r in disposisi_diberikan(kantor["kadis"]))


def test_batas_waktu_in_the_past_refused(kantor):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    with pytest.raises(BerkasInvalid, match="Batas waktu"):
        svc.surat_masuk_disposisi(
            user=kantor["kadis"],
            pk=surat.pk,
            expected_status="kadis",
            data=disposisi_data([kantor["kabid"]], batas_waktu=date(2020, 1, 1)),
        )


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_agenda_numbers_are_consecutive_and_distinct(kantor):
    numbers: list[int] = []
    errors: list[Exception] = []
    barrier = threading.Barrier(20)

    def take():
        try:
            barrier.wait()
            numbers.append(
                catat(kantor["agendaris"], tanggal_terima=date(2026, 1, 5), tanggal_surat=date(2026, 1, 2)).nomor_agenda
            )
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 21))
    assert sorted(SuratMasuk.objects.filter(tahun=2026).values_list("nomor_agenda", flat=True)) == list(range(1, 21))
