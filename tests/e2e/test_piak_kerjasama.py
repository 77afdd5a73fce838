"""PIAK kerja sama and permintaan data in the browser: the Kasi PIAK opens an agreement's page, then
opens a request from the disposisi he holds; the PKS is checked, the ADB records what left the
office, the Kasi and the Kabid verify, and the Kasi drafts the reply, which opens in the naskah chain."""

import pytest

from dukcapil.choices import Role
from piak import kerjasama_data
from piak.models import PermintaanData, StatusPermintaan
from tests.factories import staff
from tests.piak.conftest import berlaku, pdf, surat_ke_piak
from tests.sekretariat.naskah_helpers import sek_team

from .conftest import no_traceback

pytestmark = pytest.mark.e2e
HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def test_a_pks_page_and_a_request_from_disposisi_to_reply(desks, e2e_team, tmp_path):
    kerjasama_data.load()
    p = sek_team(e2e_team) | {
        "kasi_piak": staff(Role.KASI, bidang="piak", first_name="Rudi"),
        "kabid_piak": staff(Role.KABID, bidang="piak", first_name="Wulan"),
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar"),
    }
    pks = berlaku(p)
    surat, disposisi = surat_ke_piak(p)

    # the register and the agreement's page
    kasi = desks(p["kasi_piak"])
    kasi.goto("/piak/kerjasama/", "register kerja sama")
    kasi.page.get_by_role("link", name=pks.nomor_dinas).click()
    kasi.shot("halaman PKS")
    text = kasi.text()
    assert "BPJS Kesehatan Cabang" in text and "Verifikasi NIK, Akses web service" in text
    assert "PKS.01/BPJS/2026" in text and "Belum ada permintaan data." in text
    no_traceback(kasi)

    # a new proposal with its ToR, then its draft (a file that is not a PDF is refused)
    kasi.page.get_by_role("link", name="Kerja sama").first.click()
    kasi.page.get_by_role("link", name="Usulan baru").click()
    kasi.shot("form usulan")
    kasi.page.fill("#id_lembaga_baru", "Bank Pembangunan Daerah")
    kasi.page.fill("#id_judul", "Verifikasi NIK nasabah")
    kasi.page.fill("#id_tor", "Rencana kerja sama verifikasi NIK nasabah melalui web portal.")
    kasi.page.get_by_label("Verifikasi NIK").check()
    kasi.page.get_by_label("Akses web portal").check()
    kasi.submit(kasi.page.get_by_role("button", name="Simpan usulan"), "usulan tersimpan")
    assert "Usulan (ToR)" in kasi.text() and "Bank Pembangunan Daerah" in kasi.text()
    palsu = tmp_path / "draf.pdf"
    palsu.write_text("bukan pdf")
    kasi.page.set_input_files("#id_draf", str(palsu))
    response = kasi.submit(kasi.page.get_by_role("button", name="Simpan draf PKS"), "draf ditolak")
    assert response.status == 400 and "PDF, JPEG, atau PNG" in kasi.text()
    asli = tmp_path / "draf-asli.pdf"
    asli.write_bytes(pdf("Draf PKS").read())
    kasi.page.set_input_files("#id_draf", str(asli))
    kasi.submit(kasi.page.get_by_role("button", name="Simpan draf PKS"), "draf tersimpan")
    assert "Draf PKS" in kasi.text() and "Ajukan untuk dibahas" in kasi.text()

    # from the disposisi he holds, the Kasi opens the request and checks the PKS
    kasi.goto(f"/sekretariat/disposisi/{disposisi.pk}/", "disposisi permintaan")
    kasi.page.get_by_role("link", name="Buka permintaan data").click()
    kasi.shot("form buka permintaan")
    kasi.page.select_option("#id_ruang_lingkup", "verifikasi_nik")
    kasi.submit(kasi.page.get_by_role("button", name="Buka permintaan"), "permintaan dibuka")
    case = PermintaanData.objects.get()
    kasi.submit(kasi.page.get_by_role("button", name="Periksa PKS"), "PKS diperiksa")
    assert "Diolah ADB" in kasi.text() and pks.nomor_dinas in kasi.text()

    # the ADB records what left the office: a hash that is not hex is refused first
    adb = desks(p["adb"])
    adb.goto(f"/piak/permintaan-data/{case.pk}/", "ADB membuka permintaan")
    page = adb.page
    page.get_by_label("NIK", exact=True).check()
    page.get_by_label("Status padan (cocok/tidak)").check()
    page.fill("#id_jumlah_record", "1250")
    page.fill("#id_sha256", "x" * 64)
    page.select_option("#id_metode", "sftp")
    response = adb.submit(page.get_by_role("button", name="Laporkan ke Kasi"), "hash ditolak")
    assert response.status == 400 and "heksadesimal" in adb.text()
    page.get_by_label("NIK", exact=True).check()
    page.get_by_label("Status padan (cocok/tidak)").check()
    page.fill("#id_sha256", HASH)
    adb.submit(page.get_by_role("button", name="Laporkan ke Kasi"), "data keluar dicatat")
    assert HASH in adb.text() and "1250" in adb.text()

    # verified by the Kasi, then the Kabid; the Kasi drafts the reply
    kasi.goto(f"/piak/permintaan-data/{case.pk}/", "verifikasi kasi")
    kasi.submit(kasi.page.get_by_role("button", name="Verifikasi dan teruskan ke Kabid"), "diteruskan ke kabid")
    kabid = desks(p["kabid_piak"])
    kabid.goto(f"/piak/permintaan-data/{case.pk}/", "verifikasi kabid")
    kabid.submit(kabid.page.get_by_role("button", name="Setujui hasil pengolahan"), "disetujui kabid")
    kasi.goto(f"/piak/permintaan-data/{case.pk}/", "menyusun balasan")
    kasi.submit(kasi.page.get_by_role("button", name="Susun surat balasan"), "konsep balasan")
    case.refresh_from_db()
    assert case.status == StatusPermintaan.BALASAN and case.naskah is not None
    assert "/sekretariat/naskah/" in kasi.page.url and "Surat Balasan Permintaan Data" in kasi.text()
    no_traceback(kasi)

    # the agreement's page lists the request
    kasi.goto(f"/piak/kerjasama/{pks.pk}/", "PKS dengan permintaannya")
    assert case.nomor in kasi.text()
