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


def test_a_notice_shows_as_a_badge_and_opens_its_page(desks, e2e_team):
    from dukcapil.notifikasi.services import notify

    kasi = e2e_team["kasi"]
    notify([kasi], judul="Berkas menunggu verifikasi", pesan="Tiga berkas KK baru.", url="/kotak-masuk/", email=False)
    desk = desks(kasi)
    desk.goto("/kotak-masuk/", "kotak masuk dengan lencana")
    badge = desk.page.locator("a.notif .badge")
    assert badge.inner_text() == "1"
    desk.page.click("a.notif")
    desk.shot("daftar notifikasi")
    assert "Tiga berkas KK baru." in desk.text()
    desk.submit(desk.page.get_by_role("button", name="Berkas menunggu verifikasi"), "notifikasi dibuka")
    assert desk.page.url.endswith("/kotak-masuk/")
    assert desk.page.locator("a.notif .badge").count() == 0
    no_traceback(desk)
