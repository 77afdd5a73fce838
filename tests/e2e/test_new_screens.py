"""The screens added for the counter and the back office, opened in the browser by their users."""

import pytest

from dukcapil.choices import Status
from tests.factories import berkas_in

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_back_office_screens_open_for_their_users(desks, e2e_team, warga):
    returned = berkas_in(Status.DIKEMBALIKAN, e2e_team, seq=1)
    # no signing here: pyhanko's event loop cannot run in the test thread, where Playwright's runs
    in_validasi = berkas_in(Status.VALIDASI, e2e_team, seq=2)

    loket = desks(e2e_team["loket"])
    assert loket.goto(f"/berkas/{returned.nomor_registrasi}/slip-kekurangan/", "slip kekurangan").ok
    assert all(item in loket.text() for item in returned.persyaratan_kurang)
    assert loket.goto(f"/berkas/{in_validasi.nomor_registrasi}/kartu-kendali/", "kartu kendali").ok
    assert "Paraf" in loket.text() and "Menunggu validasi Kabid" in loket.text()
    loket.goto("/cari/?q=BUDI", "cari")
    assert returned.nomor_registrasi in loket.text()

    pengambilan = desks(e2e_team["pengambilan"])
    assert pengambilan.goto("/pengambilan/buku/", "buku pengambilan").ok
    assert "Buku pengambilan dokumen" in pengambilan.text()

    operator = desks(e2e_team["operator"])
    assert operator.goto("/pendaftaran/perekaman/", "jadwal perekaman").ok
    assert "Jadwal perekaman KTP-el" in operator.text()
    operator.goto("/pendaftaran/database/", "database penduduk")
    head = warga[1].anggota.get(hubungan="KEPALA KELUARGA")
    operator.page.fill("#q", head.nik)
    operator.submit(operator.page.get_by_role("button", name="Cari").last, "hasil database")
    assert "Riwayat perubahan" in operator.text()
    for desk in (loket, pengambilan, operator):
        no_traceback(desk)
