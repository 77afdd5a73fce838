"""Update data kependudukan in the browser: the ADB of PIAK receives a request at the counter with
a copy of the KK, checks it against the register shown on the page (the access is logged), sends
it to the Ditjen with its ticket number, records the Ditjen's answer and the confirmation to the
pemohon; the Kabid sees the list with the NIK masked."""

import pytest
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.models import AksesDataPribadi
from dukcapil.nik import mask_nik
from piak.models import PermohonanUpdateData, StatusUpdateData
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_receive_check_send_to_ditjen_and_confirm(desks, e2e_team, warga, tmp_path):
    from PIL import Image

    from pendaftaran.models import Penduduk

    person = Penduduk.objects.exclude(keluarga=None).order_by("pk").first()
    adb = desks(staff(Role.ADB, bidang="piak", first_name="Fajar"))
    kabid = desks(staff(Role.KABID, bidang="piak", first_name="Wulan"))
    kk = tmp_path / "kk.png"
    Image.new("RGB", (60, 40), "white").save(kk)

    adb.goto("/piak/update-data/", "daftar update data")
    adb.page.get_by_role("link", name="Terima permohonan").click()
    page = adb.page
    page.select_option("#id_kanal", "kantor")
    page.fill("#id_nik", person.nik)
    page.fill("#id_nama_pemohon", person.nama)
    page.fill("#id_telepon", "0812-1111-2222")
    page.select_option("#id_jenis_masalah", "biodata_beda")
    page.fill("#id_uraian", "Tanggal lahir di database pusat berbeda dengan KK.")
    page.set_input_files("#id_bukti", str(kk))
    adb.submit(page.get_by_role("button", name="Simpan permohonan"), "permohonan diterima")
    no_traceback(adb)
    p = PermohonanUpdateData.objects.get()
    assert person.nik not in page.url
    assert "Data pada database kependudukan" in adb.text() and person.nama_ibu in adb.text()
    assert AksesDataPribadi.objects.filter(nik=person.nik, halaman="database_penduduk").count() == 1

    page.check("#aksi-verifikasi input[value='1']")
    page.fill("#aksi-verifikasi #id_temuan", "Register daerah sesuai KK; biodata pusat berbeda.")
    adb.submit(page.get_by_role("button", name="Simpan hasil verifikasi"), "diverifikasi")
    page.fill("#aksi-ajukan #id_nomor_tiket", "KONSOL-2026-004512")
    adb.submit(page.get_by_role("button", name="Catat pengajuan ke Ditjen"), "diajukan ke ditjen")
    assert "KONSOL-2026-004512" in adb.text()
    page.check("#aksi-hasil input[value='1']")
    page.fill("#aksi-hasil #id_keterangan", "Data sudah dikonsolidasi.")
    adb.submit(page.get_by_role("button", name="Catat hasil Ditjen"), "hasil ditjen")
    page.select_option("#aksi-konfirmasi #id_kanal", "telepon")
    adb.submit(page.get_by_role("button", name="Catat konfirmasi ke pemohon"), "selesai")
    no_traceback(adb)
    p.refresh_from_db()
    assert p.status == StatusUpdateData.SELESAI and p.konfirmasi_tanggal == timezone.localdate()

    kabid.goto("/piak/update-data/", "daftar kabid")
    assert mask_nik(person.nik) in kabid.text() and person.nik not in kabid.text()
