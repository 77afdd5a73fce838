"""The Sekretariat's whole chain in the browser: a surat masuk recorded by the Agendaris goes Kasubag
→ Sekretaris → Kadis, who gives the disposisi to the Sekretaris; the Sekretaris passes it to the
Kasubag, who writes the reply naskah from the disposisi; periksa → paraf → nomor → the Kadis's TTE in
the kotak masuk → kirim by ekspedisi closes the disposisi and the surat masuk shows its reply."""

import pytest

from dukcapil.choices import Role
from sekretariat import naskah_data
from sekretariat.models import Disposisi, Instansi, InstruksiDisposisi, Naskah, SuratMasuk
from tests.factories import TTE_PASSPHRASE, staff

from .conftest import no_traceback
from .test_naskah import press
from .test_surat_masuk import _scan

pytestmark = pytest.mark.e2e


def test_surat_masuk_answered_by_a_signed_reply_sent_by_ekspedisi(desks, e2e_team, tmp_path):
    naskah_data.load()
    sek = "sekretariat"
    Instansi.objects.create(nama="Bappeda Kabupaten", alamat="Jl. Veteran 1", email="bappeda@example.go.id")
    agendaris = desks(staff(Role.AGENDARIS, bidang=sek, first_name="Wulan"))
    kasubag_user = staff(Role.KASUBAG, bidang=sek, first_name="Teguh")
    sekretaris_user = staff(Role.SEKRETARIS, bidang=sek, first_name="Ratna")
    kadis = desks(e2e_team["kadis"])

    # the Agendaris records the letter from the address book
    agendaris.goto("/sekretariat/surat-masuk/baru/", "form surat masuk")
    page = agendaris.page
    page.select_option("#id_asal", label="Bappeda Kabupaten")
    page.fill("#id_nomor_surat", "470/88/BAPPEDA/2026")
    page.fill("#id_tanggal_surat", "2026-11-27")
    page.fill("#id_perihal", "Permintaan data agregat kependudukan")
    page.set_input_files("#id_pindaian", str(_scan(tmp_path)))
    agendaris.submit(page.get_by_role("button", name="Simpan dan teruskan ke Kasubag Umum"), "surat diagendakan")
    surat = SuratMasuk.objects.get()

    kasubag, sekretaris = desks(kasubag_user), desks(sekretaris_user)
    for desk, button, step in [
        (kasubag, "Teruskan ke Sekretaris", "kasubag meneruskan"),
        (sekretaris, "Paraf dan teruskan ke Kadis", "sekretaris memaraf"),
    ]:
        desk.goto("/kotak-masuk/", "kotak masuk")
        desk.page.click(f"a[href='{surat.get_absolute_url()}']")
        desk.submit(desk.page.get_by_role("button", name=button), step)
        no_traceback(desk)

    # the Kadis gives the disposisi to the Sekretaris
    kadis.goto(surat.get_absolute_url(), "kadis membuka surat")
    kadis.page.check(f"input[name=kepada][value='{sekretaris_user.pk}']")
    instruksi = InstruksiDisposisi.objects.get(nama="Tindak lanjuti")
    kadis.page.check(f"input[name=instruksi][value='{instruksi.pk}']")
    kadis.page.fill("#id_isi", "Siapkan jawaban.")
    kadis.submit(kadis.page.get_by_role("button", name="Kirim disposisi"), "disposisi ke sekretaris")

    # the Sekretaris passes it down to the Kasubag
    sekretaris.goto("/kotak-masuk/", "kotak masuk sekretaris")
    sekretaris.page.get_by_role("link", name=f"Disposisi {surat.nomor}").click()
    sekretaris.page.check(f"input[name=kepada][value='{kasubag_user.pk}']")
    sekretaris.page.locator("form[action$='/lanjutan/'] textarea[name=isi]").fill("Buat balasannya.")
    sekretaris.submit(sekretaris.page.get_by_role("button", name="Teruskan"), "lanjutan ke kasubag")

    # the Kasubag writes the reply from the disposisi: prefilled from the letter
    kasubag.goto("/kotak-masuk/", "kotak masuk kasubag")
    kasubag.page.get_by_role("link", name=f"Disposisi {surat.nomor}").click()
    kasubag.page.select_option("#jenis-balasan", "surat-dinas")
    kasubag.submit(kasubag.page.get_by_role("button", name="Buat balasan"), "form balasan")
    assert kasubag.page.input_value("#id_tujuan_nama") == "Bappeda Kabupaten"
    assert kasubag.page.input_value("#id_tujuan_email") == "bappeda@example.go.id"
    expected_hal = "Balasan atas surat nomor 470/88/BAPPEDA/2026 perihal Permintaan data agregat kependudukan"
    assert kasubag.page.input_value("#id_hal") == expected_hal
    kasubag.page.fill("#id_isi", "Dengan hormat, bersama ini kami sampaikan data agregat yang diminta.")
    press(kasubag, "Simpan konsep", "balasan tersimpan")
    naskah = Naskah.objects.get()
    assert f"Membalas surat masuk nomor agenda {surat.nomor}" in kasubag.text()
    press(kasubag, "Ajukan untuk diperiksa", "diajukan")
    press(kasubag, "Setujui hasil pemeriksaan", "diperiksa")
    sekretaris.goto(naskah.get_absolute_url(), "sekretaris paraf")
    press(sekretaris, "Paraf koordinasi", "diparaf")
    agendaris.goto(naskah.get_absolute_url(), "agendaris memberi nomor")
    agendaris.page.select_option("#id_klasifikasi", label="470 Kependudukan")
    press(agendaris, "Beri nomor", "bernomor")
    naskah.refresh_from_db()

    # the Kadis signs it in the kotak masuk (the view signs in the server's thread)
    kadis.goto("/kotak-masuk/", "kadis kotak masuk")
    kadis.page.get_by_role("checkbox", name=f"Pilih {naskah.nomor_naskah}").check()
    kadis.page.fill("#id_passphrase", TTE_PASSPHRASE)
    kadis.submit(kadis.page.get_by_role("button", name="Tandatangani berkas terpilih"), "kadis tte")
    assert "1 dari 1 dokumen ditandatangani" in kadis.text(), kadis.text()

    # the Agendaris sends it by courier: the disposisi chain closes with the reply linked
    agendaris.goto(naskah.get_absolute_url(), "agendaris setelah tte")
    agendaris.page.fill("#id_penerima", "Sdr. Andi (Bappeda)")
    agendaris.page.select_option("#id_cara", "kurir")
    agendaris.page.fill("#id_kurir", "Caraka Joko")
    press(agendaris, "Catat di buku ekspedisi", "terkirim")
    assert all(d.status == "selesai" for d in Disposisi.objects.all())
    surat.refresh_from_db()
    assert surat.status == "selesai"

    kadis.goto(surat.get_absolute_url(), "surat masuk dengan balasannya")
    text = kadis.text()
    assert f"Dibalas dengan naskah nomor {naskah.nomor_naskah}" in text
    assert "Selesai ditindaklanjuti" in text
    # the kartu kendali: each step's actual time beside the SOP's, the agenda step included
    rows = kadis.page.locator("table tr", has_text="Surat masuk diagendakan.")
    assert "10 menit" in rows.first.inner_text(), rows.first.inner_text()
    kasubag_row = kadis.page.locator("table tr", has_text="Diperiksa Kasubag Umum").first.inner_text()
    assert "10 menit" in kasubag_row, kasubag_row
    kadis.page.get_by_role("link", name=naskah.nomor_naskah).click()
    kadis.shot("naskah balasan")
    assert f"Membalas surat masuk nomor agenda {surat.nomor}" in kadis.text()
    for d in (agendaris, kasubag, sekretaris, kadis):
        no_traceback(d)
