"""PIAK's operational registers in the browser: the ADB records a backup and its restore test, a
vendor's visit to the server room (open, then closed), a database access whose pakta comes later,
a device and its quarterly check; the Kabid PIAK reads the four registers with their flags."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from piak.models import AksesDatabase, Backup, KunjunganRuangServer, PemeriksaanPerangkat
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def _pdf(tmp_path):
    path = tmp_path / "pakta.pdf"
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Pakta integritas akses database SIAK")
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_the_four_registers(desks, e2e_team, tmp_path):
    adb = desks(staff(Role.ADB, bidang="piak", first_name="Fajar"))
    kabid = desks(staff(Role.KABID, bidang="piak", first_name="Wulan"))
    page = adb.page
    now = timezone.localtime()

    # backup log: a backup, flagged until its restore test
    adb.goto("/piak/operasional/backup/", "log backup kosong")
    page.get_by_role("link", name="Catat backup").click()
    page.select_option("#id_jenis", "database")
    page.fill("#id_waktu", (now - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_media", "HDD eksternal 2 TB")
    page.fill("#id_lokasi_penyimpanan", "Brankas ruang Kasi PIAK")
    page.fill("#id_ukuran_mb", "48213.5")
    page.fill("#id_checksum", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
    adb.submit(page.get_by_role("button", name="Simpan"), "backup tersimpan")
    assert "Belum ada restore terverifikasi dalam 90 hari" in adb.text()
    page.get_by_role("link", name="Catat uji pemulihan").click()
    page.select_option("#id_hasil", "berhasil")
    page.fill("#id_catatan", "Dipulihkan ke server uji.")
    adb.submit(page.get_by_role("button", name="Simpan"), "uji pemulihan")
    assert "Belum ada restore terverifikasi" not in adb.text()
    assert Backup.objects.get().uji.count() == 1

    # server room: time out before time in is refused, then an open visit closed from the list
    adb.goto("/piak/operasional/ruang-server/catat/", "kunjungan baru")
    page.fill("#id_nama_tamu", "Andi Saputra")
    page.fill("#id_instansi", "CV Mitra Jaringan")
    page.fill("#id_keperluan", "Penggantian switch")
    page.fill("#id_masuk", now.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_keluar", (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.check("#id_kunci_diambil")
    adb.submit(page.get_by_role("button", name="Simpan"), "keluar sebelum masuk")
    assert "Waktu keluar tidak boleh sebelum waktu masuk." in adb.text()
    page.fill("#id_keluar", "")
    adb.submit(page.get_by_role("button", name="Simpan"), "kunjungan terbuka")
    assert "masih di dalam" in adb.text()
    visit = KunjunganRuangServer.objects.get()
    page.fill(f"#keluar-{visit.pk}", (now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    adb.submit(page.get_by_role("button", name="Catat keluar"), "kunjungan selesai")
    visit.refresh_from_db()
    assert visit.keluar is not None and visit.kunci_dikembalikan

    # database access without a pakta, flagged, then the PDF uploaded
    adb.goto("/piak/operasional/akses-database/catat/", "akses baru")
    page.fill("#id_nama_luar", "Rudi Hartono")
    page.fill("#id_instansi", "ADB Provinsi")
    page.select_option("#id_hak", "read")
    adb.submit(page.get_by_role("button", name="Simpan"), "akses tanpa pakta")
    assert "Belum ada pakta integritas" in adb.text()
    page.get_by_role("link", name="Unggah").click()
    page.set_input_files("#id_pakta", _pdf(tmp_path))
    adb.submit(page.get_by_role("button", name="Simpan"), "pakta diunggah")
    assert "Belum ada pakta integritas" not in adb.text() and AksesDatabase.objects.get().pakta

    # a device, unchecked this quarter, then checked
    adb.goto("/piak/operasional/perangkat/catat/", "perangkat baru")
    page.select_option("#id_jenis", "perekam")
    page.fill("#id_merek", "Perekam KTP-el Paket 1")
    page.fill("#id_nomor_seri", "PKT-2019-0001")
    page.fill("#id_lokasi", "Kecamatan Bintan Timur")
    adb.submit(page.get_by_role("button", name="Simpan"), "perangkat tersimpan")
    assert "1 perangkat belum diperiksa" in adb.text()
    page.get_by_role("link", name="Catat pemeriksaan").click()
    page.select_option("#id_kondisi", "rusak_ringan")
    page.fill("#id_catatan", "Kamera iris kadang tidak terbaca.")
    adb.submit(page.get_by_role("button", name="Simpan"), "pemeriksaan")
    assert "belum diperiksa pada triwulan" not in adb.text() and "Rusak ringan" in adb.text()
    assert PemeriksaanPerangkat.objects.count() == 1
    no_traceback(adb)

    # the Kabid reads the four registers from the menu and may not write
    kabid.goto("/kotak-masuk/", "kotak masuk kabid")
    kabid.page.get_by_role("link", name="Operasional pusat data").click()
    assert "HDD eksternal 2 TB" in kabid.text() and "Catat backup" not in kabid.text()
    for tab, expected in (("Buku tamu ruang server", "Andi Saputra"), ("Akses database", "Rudi Hartono"),
                          ("Inventaris perangkat", "PKT-2019-0001")):  # fmt: skip
        kabid.page.get_by_role("link", name=tab).click()
        kabid.shot(tab)
        assert expected in kabid.text()
    assert kabid.goto("/piak/operasional/perangkat/catat/", "kabid tidak mencatat").status == 403
