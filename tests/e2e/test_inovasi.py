"""Inovasi layanan in the browser: the Kasi PIAK proposes an innovation, forms the Tim with its SK
and uploads the design; the Kadis returns it from the kotak masuk, approves the second version;
the Kasi records the delivery, the socialisation, closes it and drafts the nota dinas laporan
pelaksanaan, which opens as a naskah konsep."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from piak import inovasi_data
from piak.models import Inovasi, StatusInovasi
from sekretariat import naskah_data
from tests.factories import staff

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def _pdf(tmp_path, name: str):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Rancangan inovasi")
    canvas.save()
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_propose_design_return_approve_deliver_and_report(desks, e2e_team, tmp_path):
    naskah_data.load()
    inovasi_data.load()
    kasi = desks(staff(Role.KASI, bidang="piak", first_name="Rudi"))
    kabid_user = staff(Role.KABID, bidang="piak", first_name="Wulan")
    kadis = desks(e2e_team["kadis"])
    today = timezone.localdate()

    kasi.goto("/piak/inovasi/", "daftar inovasi")
    kasi.page.get_by_role("link", name="Usulkan inovasi").click()
    page = kasi.page
    page.fill("#id_nama", "Antrean daring layanan")
    page.fill("#id_latar_belakang", "Antrean fisik menumpuk pada pagi hari.")
    page.select_option("#id_jenis", "aplikasi")
    page.fill("#id_cakupan", "Kantor dinas dan kecamatan")
    page.fill("#id_target", (today + timedelta(days=60)).isoformat())
    kasi.submit(page.get_by_role("button", name="Simpan usulan"), "usulan")
    no_traceback(kasi)
    inovasi = Inovasi.objects.get()
    assert inovasi.nomor in kasi.text()

    page.get_by_label("Wulan").check()
    page.fill("#aksi-bentuk_tim #id_sk_nomor", "800/112/SK/2026")
    page.fill("#aksi-bentuk_tim #id_sk_tanggal", today.isoformat())
    kasi.submit(page.get_by_role("button", name="Bentuk tim"), "tim")
    page.set_input_files("#aksi-ajukan #id_berkas", _pdf(tmp_path, "rancangan.pdf"))
    kasi.submit(page.get_by_role("button", name="Ajukan rancangan"), "rancangan")
    assert "Rancangan diajukan ke Kadis" in kasi.text()

    kadis.goto("/kotak-masuk/", "kotak masuk kadis")
    kadis.page.get_by_role("link", name=inovasi.nomor).click()
    kadis.page.fill("#aksi-kembalikan #id_alasan", "Tambahkan alur untuk warga tanpa ponsel.")
    kadis.submit(kadis.page.get_by_role("button", name="Kembalikan rancangan"), "dikembalikan")
    assert "Tambahkan alur untuk warga tanpa ponsel." in kadis.text()

    kasi.goto(inovasi.get_absolute_url(), "dikembalikan ke tim")
    page.set_input_files("#aksi-ajukan #id_berkas", _pdf(tmp_path, "rancangan-v2.pdf"))
    kasi.submit(page.get_by_role("button", name="Ajukan rancangan"), "rancangan v2")
    kadis.goto(inovasi.get_absolute_url(), "rancangan v2")
    kadis.submit(kadis.page.get_by_role("button", name="Setujui rancangan"), "disetujui")

    kasi.goto(inovasi.get_absolute_url(), "disetujui")
    page.fill("#aksi-terima #id_bast_nomor", "027/51/BAST/2026")
    kasi.submit(page.get_by_role("button", name="Terima hasil"), "diterima")
    page.fill("#aksi-sosialisasikan #id_tanggal", today.isoformat())
    page.fill("#aksi-sosialisasikan #id_uraian", "Sosialisasi di aula dinas, 48 peserta.")
    kasi.submit(page.get_by_role("button", name="Catat sosialisasi"), "sosialisasi")
    kasi.submit(page.get_by_role("button", name="Nyatakan selesai"), "selesai")
    kasi.submit(page.get_by_role("button", name="Susun nota dinas laporan pelaksanaan"), "nota dinas")
    no_traceback(kasi)
    inovasi.refresh_from_db()
    assert inovasi.status == StatusInovasi.SELESAI and inovasi.nota_dinas is not None
    assert "Laporan pelaksanaan inovasi layanan Antrean daring layanan" in kasi.text()
    assert kabid_user.pk in inovasi.tim.values_list("pk", flat=True)
