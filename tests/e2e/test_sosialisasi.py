"""Sosialisasi kebijakan kependudukan in the browser: the Kasi PIAK plans an event (a past date is
refused), uploads the material and drafts the letter to the kecamatan, which opens as a naskah
konsep; once the letter is signed the Kasi records the event (participants per category, the daftar
hadir scan, the notulen), the Kabid PIAK reads it and the Kasi drafts the nota dinas laporan pelaksanaan
to the Kadis (the Kabid parafs it in the naskah chain)."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from piak import inovasi_data, sosialisasi_data
from piak.models import KategoriPeserta, Sosialisasi, StatusSosialisasi
from sekretariat import naskah_data
from tests.factories import staff
from tests.piak.sosialisasi_helpers import terbit

from .conftest import no_traceback

pytestmark = pytest.mark.e2e
S = StatusSosialisasi


def _pdf(tmp_path, name: str, text: str):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.save()
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_plan_material_letter_event_and_report(desks, e2e_team, tmp_path):
    naskah_data.load()
    inovasi_data.load()
    sosialisasi_data.load()
    kasi = desks(staff(Role.KASI, bidang="piak", first_name="Rudi"))
    kabid = desks(staff(Role.KABID, bidang="piak", first_name="Wulan"))
    today = timezone.localdate()

    kasi.goto("/piak/sosialisasi/", "daftar sosialisasi")
    kasi.page.get_by_role("link", name="Rencanakan sosialisasi").click()
    page = kasi.page
    page.fill("#id_tema", "Kepemilikan KIA")
    page.fill("#id_kecamatan", "Sukodono")
    page.fill("#id_desa", "Klanting")
    page.fill("#id_tempat", "Balai Desa Klanting")
    page.fill("#id_tanggal", (today - timedelta(days=1)).isoformat())
    page.fill("#id_sasaran", "Kader posyandu dan orang tua")
    page.select_option("#id_prioritas", "tinggi")
    page.fill("#id_dasar_prioritas", "Cakupan KIA Desa Klanting 38%.")
    kasi.submit(page.get_by_role("button", name="Simpan rencana"), "tanggal lampau")
    assert "Tanggal rencana sosialisasi tidak boleh sebelum hari ini." in kasi.text()
    assert not Sosialisasi.objects.exists()
    page.fill("#id_tanggal", today.isoformat())
    kasi.submit(page.get_by_role("button", name="Simpan rencana"), "rencana")
    no_traceback(kasi)
    sos = Sosialisasi.objects.get()
    assert sos.nomor in kasi.text() and "Jadwal disusun" in kasi.text()

    page.set_input_files("#aksi-siapkan_materi #id_berkas", _pdf(tmp_path, "materi.pdf", "Materi KIA"))
    page.fill("#aksi-siapkan_materi #id_uraian", "Syarat dan manfaat KIA; bersama Bidang Pendaftaran.")
    kasi.submit(page.get_by_role("button", name="Simpan bahan materi"), "materi")
    page.fill("#aksi-susun_surat #id_kepada", "Camat Sukodono")
    kasi.submit(page.get_by_role("button", name="Susun surat ke kecamatan"), "surat konsep")
    no_traceback(kasi)
    assert "Pemberitahuan pelaksanaan sosialisasi Kepemilikan KIA" in kasi.text()

    sos.refresh_from_db()
    terbit(sos.surat)  # the naskah chain: paraf, number, the Kadis's TTE
    kasi.goto(sos.get_absolute_url(), "siap dilaksanakan")
    assert "Siap dilaksanakan" in kasi.text()
    rt = KategoriPeserta.objects.get(nama="Ketua RT/RW")
    kader = KategoriPeserta.objects.get(nama="Kader posyandu dan PKK")
    page.fill(f"#aksi-laksanakan #id_jumlah_{rt.pk}", "14")
    page.fill(f"#aksi-laksanakan #id_jumlah_{kader.pk}", "9")
    page.set_input_files("#aksi-laksanakan #id_daftar_hadir", _pdf(tmp_path, "hadir.pdf", "Daftar hadir"))
    page.fill("#aksi-laksanakan #id_notulen", "Warga menanyakan syarat KIA untuk bayi baru lahir.")
    kasi.submit(page.get_by_role("button", name="Catat pelaksanaan"), "dilaksanakan")
    no_traceback(kasi)
    assert "Jumlah peserta 23" in kasi.text().replace("\t", " ")

    kabid.goto(sos.get_absolute_url(), "kabid membaca")
    assert "Jumlah peserta" in kabid.text()
    kasi.submit(page.get_by_role("button", name="Susun nota dinas laporan pelaksanaan"), "nota dinas")
    no_traceback(kasi)
    sos.refresh_from_db()
    assert sos.status == S.DILAPORKAN and "Laporan pelaksanaan sosialisasi Kepemilikan KIA" in kasi.text()
