"""Surat masuk in the browser: agenda → Kasubag → Sekretaris → Kadis's disposisi → lanjutan → closed back up."""

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role, Status
from sekretariat.models import InstruksiDisposisi, SuratMasuk
from tests.factories import berkas_in, staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def _scan(tmp_path):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Undangan rapat")
    canvas.save()
    path = tmp_path / "undangan.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def test_surat_masuk_from_agenda_to_closed_disposisi(desks, e2e_team, tmp_path):
    sek = "sekretariat"
    agendaris = staff(Role.AGENDARIS, bidang=sek, first_name="Wulan")
    kasubag = staff(Role.KASUBAG, bidang=sek, first_name="Teguh")
    sekretaris = staff(Role.SEKRETARIS, bidang=sek, first_name="Ratna")
    kabid, kasi, kadis = e2e_team["kabid"], e2e_team["kasi"], e2e_team["kadis"]
    berkas = berkas_in(Status.TTE, e2e_team, seq=1)  # the Kadis's kotak masuk holds a berkas too

    desk = desks(agendaris)
    desk.goto("/sekretariat/surat-masuk/baru/", "form surat masuk")
    page = desk.page
    page.fill("#id_asal_baru", "Dinas Pendidikan Kabupaten")
    page.fill("#id_nomor_surat", "421/555/DIKBUD/2026")
    page.fill("#id_tanggal_surat", "2026-11-27")
    page.fill("#id_perihal", "Undangan rapat data penduduk usia sekolah")
    page.select_option("#id_sifat", "segera")
    page.set_input_files("#id_pindaian", str(_scan(tmp_path)))
    desk.submit(page.get_by_role("button", name="Simpan dan teruskan ke Kasubag Umum"), "surat diagendakan")
    surat = SuratMasuk.objects.get()
    assert f"agenda {surat.nomor}" in desk.text()
    assert "Diperiksa Kasubag Umum" in desk.text()

    for user, button, step in [
        (kasubag, "Teruskan ke Sekretaris", "kasubag meneruskan"),
        (sekretaris, "Paraf dan teruskan ke Kadis", "sekretaris memaraf"),
    ]:
        d = desks(user)
        d.goto("/kotak-masuk/", "kotak masuk")
        d.page.click(f"a[href='{surat.get_absolute_url()}']")
        d.submit(d.page.get_by_role("button", name=button), step)
        no_traceback(d)

    kd = desks(kadis)
    kd.goto("/kotak-masuk/", "kotak masuk kadis: berkas dan surat")
    assert berkas.nomor_registrasi in kd.text() and "Surat masuk: Undangan rapat" in kd.text()
    kd.page.click(f"a[href='{surat.get_absolute_url()}']")
    kd.page.check(f"input[name=kepada][value='{kabid.pk}']")
    kd.page.check(f"input[name=instruksi][value='{InstruksiDisposisi.objects.get(nama='Hadiri').pk}']")
    kd.page.fill("#id_isi", "Hadiri dan laporkan hasilnya.")
    kd.submit(kd.page.get_by_role("button", name="Kirim disposisi"), "disposisi terkirim")
    assert "Didisposisikan" in kd.text()
    pdf = kd.page.request.get(f"/sekretariat/surat-masuk/{surat.pk}/lembar-disposisi/")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    kb = desks(kabid)
    kb.goto("/kotak-masuk/", "kotak masuk kabid")
    kb.page.get_by_role("link", name=f"Disposisi {surat.nomor}").click()
    kb.shot("disposisi dibuka")
    kb.page.check(f"input[name=kepada][value='{kasi.pk}']")
    kb.page.locator("form[action$='/lanjutan/'] textarea[name=isi]").fill("Siapkan data dan wakili.")
    kb.submit(kb.page.get_by_role("button", name="Teruskan"), "disposisi lanjutan")

    ks = desks(kasi)
    ks.goto("/kotak-masuk/", "kotak masuk kasi")
    ks.page.get_by_role("link", name=f"Disposisi {surat.nomor}").click()
    ks.page.fill("#catatan-tutup", "Rapat dihadiri, notulen terlampir.")
    ks.submit(ks.page.get_by_role("button", name="Selesai ditindaklanjuti"), "kasi selesai")

    kb.goto("/kotak-masuk/", "kotak masuk kabid lagi")
    kb.page.get_by_role("link", name=f"Disposisi {surat.nomor}").click()
    kb.page.fill("#catatan-tutup", "Sudah dilaksanakan Kasi.")
    kb.submit(kb.page.get_by_role("button", name="Selesai ditindaklanjuti"), "kabid selesai")
    surat.refresh_from_db()
    assert surat.status == "selesai"

    kd.goto(surat.get_absolute_url(), "surat selesai dengan kartu kendali")
    assert "Selesai ditindaklanjuti" in kd.text() and "Rapat dihadiri, notulen terlampir." in kd.text()
    kd.goto("/sekretariat/surat-masuk/buku-agenda/", "buku agenda")
    assert "Undangan rapat data penduduk usia sekolah" in kd.text()
    kd.goto("/sekretariat/disposisi/saya-berikan/", "disposisi yang saya berikan")
    kd.goto("/sekretariat/disposisi/", "register disposisi")
    for d in (desk, kd, kb, ks):
        no_traceback(d)
