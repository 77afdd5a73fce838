"""The demo's laporan perkembangan kependudukan: built from the demo register through the services;
the demo Kadis signs the semester report waiting for TTE with the demo passphrase."""

from unittest.mock import patch

import pytest
from django.db import connection
from django.urls import reverse

from dukcapil.demo import DEMO_PASSWORD, DEMO_TTE_PASSPHRASE, demo_nip, ensure_users
from dukcapil.models import Dokumen
from dukcapil.tte.services import install_dev_certificate, record_ref
from pendaftaran.demo import seed_register
from piak.demo import build_laporan_penduduk_demo
from sekretariat.demo import ensure_sekretariat_users
from tests.factories import committed

pytestmark = pytest.mark.django_db


def test_demo_reports_and_the_demo_kadis_signs_the_waiting_one(catalogue, client):
    users = ensure_users()
    users.update(ensure_sekretariat_users(DEMO_PASSWORD, demo_nip))
    install_dev_certificate(user=users["kadis"], passphrase=DEMO_TTE_PASSPHRASE, nama="Ahmad Kepala Dinas")
    seed_register(families=3)
    # as in bin/start, each commit runs its callbacks (the signing task) at once
    with patch.object(connection, "on_commit", lambda func, robust=False: func()):
        signed, waiting, dp3ak = build_laporan_penduduk_demo(users)

    assert signed.status == "terdaftar" and signed.nomor_registrasi.startswith("470/")
    assert Dokumen.objects.filter(content_type__model="laporanperkembangan", object_id=signed.pk).exists()
    assert signed.data["jumlah"]["total"] > 0 and signed.analisis
    assert waiting.status == "tte" and waiting.putaran == 2  # returned once by the Kabid
    assert waiting.tanggal_awal > signed.tanggal_akhir
    assert dp3ak.status == "draf" and dp3ak.jenis == "bulanan_dp3ak" and "umur_anak" in dp3ak.data

    client.force_login(users["kadis"])
    assert f'value="{record_ref(waiting)}"' in client.get(reverse("kotak-masuk")).content.decode()
    with committed():
        response = client.post(
            reverse("tte-batch-start"), {"record": [record_ref(waiting)], "passphrase": DEMO_TTE_PASSPHRASE}
        )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "terbit"
