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


def test_blangko_serial_and_spoiled_blank_in_the_browser(desks, e2e_team, warga):
    from pendaftaran.blangko import blangko_take
    from pendaftaran.models import StokBlangko

    StokBlangko.objects.update_or_create(jenis="ktp-el", defaults={"jumlah": 5})
    # a card printed for a berkas (taken from stock as the printing does; no signing in this thread)
    printed = berkas_in(Status.VALIDASI, e2e_team, seq=3)
    assert blangko_take(jenis="ktp-el", berkas=printed, user=e2e_team["operator"])

    operator = desks(e2e_team["operator"])
    assert operator.goto("/pendaftaran/blangko/", "stok blangko").ok
    assert "Kartu tercetak belum bernomor seri blangko (1)" in operator.text()
    operator.page.get_by_label(f"Nomor seri blangko kartu {printed.nomor_registrasi}").fill("BLK-2026-000123")
    operator.submit(operator.page.get_by_role("button", name="Simpan"), "nomor seri dicatat")
    assert "Nomor seri blangko BLK-2026-000123 dicatat" in operator.text()
    operator.page.get_by_label("Nomor seri blangko yang rusak").fill("BLK-2026-000124")
    operator.page.get_by_label("Alasan (rusak / gagal cetak)").fill("Gagal cetak: chip tidak terbaca")
    operator.submit(operator.page.get_by_role("button", name="Catat blangko rusak"), "blangko rusak dicatat")
    assert "Blangko rusak BLK-2026-000124 dicatat; sisa stok 3." in operator.text()
    operator.page.get_by_label("Nomor seri blangko yang rusak").fill("BLK-2026-000123")
    operator.page.get_by_label("Alasan (rusak / gagal cetak)").fill("Tergores")
    operator.submit(operator.page.get_by_role("button", name="Catat blangko rusak"), "nomor seri ganda")
    assert f"Nomor seri BLK-2026-000123 sudah tercatat (kartu berkas {printed.nomor_registrasi})" in operator.text()
    no_traceback(operator)


def test_kadis_is_told_which_berkas_to_sign_again_after_the_session_ended(desks, e2e_team):
    from django.contrib.contenttypes.models import ContentType

    from dukcapil.models import BatchTTE, BatchTTEItem, Berkas
    from dukcapil.tte.services import SESI_BERAKHIR

    # given two berkas back in «tte» because their batch's session ended during a broker outage
    # (the items as the sweep leaves them; no signing in this thread), and one waiting for the first time
    back = [berkas_in(Status.TTE, e2e_team, seq=n) for n in (1, 2)]
    fresh = berkas_in(Status.TTE, e2e_team, seq=3)
    batch = BatchTTE.objects.create(penandatangan=e2e_team["kadis"])
    berkas_ct = ContentType.objects.get_for_model(Berkas)
    BatchTTEItem.objects.bulk_create(
        BatchTTEItem(batch=batch, content_type=berkas_ct, object_id=b.pk, status="gagal", pesan=SESI_BERAKHIR)
        for b in back
    )

    kadis = desks(e2e_team["kadis"])
    assert kadis.goto("/kotak-masuk/", "kotak masuk dengan berkas perlu TTE ulang").ok
    banner = kadis.page.locator("#tte-ulang").inner_text()
    assert banner.startswith("2 berkas perlu ditandatangani ulang karena sesi TTE berakhir")
    rows = kadis.page.locator("table.list tbody tr")
    marked = [rows.nth(i).inner_text() for i in range(rows.count()) if "TTE ulang" in rows.nth(i).inner_text()]
    assert sorted(r.split()[0] for r in marked) == sorted(b.nomor_registrasi for b in back)
    assert fresh.nomor_registrasi in kadis.text()
    no_traceback(kadis)


def test_kadis_watches_a_running_batch_count_up_with_failures_and_reasons(desks, e2e_team):
    from dukcapil.models import BatchTTE, BatchTTEItem

    # given a batch of three the workers have not started (items as tte_batch_start leaves them;
    # no signing in this thread)
    berkas = [berkas_in(Status.TTE, e2e_team, seq=n) for n in (1, 2, 3)]
    batch = BatchTTE.objects.create(penandatangan=e2e_team["kadis"])
    items = BatchTTEItem.objects.bulk_create(BatchTTEItem(batch=batch, record=b) for b in berkas)
    kadis = desks(e2e_team["kadis"])
    kadis.goto(f"/tte/batch/{batch.pk}/", "batch tte berjalan")
    assert "0 dari 3 dokumen ditandatangani" in kadis.text() and "Sedang menandatangani" in kadis.text()

    # when the workers sign one and fail one, the counts and the reason appear without a reload
    BatchTTEItem.objects.filter(pk=items[0].pk).update(status="berhasil")
    BatchTTEItem.objects.filter(pk=items[1].pk).update(status="gagal", pesan="Layanan TTE menolak dokumen: format")
    kadis.page.locator("#tte-gagal-rincian li").wait_for(timeout=10_000)
    kadis.shot("batch tte satu gagal")
    assert "1 dari 3 dokumen ditandatangani, 1 gagal" in kadis.text()
    assert f"{berkas[1].nomor_registrasi}: Layanan TTE menolak dokumen: format" in kadis.text()

    # then the last one is signed: the page loads in full and says so
    BatchTTEItem.objects.filter(pk=items[2].pk).update(status="berhasil")
    kadis.page.get_by_text("Selesai", exact=True).wait_for(timeout=10_000)
    kadis.shot("batch tte selesai")
    assert "2 dari 3 dokumen ditandatangani, 1 gagal" in kadis.text()
    no_traceback(kadis)


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
