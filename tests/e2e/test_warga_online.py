"""Layanan online in the browser (Pekanbaru PELITA 3): a citizen signs up with the code from the
email (read from the outbox), applies for akta perceraian + KK + KTP-el with uploads, the front office
of Pencatatan Sipil returns it naming the KK, the citizen replaces the KK and resubmits, the officer
sees what changed and accepts it, and the citizen sees the nomor registrasi and downloads the resi;
once the Kadis has signed, the citizen downloads the signed KK from the account."""

import re
import threading
from pathlib import Path

import pytest
from django.db import connection

from dukcapil.models import Berkas, Layanan
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.warga.data import load
from dukcapil.warga.models import PermohonanOnline, StatusOnline
from pendaftaran.models import Penduduk
from pendaftaran.services import permohonan_kk_update
from tests.factories import sign, to_tte
from tests.pencatatan_sipil.test_paket import ALAMAT_BARU, _enter_akta_and_ktp, _row

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

EMAIL = "budi.online@example.id"
SANDI = "Sandi-Warga-2026!"


def test_sign_up_apply_with_uploads_return_fix_accept_and_resi(desks, e2e_team, warga, tmp_path):
    from PIL import Image
    from pypdf import PdfWriter

    load()
    # the wife leaves the family's KK after the divorce (PELITA 3: akta perceraian, her own KK, KTP-el)
    person = Penduduk.objects.filter(hubungan="ISTRI").select_related("keluarga").order_by("pk").first()
    pdf = tmp_path / "pindaian.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=300, height=400)
    with pdf.open("wb") as out:
        writer.write(out)
    kk_baru = tmp_path / "kk-baru.png"
    Image.new("RGB", (120, 80), "white").save(kk_baru)

    # the citizen signs up: NIK and name checked against the register, the code from the email
    citizen = desks(None, "warga")
    citizen.goto("/", "beranda publik")
    citizen.page.get_by_role("link", name="Layanan online warga").click()
    citizen.page.get_by_role("link", name="Daftar").click()
    page = citizen.page
    page.fill("#id_nik", person.nik)
    page.fill("#id_nama", person.nama.title())
    page.fill("#id_email", EMAIL)
    page.fill("#id_kata_sandi", SANDI)
    page.fill("#id_kata_sandi_ulang", SANDI)
    citizen.submit(page.get_by_role("button", name="Daftar dan kirim kode"), "kode dikirim")
    no_traceback(citizen)
    assert person.nik not in page.url
    kode = re.search(r"\b(\d{6})\b", PesanKeluar.objects.get(kepada=[EMAIL]).isi).group(1)
    page.fill("#id_kode", kode)
    citizen.submit(page.get_by_role("button", name="Verifikasi"), "akun aktif")
    assert "Akun Anda aktif" in citizen.text()

    # the application: PELITA 3, the bundle's entry form and one upload per persyaratan
    pelita3 = Layanan.objects.get(kode="pelita3")
    citizen.submit(page.get_by_role("button", name=pelita3.nama), "formulir permohonan")
    page.fill("#id_detail-1__nomor_kk", person.keluarga.nomor_kk)
    for p in pelita3.persyaratan_berlaku():
        page.set_input_files(f"#id_syarat_{p.pk}", str(pdf))
    citizen.submit(page.get_by_role("button", name="Ajukan permohonan"), "diajukan")
    no_traceback(citizen)
    permohonan = PermohonanOnline.objects.get()
    assert permohonan.status == StatusOnline.DIAJUKAN and permohonan.unggahan.count() == 4

    # the front office of Pencatatan Sipil opens «Permohonan online» and returns it naming the KK
    fo = desks(e2e_team["capil"]["loket"])
    fo.page.get_by_role("link", name="Permohonan online").click()
    fo.shot("antrean permohonan online")
    fo.page.get_by_role("link", name=permohonan.nomor_permohonan).click()
    fo.shot("halaman verifikasi")
    assert "salinan putusan pengadilan" in fo.text()
    kk = pelita3.persyaratan_berlaku().get(nama="KK")
    fo.page.check(f"input[name='items'][value='{kk.pk}']")
    fo.page.fill("#id_catatan", "KK yang diunggah terpotong; unggah ulang seluruh halaman.")
    fo.submit(fo.page.get_by_role("button", name="Kembalikan kepada pemohon"), "dikembalikan")
    no_traceback(fo)

    # the citizen sees what to fix, replaces the KK and resubmits
    citizen.goto(f"/warga/permohonan/{permohonan.nomor_permohonan}/", "perlu diperbaiki")
    assert "KK yang diunggah terpotong" in citizen.text()
    page.set_input_files(f"#id_syarat_{kk.pk}", str(kk_baru))
    citizen.submit(page.get_by_role("button", name="Ajukan ulang"), "diajukan ulang")

    # the officer sees the change and accepts: a berkas is registered at the counter's service
    fo.goto(f"/warga/petugas/{permohonan.nomor_permohonan}/", "verifikasi ulang")
    assert "Unggahan diganti: KK" in fo.text()
    fo.submit(fo.page.get_by_role("button", name="Terima, daftarkan berkas"), "berkas terdaftar")
    no_traceback(fo)
    berkas = Berkas.objects.get(pemohon_nik=person.nik, layanan=pelita3)
    assert berkas.nomor_registrasi in fo.text()

    # the citizen sees the nomor registrasi, the status steps and the resi
    citizen.goto(f"/warga/permohonan/{permohonan.nomor_permohonan}/", "resi di akun")
    assert berkas.nomor_registrasi in citizen.text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh PDF").first.click()
    assert download.value.suggested_filename == f"{berkas.nomor_registrasi}-resi.pdf"
    assert PesanKeluar.objects.filter(kepada=[EMAIL], subjek__contains="diterima").exists()

    # the berkas goes its way (entry, Kasi, Kabid, the Kadis's TTE); the citizen downloads the signed KK
    capil = e2e_team["capil"]
    suami = person.keluarga.anggota.get(hubungan="KEPALA KELUARGA")

    def enter(b):
        _enter_akta_and_ktp(b, capil, suami, person)
        leavers = [_row(person, hubungan="KEPALA KELUARGA", status_perkawinan="CERAI HIDUP")]
        permohonan_kk_update(berkas_id=b.pk, user=capil["operator"], data=ALAMAT_BARU, anggota=leavers)

    ready = to_tte(berkas, capil, enter)

    # pyhanko signs with asyncio.run: not in this thread, where Playwright's event loop runs
    def sign_here():
        try:
            sign([ready], capil["kadis"])
        finally:
            connection.close()

    signer = threading.Thread(target=sign_here)
    signer.start()
    signer.join()
    ready.refresh_from_db()
    assert ready.status == "siap_diambil", ready.status
    citizen.goto(f"/warga/permohonan/{permohonan.nomor_permohonan}/", "dokumen bertanda tangan")
    assert "diambil di kantor" in citizen.text().lower()  # the KTP-el is a card: collected at the office
    with page.expect_download() as download:
        page.locator(f"a[href='/warga/permohonan/{permohonan.nomor_permohonan}/dokumen/kk/']").click()
    assert download.value.suggested_filename == f"{berkas.nomor_registrasi}-kk.pdf"
    signed = Path(download.value.path()).read_bytes()
    assert signed.startswith(b"%PDF") and b"/ByteRange" in signed  # a PAdES signature
