"""A surat keluar in the browser: konsep → returned and resubmitted → periksa → paraf → nomor → TTE by
the Kadis in the kotak masuk → buku ekspedisi → arsip, with the registers opened."""

import pytest

from dukcapil.choices import Role
from sekretariat import naskah_data
from sekretariat.models import Naskah
from tests.factories import TTE_PASSPHRASE, staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def press(desk, label: str, step: str):
    response = desk.submit(desk.page.get_by_role("button", name=label), step)
    assert response.status == 200, desk.text()
    no_traceback(desk)
    return response


def test_a_surat_dinas_from_konsep_to_the_ekspedisi_book(desks, e2e_team):
    naskah_data.load()
    sek = "sekretariat"
    staf = desks(staff(Role.STAF, bidang=sek, first_name="Fitri"))
    kasubag = desks(staff(Role.KASUBAG, bidang=sek, first_name="Rahmat"))
    sekretaris = desks(staff(Role.SEKRETARIS, bidang=sek, first_name="Dian"))
    agendaris = desks(staff(Role.AGENDARIS, bidang=sek, first_name="Wati"))
    kadis = desks(e2e_team["kadis"])

    # the staff member writes a konsep from the surat dinas template
    staf.goto("/sekretariat/naskah/", "daftar naskah")
    staf.page.get_by_role("link", name="Surat Dinas").click()
    staf.page.fill("#id_hal", "Permohonan data agregat kependudukan")
    staf.page.fill("#id_tujuan_nama", "Kepala Bappeda Kabupaten Bintan")
    staf.page.fill("#id_tujuan_email", "bappeda@example.go.id")
    staf.page.fill("#id_isi", "Dengan hormat, kami mohon data agregat.\n\nDemikian, terima kasih.")
    press(staf, "Simpan konsep", "konsep tersimpan")
    naskah = Naskah.objects.get()
    press(staf, "Ajukan untuk diperiksa", "diajukan")

    # the Kasubag returns it with a note; the author edits and resubmits
    kasubag.goto(naskah.get_absolute_url(), "kasubag membuka")
    kasubag.page.fill("#catatan-kembali", "Sebutkan semester yang diminta.")
    press(kasubag, "Kembalikan kepada penyusun", "dikembalikan")
    staf.goto(naskah.get_absolute_url(), "staf melihat catatan")
    assert "Sebutkan semester yang diminta." in staf.text()
    staf.page.get_by_role("link", name="Ubah konsep").click()
    staf.page.fill("#id_isi", "Dengan hormat, kami mohon data agregat semester II tahun 2026.")
    press(staf, "Simpan konsep", "konsep diperbaiki")
    press(staf, "Ajukan untuk diperiksa", "diajukan ulang")
    staf.page.get_by_role("link", name="Bandingkan dua versi terakhir").click()
    staf.shot("perbandingan versi")
    assert "semester" in staf.text()

    kasubag.goto(naskah.get_absolute_url(), "kasubag memeriksa")
    press(kasubag, "Setujui hasil pemeriksaan", "disetujui")
    sekretaris.goto(naskah.get_absolute_url(), "sekretaris")
    press(sekretaris, "Paraf koordinasi", "diparaf")

    agendaris.goto(naskah.get_absolute_url(), "agendaris")
    agendaris.page.select_option("#id_klasifikasi", label="470 Kependudukan")
    press(agendaris, "Beri nomor", "bernomor")
    naskah.refresh_from_db()
    assert naskah.nomor_naskah in agendaris.text()

    # the Kadis signs it in the kotak masuk beside the berkas
    kadis.goto("/kotak-masuk/", "kadis kotak masuk")
    assert naskah.nomor_naskah in kadis.text()
    kadis.page.get_by_role("checkbox", name=f"Pilih {naskah.nomor_naskah}").check()
    kadis.page.fill("#id_passphrase", TTE_PASSPHRASE)
    kadis.submit(kadis.page.get_by_role("button", name="Tandatangani berkas terpilih"), "kadis tte")
    assert "1 dari 1 dokumen ditandatangani" in kadis.text(), kadis.text()

    # the Agendaris records the courier delivery and archives it
    agendaris.goto(naskah.get_absolute_url(), "agendaris setelah tte")
    assert "PDF bertanda tangan" in agendaris.text()
    agendaris.page.fill("#id_penerima", "Sdr. Andi (Bappeda)")
    agendaris.page.select_option("#id_cara", "kurir")
    agendaris.page.fill("#id_kurir", "Caraka Joko")
    press(agendaris, "Catat di buku ekspedisi", "ekspedisi")
    press(agendaris, "Arsipkan", "diarsipkan")
    assert "Diarsipkan" in agendaris.text()
    # each step's actual time beside the SOP's on the kartu kendali
    assert "Kartu kendali" in agendaris.text() and "10 menit" in agendaris.text()

    agendaris.goto("/sekretariat/buku-agenda-keluar/", "buku agenda surat keluar")
    assert naskah.nomor_naskah in agendaris.text()
    agendaris.goto("/sekretariat/buku-ekspedisi/", "buku ekspedisi")
    assert "Sdr. Andi (Bappeda)" in agendaris.text() and "Caraka Joko" in agendaris.text()
