"""The queue in the browser: a citizen takes a ticket at the kiosk (it prints itself), the front
office calls it at loket 1, the waiting-room display shows it and announces it (chime, then the
text in Bahasa Indonesia); the display loses its connection, misses a recall and the next call, and
announces both in order when it is back."""

import pytest

from dukcapil.antrian import services as svc
from dukcapil.antrian.models import Loket, StatusTiket, Tiket
from dukcapil.choices import Role
from dukcapil.models import Bidang
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

# The browser's print dialog and speech engine stand in as recorders: the page calls them as it
# would on the kiosk and the TV; the test reads what they were asked to do.
RECORDERS = """
window.__dicetak = 0;
window.print = function () { window.__dicetak += 1; };
window.__ucapan = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: function (u) {
    if (u.text) { window.__ucapan.push([u.text, u.lang]); }
    setTimeout(function () { if (u.onend) { u.onend(); } }, 50);
  },
  getVoices: function () { return []; }, cancel: function () {}
}});
"""


@pytest.fixture
def antrian_e2e(transactional_db, catalogue, settings, monkeypatch):
    from dukcapil.antrian.antrian_data import load
    from dukcapil.antrian.models import JalurAntrian

    load()  # the default lines (a flushed database gets them back at its post_migrate)
    settings.ANTRIAN_LAYAR_INTERVAL_MS = 400
    settings.ANTRIAN_KIOSK_DIAM_DETIK = 3
    monkeypatch.setattr(svc, "alasan_tutup", lambda *args, **kwargs: None)  # open whatever the hour
    a = JalurAntrian.objects.get(huruf="A")
    loket = Loket.objects.create(nomor=1, nama="Pendaftaran Penduduk", bidang=Bidang.objects.get(kode="pendaftaran"))
    loket.jalur.set([a])
    return {"a": a, "loket": loket, "fo": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Rina")}


def spoken(desk) -> list:
    return desk.page.evaluate("() => window.__ucapan")


def test_kiosk_ticket_called_at_the_loket_is_shown_and_announced_on_the_display(desks, antrian_e2e):
    loket = antrian_e2e["loket"]
    tv = desks(None, name="layar")
    tv.context.add_init_script(RECORDERS)
    tv.goto("/antrian/layar/", "layar kosong")
    tv.page.get_by_role("button", name="Aktifkan suara").click()
    assert tv.page.get_attribute("#layar", "data-suara") == "aktif"

    # the citizen taps line A at the kiosk; the ticket page prints itself once
    kiosk = desks(None, name="kios")
    kiosk.context.add_init_script(RECORDERS)
    kiosk.goto("/antrian/kiosk/", "kios")
    kiosk.submit(kiosk.page.locator("button.jalur[data-jalur='A']"), "tiket tercetak")
    no_traceback(kiosk)
    assert kiosk.page.locator("#kode-tiket").inner_text() == "A001"
    assert "0 orang menunggu di depan Anda" in kiosk.text()
    kiosk.page.wait_for_function("() => window.__dicetak === 1")
    tiket = Tiket.objects.get()
    assert str(tiket.token) in kiosk.page.url
    # a second citizen takes A002 and walks away: the kiosk returns to its start screen by itself
    kiosk.goto("/antrian/kiosk/", "kios lagi")
    kiosk.submit(kiosk.page.locator("button.jalur[data-jalur='A']"), "tiket kedua")
    assert kiosk.page.locator("#kode-tiket").inner_text() == "A002"
    kiosk.page.wait_for_url("**/antrian/kiosk/", timeout=10_000)
    kiosk.shot("kembali ke awal")
    assert kiosk.page.locator("button.jalur").count() == 2

    # the front office calls the next number at loket 1
    fo = desks(antrian_e2e["fo"])
    fo.goto(f"/antrian/loket/{loket.pk}/", "konsol loket")
    fo.submit(fo.page.get_by_role("button", name="Panggil berikutnya"), "A001 dipanggil")
    no_traceback(fo)
    assert fo.page.locator("#tiket-aktif").inner_text() == "A001"

    # the display shows it and announces it
    tv.page.wait_for_function("() => document.getElementById('kode-dipanggil').textContent === 'A001'")
    tv.page.wait_for_function("() => window.__ucapan.length === 1")
    tv.shot("A001 di layar")
    assert tv.page.locator("#loket-dipanggil").inner_text() == "Loket 1"
    assert spoken(tv) == [["Nomor antrian A 0 0 1, silakan menuju loket 1", "id-ID"]]
    assert tv.page.get_attribute("#terakhir-diucapkan", "data-teks") == "Nomor antrian A 0 0 1, silakan menuju loket 1"
    assert tv.page.locator("#papan li[data-loket='1'] .tv-papan-kode").inner_text() == "A001"

    # the display loses its connection; the officer recalls A001, skips it and calls A002
    tv.context.set_offline(True)
    fo.submit(fo.page.get_by_role("button", name="Panggil ulang"), "panggil ulang")
    fo.submit(fo.page.get_by_role("button", name="Lewati (tidak hadir)"), "dilewati")
    fo.submit(fo.page.get_by_role("button", name="Panggil berikutnya"), "A002 dipanggil")
    assert fo.page.locator("#tiket-aktif").inner_text() == "A002"
    tv.page.wait_for_selector("#status-sambungan:not([hidden])")
    tv.shot("sambungan terputus")
    tv.context.set_offline(False)

    # back online: both missed calls, in order, one after the other
    tv.page.wait_for_function("() => window.__ucapan.length === 3", timeout=20_000)
    tv.shot("A002 di layar")
    assert [text for text, _lang in spoken(tv)[1:]] == [
        "Nomor antrian A 0 0 1, silakan menuju loket 1",
        "Nomor antrian A 0 0 2, silakan menuju loket 1",
    ]
    assert tv.page.locator("#kode-dipanggil").inner_text() == "A002"
    assert tv.page.locator("#riwayat li .kode").all_inner_texts()[:3] == ["A002", "A001", "A001"]
    assert Tiket.objects.get(nomor=1).status == StatusTiket.DILEWATI
    assert tiket.nik == ""


def test_online_ticket_serving_with_the_intake_links_and_statistics(desks, antrian_e2e, warga):
    from dukcapil.models import Layanan
    from pendaftaran.models import Penduduk

    layanan = Layanan.objects.filter(bidang__kode="pendaftaran", sop__isnull=False).exclude(jenis_berkas="")
    antrian_e2e["a"].layanan.set(layanan.order_by("kode")[:2])
    nik = Penduduk.objects.order_by("pk").values_list("nik", flat=True).first()

    # the citizen takes a number on the website
    warga_desk = desks(None, name="warga")
    warga_desk.page.set_viewport_size({"width": 390, "height": 844})  # the citizen's phone
    warga_desk.goto("/antrian/ambil/", "form online")
    assert warga_desk.page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page = warga_desk.page
    page.select_option("#id_jalur", str(antrian_e2e["a"].pk))
    page.fill("#id_nik", "2102015708850099")
    page.fill("#id_email", "warga@example.com")
    warga_desk.submit(page.get_by_role("button", name="Ambil nomor"), "nik tidak terverifikasi")
    assert "NIK tidak dapat diverifikasi" in warga_desk.text()
    page.fill("#id_nik", nik)
    warga_desk.submit(page.get_by_role("button", name="Ambil nomor"), "tiket online")
    no_traceback(warga_desk)
    assert page.locator("#kode-tiket").inner_text() == "A001" and nik not in page.url and nik not in warga_desk.text()
    assert "0 orang menunggu" in warga_desk.text()
    assert warga_desk.page.evaluate("() => document.documentElement.scrollWidth") <= 390

    # the front office calls and serves it; the intake of the line's layanan is one click away
    fo = desks(antrian_e2e["fo"])
    fo.goto("/antrian/loket/", "daftar loket")
    fo.page.get_by_role("link", name="Loket 1").click()
    fo.submit(fo.page.get_by_role("button", name="Panggil berikutnya"), "dipanggil")
    fo.submit(fo.page.get_by_role("button", name="Mulai layani"), "dilayani")
    no_traceback(fo)
    links = fo.page.locator("ul.layanan-tiket a")
    assert links.count() == 2 and links.first.get_attribute("href").startswith("/loket/")
    fo.submit(fo.page.get_by_role("button", name="Selesai"), "selesai")
    assert Tiket.objects.get().status == StatusTiket.SELESAI

    warga_desk.goto(Tiket.objects.get().get_absolute_url(), "tiket selesai")
    assert "Selesai" in warga_desk.text()

    # statistics: the range is checked, the table and the XLSX link are there
    kabid = desks(staff(Role.KABID, bidang="pendaftaran", first_name="Sri"))
    kabid.goto("/antrian/statistik/?mulai=2026-11-05&sampai=2026-11-01", "rentang salah")
    assert "Tanggal akhir tidak boleh sebelum tanggal mulai." in kabid.text()
    kabid.goto("/antrian/statistik/", "statistik")
    no_traceback(kabid)
    assert "A Pendaftaran Penduduk" in kabid.page.locator("#stat-jalur-total").inner_text()
    assert kabid.page.get_by_role("link", name="Unduh XLSX").count() == 1
