"""PIAK pengaduan and publikasi in the browser. A citizen sends a complaint through the public form
and keeps the ticket and code; PIAK triages it to Pendaftaran; its Kasi answers; the Kabid PIAK
approves; the citizen reads the answer with the code. A post goes through its approvals."""

import io

import pytest
from django.utils import timezone
from PIL import Image

from dukcapil.choices import Role
from dukcapil.models import Bidang
from piak.models import Pengaduan, Publikasi, StatusPengaduan, StatusPublikasi
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_citizen_complaint_answered_and_read_with_the_code(desks, e2e_team):
    adb = staff(Role.ADB, bidang="piak", first_name="Fajar")
    kabid_piak = staff(Role.KABID, bidang="piak", first_name="Wulan")
    kasi = e2e_team["kasi"]

    warga = desks(None, "warga")
    warga.goto("/", "beranda")
    warga.page.click("text=Sampaikan pengaduan atau permintaan informasi")
    warga.page.fill("#id_nama", "Siti Aminah")
    warga.page.fill("#id_kontak", "0812 3456 7801")
    warga.page.select_option("#id_jenis", "pengaduan")
    warga.page.select_option("#id_kategori", "ktp_el")
    warga.page.fill("#id_isi", "KTP-el saya belum jadi sejak tiga bulan lalu.")
    warga.submit(warga.page.get_by_role("button", name="Kirim"), "tiket")
    nomor = warga.page.inner_text("#nomor-tiket")
    kode = warga.page.inner_text("#kode-rahasia")
    p = Pengaduan.objects.get(nomor_tiket=nomor)

    a = desks(adb)
    a.goto("/piak/pengaduan/", "daftar pengaduan")
    a.page.click(f"text={nomor}")
    a.page.select_option("#id_bidang_penjawab", str(Bidang.objects.get(kode="pendaftaran").pk))
    a.submit(a.page.get_by_role("button", name="Teruskan ke bidang"), "ditriase")

    k = desks(kasi)
    k.goto("/kotak-masuk/", "kotak masuk kasi")
    k.page.click(f"a[href='{p.get_absolute_url()}']")
    k.page.fill("#id_jawaban", "Blangko sudah tersedia; KTP-el Anda dapat diambil besok.")
    k.submit(k.page.get_by_role("button", name="Ajukan jawaban ke Kabid PIAK"), "jawaban diajukan")

    b = desks(kabid_piak)
    b.goto(p.get_absolute_url(), "kabid piak")
    b.submit(b.page.get_by_role("button", name="Setujui dan sampaikan jawaban"), "disetujui")
    p.refresh_from_db()
    assert p.status == StatusPengaduan.DIJAWAB

    warga.goto("/piak/pengaduan/cek/", "cek")
    warga.page.fill("#id_nomor_tiket", nomor)
    warga.page.fill("#id_kode", kode)
    warga.submit(warga.page.get_by_role("button", name="Cek"), "jawaban")
    assert "KTP-el Anda dapat diambil besok." in warga.text()
    assert "Siti" not in warga.text() and "3456" not in warga.text()
    no_traceback(warga)


def test_publikasi_through_kasi_sekretaris_kadis_to_posting(desks, e2e_team, tmp_path):
    adb = staff(Role.ADB, bidang="piak", first_name="Fajar")
    kasi_piak = staff(Role.KASI, bidang="piak", first_name="Rudi")
    sekretaris = staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Ratna")
    foto = tmp_path / "foto.png"
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "teal").save(buffer, "PNG")
    foto.write_bytes(buffer.getvalue())

    a = desks(adb)
    a.goto("/piak/publikasi/baru/", "draf")
    a.page.fill("#id_judul", "Loket buka hari Sabtu")
    a.page.fill("#id_isi", "Mulai bulan ini loket buka Sabtu pukul 08.00–12.00 WIB.")
    a.page.set_input_files("#id_gambar", str(foto))
    a.submit(a.page.get_by_role("button", name="Simpan draf"), "draf tersimpan")
    pub = Publikasi.objects.get()
    a.submit(a.page.get_by_role("button", name="Ajukan ke Kasi PIAK"), "diajukan")
    for user, button, step in (
        (kasi_piak, "Teruskan ke Sekretaris", "kasi"),
        (sekretaris, "Setujui, teruskan ke Kadis", "sekretaris"),
        (e2e_team["kadis"], "Setujui", "kadis"),
    ):
        d = desks(user)
        d.goto(pub.get_absolute_url(), step)
        d.submit(d.page.get_by_role("button", name=button, exact=True), f"{step} setuju")
    a.goto(pub.get_absolute_url(), "siap diposting")
    a.page.fill("#id_tanggal", timezone.localdate().isoformat())
    a.page.fill("#id_tautan", "https://www.instagram.com/p/contoh/")
    a.submit(a.page.get_by_role("button", name="Catat posting"), "diposting")
    pub.refresh_from_db()
    assert pub.status == StatusPublikasi.TERBIT and pub.gambar.count() == 1
    assert "https://www.instagram.com/p/contoh/" in a.text()
    no_traceback(a)


def test_piak_records_a_telephone_ticket_and_reads_the_monthly_statistics(desks, e2e_team):
    adb = staff(Role.ADB, bidang="piak", first_name="Fajar")
    a = desks(adb)
    a.goto("/piak/pengaduan/", "daftar kosong")
    a.page.click("text=Catat pengaduan")
    a.page.select_option("#id_saluran", "telepon")
    a.page.fill("#id_nama", "Joko Susilo")
    a.page.fill("#id_kontak", "(0771) 21234")
    a.page.select_option("#id_jenis", "informasi")
    a.page.select_option("#id_kategori", "data")
    a.page.fill("#id_isi", "Bagaimana memperbarui data pendidikan?")
    a.submit(a.page.get_by_role("button", name="Simpan"), "tiket telepon")
    assert Pengaduan.objects.get().kontak == "+6277121234"
    a.goto("/piak/pengaduan/", "daftar")
    assert "Telepon" in a.text()
    a.page.click("text=Statistik bulanan")
    a.page.wait_for_load_state()
    a.shot("statistik")
    assert "Per saluran" in a.text() and "Telepon" in a.text()
    a.goto("/piak/publikasi/", "publikasi kosong")
    no_traceback(a)
