"""One open berkas per subject and layanan: going back and submitting the intake again is refused."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from dukcapil import services
from dukcapil.choices import Role, Status
from dukcapil.exceptions import BerkasConflict, DuplicateBerkas
from dukcapil.models import Berkas, Layanan
from tests.factories import act, committed, register, staff, wajib_ids
from tests.factories import pemohon as make_pemohon

from .test_views import intake_data


@pytest.mark.django_db
def test_a_second_intake_for_the_same_pemohon_and_layanan_is_refused_naming_the_open_berkas(team):
    first = register(team["loket"])
    with pytest.raises(BerkasConflict) as refused:
        register(team["loket"])
    assert refused.value.http_status == 409
    assert first.nomor_registrasi in refused.value.message
    assert refused.value.nomor == first.nomor_registrasi
    assert Berkas.objects.count() == 1


@pytest.mark.django_db
def test_a_returned_berkas_is_still_open_and_blocks_a_new_one(team):
    first = register(team["loket"], complete=False)
    assert first.status == Status.DIKEMBALIKAN
    with pytest.raises(DuplicateBerkas):
        register(team["loket"])


@pytest.mark.django_db
def test_another_pemohon_or_a_closed_berkas_does_not_block(team):
    first = register(team["loket"], seq=1)
    register(team["loket"], seq=2)  # another NIK
    act(first, "batalkan", team["loket"], note="Pemohon membatalkan.")
    again = register(team["loket"], seq=1)  # the first is dibatalkan: a new one may open
    assert again.pk != first.pk and Berkas.objects.count() == 3


@pytest.mark.django_db
def test_the_intake_page_answers_409_with_a_link_to_the_open_berkas(client, team):
    first = register(team["loket"])
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    response = client.post(reverse("intake", args=["kk"]), intake_data(layanan, nik=first.pemohon_nik))
    assert response.status_code == 409
    page = response.content.decode()
    assert first.nomor_registrasi in page
    assert f'href="{reverse("berkas-detail", args=[first.nomor_registrasi])}"' in page
    assert Berkas.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_intakes_for_one_pemohon_make_one_berkas(catalogue):
    loket = staff(Role.PETUGAS_LOKET)
    layanan = Layanan.objects.get(kode="kk")
    barrier = threading.Barrier(2)
    results = []

    def submit():
        try:
            barrier.wait(timeout=5)
            with committed():
                berkas = services.berkas_register(
                    layanan=layanan,
                    pemohon=make_pemohon(),
                    persyaratan_ids=wajib_ids(layanan),
                    user=loket,
                    detail={"jenis": "baru"},
                )
            results.append(berkas.nomor_registrasi)
        except Exception as exc:  # noqa: BLE001
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert Berkas.objects.count() == 1
    made = Berkas.objects.get().nomor_registrasi
    conflicts = [r for r in results if isinstance(r, DuplicateBerkas)]
    assert sorted(results, key=lambda r: isinstance(r, Exception)) == [made, *conflicts], results
    assert len(conflicts) == 1 and conflicts[0].nomor == made


@pytest.mark.django_db
def test_the_database_refuses_a_second_open_berkas_with_the_same_subject_key(team):
    from django.db import IntegrityError, transaction

    first, second = register(team["loket"], seq=1), register(team["loket"], seq=2)
    assert first.kunci_subjek == f"kk:{first.pemohon_nik}"
    with pytest.raises(IntegrityError), transaction.atomic():
        Berkas.objects.filter(pk=second.pk).update(kunci_subjek=first.kunci_subjek)
    act(first, "batalkan", team["loket"], note="Pemohon membatalkan.")
    Berkas.objects.filter(pk=second.pk).update(kunci_subjek=first.kunci_subjek)  # a closed one does not count
