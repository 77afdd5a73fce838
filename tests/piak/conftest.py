"""Builders for PIAK kerja sama and permintaan data tests: PIAK's officers beside the Sekretariat's,
agreements and request letters driven through the services."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from piak import kerjasama_data
from piak.services import kerjasama as ks
from sekretariat.models import Instansi
from sekretariat.services import surat_masuk as svc
from tests.factories import staff
from tests.sekretariat.naskah_helpers import sek_team


def pdf(text: str = "PKS bertanda tangan", name: str = "pks.pdf") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


@pytest.fixture
def piak(team):
    """The Sekretariat's staff (naskah chain), the Kadis with a certificate and PIAK's officers."""
    kerjasama_data.load()
    people = sek_team(team)
    people |= {
        "kasi_piak": staff(Role.KASI, bidang="piak", first_name="Rudi", last_name="Kasi"),
        "kabid_piak": staff(Role.KABID, bidang="piak", first_name="Wulan", last_name="Kabid"),
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar", last_name="ADB"),
        "kasi_lain": team["kasi"],  # a Kasi of Pendaftaran
    }
    return people


def lembaga(nama: str = "BPJS Kesehatan Cabang") -> Instansi:
    return Instansi.objects.get_or_create(nama=nama, defaults={"alamat": "Jl. Sudirman 5", "email": "a@b.example"})[0]


def usulan(p, *, nama: str = "BPJS Kesehatan Cabang", lingkup=("verifikasi_nik", "web_service")):
    data = ks.UsulanData(lembaga(nama), "Pemanfaatan data untuk JKN", "ToR kerja sama JKN.", list(lingkup))
    return ks.kerjasama_usulkan(user=p["kasi_piak"], data=data)


def ditandatangani(p, pks, *, mulai: date | None = None, berakhir: date | None = None):
    today = timezone.localdate()
    mulai = mulai or today - timedelta(days=30)
    berakhir = berakhir or today + timedelta(days=365)
    ks.kerjasama_aksi(user=p["kasi_piak"], pk=pks.pk, method="susun_draf", draf=pdf("Draf PKS"))
    ks.kerjasama_aksi(user=p["kasi_piak"], pk=pks.pk, method="ajukan")
    ks.kerjasama_aksi(user=p["kabid_piak"], pk=pks.pk, method="setujui")
    ks.kerjasama_aksi(user=p["sekretaris"], pk=pks.pk, method="paraf")
    data = ks.TandaTanganData(
        "470/12/PKS/2026", mulai, "PKS.01/BPJS/2026", mulai, mulai, berakhir, pdf(), pdf("Juknis")
    )
    return ks.kerjasama_tandatangani(user=p["kasi_piak"], pk=pks.pk, data=data)


def berlaku(p, **kw):
    """An agreement in force from a month ago for a year (or ``mulai``/``berakhir``)."""
    dates = {k: kw.pop(k) for k in ("mulai", "berakhir") if k in kw}
    pks = ditandatangani(p, usulan(p, **kw), **dates)
    return ks.kerjasama_berlakukan(user=p["kasi_piak"], pk=pks.pk)


def surat_ke_piak(p, *, nama: str = "BPJS Kesehatan Cabang", nomor: str = "005/77/BPJS/2026"):
    """A request letter routed to the Kadis, disposed to the Kabid PIAK and passed on to the Kasi PIAK."""
    data = svc.SuratMasukData(
        date(2026, 11, 30), lembaga(nama), nomor, date(2026, 11, 27), "Permohonan verifikasi NIK peserta",
        "biasa", "1 berkas", pdf("Surat permintaan"),
    )  # fmt: skip
    surat = svc.surat_masuk_catat(user=p["agendaris"], data=data)
    svc.surat_masuk_teruskan(user=p["kasubag"], pk=surat.pk, expected_status="kasubag")
    svc.surat_masuk_teruskan(user=p["sekretaris"], pk=surat.pk, expected_status="sekretaris")
    (top,) = svc.surat_masuk_disposisi(
        user=p["kadis"], pk=surat.pk, expected_status="kadis",
        data=svc.DisposisiData([p["kabid_piak"]], [], "Proses.", None, "biasa"),
    )  # fmt: skip
    (low,) = svc.disposisi_teruskan(
        user=p["kabid_piak"], pk=top.pk, expected_status="terbuka",
        data=svc.DisposisiData([p["kasi_piak"]], [], "Verifikasi PKS dan olah.", None, "biasa"),
    )  # fmt: skip
    return surat, low


@pytest.fixture
def o(catalogue):
    """PIAK's officers, the answering bidang's Kasi, an outsider, and the approvers of a post."""
    return {
        "adb": staff(Role.ADB, bidang="piak", first_name="Fajar"),
        "kasi_piak": staff(Role.KASI, bidang="piak", first_name="Rudi"),
        "kabid_piak": staff(Role.KABID, bidang="piak", first_name="Wulan"),
        "kasi": staff(Role.KASI, bidang="pendaftaran", first_name="Hendra"),
        "kabid": staff(Role.KABID, bidang="pendaftaran", first_name="Sri"),
        "kasi_capil": staff(Role.KASI, bidang="pencatatan_sipil", first_name="Maya"),
        "loket": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Rina"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Ratna"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad"),
    }


def png(name: str = "foto.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_png() -> SimpleUploadedFile:
    """Text pretending to be an image by its name and declared type."""
    return SimpleUploadedFile("foto.png", b"<html>bukan gambar</html>", content_type="image/png")
