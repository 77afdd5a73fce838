"""IKM in the browser: a citizen fills the questionnaire on the kiosk tablet by tapping the big
answer buttons, the kiosk returns to an empty form by itself, and the Kadis sees the answer counted
on the results page (index, grade, weakest unsur, chart). A citizen with a resi answers once; the
Kasi draws the semester report up from the results page."""

import pytest
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.ikm.models import ResponIKM, UndanganIKM
from tests.factories import register, staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

# U1..U9 tapped on the kiosk: by hand NRR = these values, Σ = 30, /9 × 25 = 83,33 → B (Baik)
JAWABAN = {"u1": 4, "u2": 3, "u3": 2, "u4": 4, "u5": 3, "u6": 4, "u7": 4, "u8": 3, "u9": 3}


def tap_answers(page, jawaban: dict, layanan: str | None = None):
    if layanan:
        page.select_option("#id_layanan", label=layanan)
    for kode, nilai in jawaban.items():
        page.click(f"#q-{kode} label:has(input[value='{nilai}'])")
    for name, value in (("kelompok_umur", "36-45"), ("jenis_kelamin", "P"), ("pendidikan", "s1"),
                        ("pekerjaan", "swasta")):  # fmt: skip
        page.click(f"#q-{name} label:has(input[value='{value}'])")


def test_the_kiosk_answer_is_counted_on_the_results_page(desks, e2e_team):
    kios = desks(None, name="kios")
    kios.page.set_viewport_size({"width": 800, "height": 1280})  # a tablet standing at the desk
    kios.goto("/ikm/kiosk/", "kios kosong")
    page = kios.page
    assert page.locator(".topbar nav").is_hidden()  # no links away from the questionnaire
    # a missing answer: the page says which, nothing is kept
    kios.submit(page.get_by_role("button", name="Kirim penilaian"), "kios belum lengkap")
    assert "perlu diperbaiki" in kios.text() and ResponIKM.objects.count() == 0

    tap_answers(page, JAWABAN, layanan="Penerbitan Kartu Keluarga (KK)")
    page.fill("#id_saran", "Mohon tambah kursi di ruang tunggu.")
    kios.shot("kios terisi")
    kios.submit(page.get_by_role("button", name="Kirim penilaian"), "kios terima kasih")
    assert "Terima kasih" in kios.text()
    page.wait_for_url("**/ikm/kiosk/", timeout=15_000)  # back to an empty form by itself
    kios.shot("kios kembali kosong")
    assert page.locator("input[type=radio]:checked").count() == 0
    assert ResponIKM.objects.get().saluran == "kios"

    kadis = desks(e2e_team["kadis"])
    kadis.goto("/ikm/hasil/", "hasil ikm")
    no_traceback(kadis)
    text = kadis.text()
    assert kadis.page.inner_text("#ikm-responden") == "1"
    assert kadis.page.inner_text("#ikm-nilai") == "83,33"
    assert kadis.page.inner_text("#ikm-mutu") == "B (Baik)"
    assert "Waktu penyelesaian (2,00)" in kadis.page.inner_text("#ikm-terendah")
    assert "Mohon tambah kursi di ruang tunggu." in text
    kadis.page.wait_for_function("document.getElementById('grafik-ikm').width > 0")
    kadis.shot("hasil ikm dengan grafik")


def test_a_resi_link_takes_one_answer(desks, e2e_team):
    berkas = register(e2e_team["loket"])
    token = UndanganIKM.objects.get(berkas=berkas).token
    warga = desks(None)
    warga.page.set_viewport_size({"width": 390, "height": 844})  # a phone
    warga.goto(f"/ikm/r/{token}/", "survei dari resi")
    assert "Penerbitan Kartu Keluarga (KK)" in warga.text() and berkas.pemohon_nama not in warga.text()
    tap_answers(warga.page, {f"u{i}": 3 for i in range(1, 10)})
    warga.submit(warga.page.get_by_role("button", name="Kirim penilaian"), "survei resi terkirim")
    warga.goto(f"/ikm/r/{token}/", "survei resi kedua kali")
    assert "sudah diisi" in warga.text()
    assert ResponIKM.objects.filter(saluran="resi", tanggal=timezone.localdate()).count() == 1


def test_the_kasi_draws_the_report_up(desks, e2e_team):
    from dukcapil.ikm.services import respon_kirim

    for nilai in (3, 4):
        respon_kirim(
            saluran="kios",
            jawaban={f"u{i}": nilai for i in range(1, 10)}
            | {"kelompok_umur": "17-25", "jenis_kelamin": "L", "pendidikan": "sma", "pekerjaan": "lainnya"},
            layanan=register(e2e_team["loket"], seq=nilai).layanan,
        )
    kasi = desks(staff(Role.KASI, bidang="piak", first_name="Rudi"))
    kasi.goto("/ikm/hasil/", "hasil untuk kasi")
    kasi.page.get_by_role("link", name="Susun laporan IKM semester").click()
    kasi.page.fill("#id_analisis", "Semua unsur baik; pertahankan.")
    kasi.page.fill("#id_rencana_tindak_lanjut", "Sosialisasi kanal pengaduan.")
    kasi.submit(kasi.page.get_by_role("button", name="Susun laporan"), "laporan disusun")
    no_traceback(kasi)
    assert "Laporan Indeks Kepuasan Masyarakat Semester" in kasi.text() and "Konsep" in kasi.text()
    assert kasi.page.get_by_role("link", name="PDF laporan (tabel dan grafik)").is_visible()
