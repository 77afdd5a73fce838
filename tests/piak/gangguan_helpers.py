"""Builders for the PIAK gangguan tests: the reporters and PIAK's officers, a report through the service."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from dukcapil.models import Layanan
from piak.services import gangguan as svc
from tests.factories import staff


@pytest.fixture(name="piak")
def piak_gangguan(catalogue):
    """A counter officer, a kecamatan operator (no bidang), PIAK's ADB, Kasi and Kabid, and outsiders."""
    return {
        "loket": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Lia", last_name="Loket"),
        "kecamatan": staff(Role.OPERATOR_SIAK, bidang=None, first_name="Kiki", last_name="Kecamatan"),
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar", last_name="ADB"),
        "kasi": staff(Role.KASI, bidang="piak", first_name="Rudi", last_name="Kasi PIAK"),
        "kabid": staff(Role.KABID, bidang="piak", first_name="Wulan", last_name="Kabid PIAK"),
        "kasi_dafduk": staff(Role.KASI, bidang="pendaftaran", first_name="Hendra", last_name="Kasi Dafduk"),
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Teguh", last_name="Kasubag"),
    }


def lapor(user, *, terhenti=False, layanan="kk", kategori="jaringan", jam_lalu=2, lokasi="Kantor Dinas"):
    return svc.gangguan_lapor(
        user=user,
        data=svc.LaporData(
            kategori=kategori,
            lokasi=lokasi,
            loket="Loket 2",
            mulai=timezone.now() - timedelta(hours=jam_lalu),
            terhenti=terhenti,
            layanan=Layanan.objects.get(kode=layanan) if terhenti and layanan else None,
            uraian="SIAK tidak tersambung ke server pusat.",
        ),
    )


def report_pdf(name: str = "laporan.pdf") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Laporan perbaikan perangkat")
    canvas.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")
