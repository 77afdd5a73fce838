"""PIAK distribusi blangko in the browser: the ADB records a delivery and a kecamatan's request, the
Kasi PIAK proposes, the Kabid PIAK decides (an amount above the stock is refused), the ADB records
the handover and the BAST number appears; the stock page shows what left."""

import pytest

from dukcapil.choices import Role
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_a_request_from_delivery_to_bast(desks, e2e_team):
    p = {
        "kasi_piak": staff(Role.KASI, bidang="piak", first_name="Rudi"),
        "kabid_piak": staff(Role.KABID, bidang="piak", first_name="Wulan"),
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar"),
    }
    adb = desks(p["adb"])
    adb.goto("/piak/distribusi-blangko/stok/", "stok dinas kosong")
    adb.page.select_option("#id_jenis", "ktp-el")
    adb.page.fill("#id_jumlah", "60")
    adb.page.select_option("#id_sumber", "ditjen")
    adb.submit(adb.page.get_by_role("button", name="Simpan penerimaan"), "penerimaan tersimpan")
    assert "Penerimaan dicatat" in adb.text()

    adb.page.get_by_role("link", name="Permintaan kecamatan").click()
    adb.page.get_by_role("link", name="Catat permintaan").click()
    adb.page.fill("#id_kecamatan", "Bintan Timur")
    adb.page.fill("#id_pengaju", "Siti Aminah")
    adb.page.fill("#id_stok_ktp-el", "5")
    adb.page.fill("#id_diminta_ktp-el", "50")
    adb.submit(adb.page.get_by_role("button", name="Simpan permintaan"), "permintaan tersimpan")
    url = adb.page.url
    assert "Diajukan kecamatan" in adb.text()
    no_traceback(adb)

    kasi = desks(p["kasi_piak"])
    kasi.goto(url, "permintaan untuk kasi")
    kasi.submit(kasi.page.get_by_role("button", name="Usulkan"), "diusulkan")
    assert "Diusulkan Kasi PIAK" in kasi.text()

    kabid = desks(p["kabid_piak"])
    kabid.goto(url, "permintaan untuk kabid")
    kabid.page.fill("#id_jumlah_ktp-el", "70")
    response = kabid.submit(kabid.page.get_by_role("button", name="Putuskan"), "melebihi permintaan ditolak")
    assert response.status == 400 and "Melebihi jumlah yang diminta (50)" in kabid.text()
    kabid.page.fill("#id_jumlah_ktp-el", "45")
    kabid.page.fill("#id_alasan_ktp-el", "Stok dibagi dengan kecamatan lain.")
    kabid.submit(kabid.page.get_by_role("button", name="Putuskan"), "diputuskan")
    assert "Diputuskan Kabid PIAK" in kabid.text()

    adb.goto(url, "siap diserahkan")
    adb.page.fill("#id_penerima_nama", "Siti Aminah")
    adb.page.fill("#id_penerima_nip", "198501012010012003")
    adb.submit(adb.page.get_by_role("button", name="Catat serah terima"), "bast tercatat")
    text = adb.text()
    assert "Diserahterimakan (BAST)" in text and "/BAST-BLANGKO/PIAK/" in text and "Cetak BAST (PDF)" in text
    adb.goto("/piak/distribusi-blangko/stok/", "stok sesudah serah terima")
    row = adb.page.inner_text("#stok-ktp-el")
    assert row.split() == ["Blangko", "KTP-el", "60", "45", "0", "15"]
    no_traceback(adb)
