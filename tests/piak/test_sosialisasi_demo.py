"""The demo's sosialisasi: one event in each state, its letters through the real naskah chain and
the demo Kadis's TTE (as in bin/start, the signing task runs at each commit)."""

from unittest.mock import patch

import pytest
from django.db import connection

from dukcapil.demo import DEMO_PASSWORD, DEMO_TTE_PASSPHRASE, demo_nip, ensure_users
from dukcapil.tte.services import install_dev_certificate
from piak.demo_sosialisasi import build_sosialisasi_demo
from piak.models import StatusSosialisasi
from sekretariat import naskah_data
from sekretariat.demo import ensure_sekretariat_users

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_event_in_every_state_and_its_signed_letters(catalogue):
    naskah_data.load()
    users = ensure_users()
    users.update(ensure_sekretariat_users(DEMO_PASSWORD, demo_nip))
    install_dev_certificate(user=users["kadis"], passphrase=DEMO_TTE_PASSPHRASE, nama="Ahmad Kepala Dinas")
    with patch.object(connection, "on_commit", lambda func, robust=False: func()):
        made = build_sosialisasi_demo(users)

    for s in made:
        s.refresh_from_db()
    assert sorted(s.status for s in made) == sorted(StatusSosialisasi.values)
    by_status = {s.status: s for s in made}
    selesai = by_status["selesai"]
    assert selesai.surat.nomor_naskah and selesai.nota_dinas.status == "terbit"
    assert selesai.kehadiran.count() == 5 and selesai.daftar_hadir and selesai.surat_tugas_id
    assert by_status["surat"].surat.status == "periksa"
    assert by_status["dilaporkan"].nota_dinas.status == "periksa"
