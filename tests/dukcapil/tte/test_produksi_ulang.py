"""«Produksi ulang»: a berkas stuck in «cetak» (its task lost) is produced again by the Kasi or admin."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dukcapil import services
from dukcapil.choices import Status
from dukcapil.models import BatchTTE, BatchTTEItem, Berkas, Dokumen
from dukcapil.tte import session_store
from tests.factories import TTE_PASSPHRASE, berkas_in, committed

pytestmark = pytest.mark.django_db


def stuck(team, *, session: bool = True, minutes: int = 30, seq: int = 1) -> Berkas:
    """Signed by the Kadis, but the signing task never ran (as when the broker was down)."""
    berkas = berkas_in(Status.TTE, team, seq=seq)
    with transaction.atomic():
        locked = Berkas.objects.select_for_update().get(pk=berkas.pk)
        batch = BatchTTE.objects.create(penandatangan=team["kadis"])
        services.run_transition(locked, "sign", team["kadis"], "Disetujui untuk TTE.")
        BatchTTEItem.objects.create(batch=batch, record=locked)
        if session:
            session_store.put(batch.pk, TTE_PASSPHRASE)
    Berkas.objects.filter(pk=berkas.pk).update(status_sejak=timezone.now() - timedelta(minutes=minutes))
    berkas.refresh_from_db()
    return berkas


def page(client, berkas) -> str:
    return client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi])).content.decode()


def produce_again(client, berkas):
    with committed():
        return client.post(reverse("berkas-produksi-ulang", args=[berkas.nomor_registrasi]))


def test_the_kasi_produces_a_stuck_berkas_again_while_the_signing_session_lasts(client, team):
    berkas = stuck(team)
    client.force_login(team["kasi"])
    assert "Produksi ulang dokumen" in page(client, berkas)
    response = produce_again(client, berkas)
    assert response.status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    assert Dokumen.objects.get(berkas=berkas, jenis="kk").ditandatangani


def test_after_the_session_ended_it_goes_back_to_the_kadis(client, team):
    berkas = stuck(team, session=False)
    client.force_login(team["admin"])
    produce_again(client, berkas)
    berkas.refresh_from_db()
    assert berkas.status == Status.TTE
    client.force_login(team["kadis"])
    assert berkas.nomor_registrasi in client.get(reverse("kotak-masuk")).content.decode()


def test_a_berkas_just_signed_is_not_stuck_and_other_roles_may_not(client, team):
    recent = stuck(team, minutes=1)
    client.force_login(team["kasi"])
    assert "Produksi ulang dokumen" not in page(client, recent)
    assert produce_again(client, recent).status_code == 409
    old = stuck(team, seq=2)
    client.force_login(team["operator"])
    assert "Produksi ulang dokumen" not in page(client, old)
    assert produce_again(client, old).status_code == 403
    old.refresh_from_db()
    assert old.status == Status.CETAK
