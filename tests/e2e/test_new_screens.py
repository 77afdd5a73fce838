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


def test_login_lockout_page_after_repeated_wrong_passwords(desks, e2e_team, settings):
    """Five wrong passwords at /masuk/: the office's Indonesian lockout page; the right one is refused too."""
    kasi = e2e_team["kasi"]
    window = desks(None, name="petugas lupa sandi")
    for n in range(settings.AXES_FAILURE_LIMIT):
        window.goto("/masuk/", f"masuk ke-{n + 1}")
        window.page.fill("#id_username", kasi.username)
        window.page.fill("#id_password", "bukan-sandinya")
        response = window.submit(window.page.get_by_role("button", name="Masuk"), f"sandi salah ke-{n + 1}")
    assert response.status == 429
    assert "Masuk dikunci sementara" in window.text() and "15 menit" in window.text()

    window.goto("/masuk/", "masuk dengan sandi benar")
    window.page.fill("#id_username", kasi.username)
    window.page.fill("#id_password", "rahasia-uji-123")
    refused = window.submit(window.page.get_by_role("button", name="Masuk"), "sandi benar ditolak")
    assert refused.status == 429 and "Terlalu banyak percobaan masuk yang gagal" in window.text()
    no_traceback(window)
