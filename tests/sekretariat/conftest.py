import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from sekretariat.models import Instansi, SifatSurat
from sekretariat.services import surat_masuk as svc

from ..factories import staff


def scan_pdf(name: str = "surat.pdf") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Surat undangan rapat koordinasi")
    canvas.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


@pytest.fixture
def kantor(catalogue):
    """The office's people for a letter's route: Sekretariat, a bidang below the Kadis, and outsiders."""
    return {
        "agendaris": staff(Role.AGENDARIS, bidang="sekretariat", first_name="Ayu", last_name="Agendaris"),
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", last_name="Kasubag"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Sari", last_name="Sekretaris"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad", last_name="Kadis"),
        "staf_sek": staff(Role.STAF, bidang="sekretariat", first_name="Santi", last_name="Staf"),
        "kabid": staff(Role.KABID, bidang="pendaftaran", first_name="Budi", last_name="Kabid"),
        "kasi": staff(Role.KASI, bidang="pendaftaran", first_name="Rina", last_name="Kasi"),
        "staf": staff(Role.STAF, bidang="pendaftaran", first_name="Dodi", last_name="Staf"),
        "operator": staff(Role.OPERATOR_SIAK, bidang="pendaftaran", first_name="Ovi", last_name="Operator"),
        "loket": staff(Role.PETUGAS_LOKET, bidang="pendaftaran", first_name="Lia", last_name="Loket"),
        "admin": staff(Role.ADMIN, bidang=None, is_staff=True, first_name="Adi", last_name="Admin"),
    }


def catat(agendaris, *, sifat: str = SifatSurat.BIASA, perihal: str = "Undangan rapat koordinasi adminduk", **kw):
    asal = kw.pop("asal", None) or Instansi.objects.get_or_create(nama="Bappeda Kabupaten")[0]
    data = svc.SuratMasukData(
        tanggal_terima=kw.pop("tanggal_terima", date(2026, 11, 30)),
        asal=asal,
        nomor_surat=kw.pop("nomor_surat", "005/123/BAPPEDA/2026"),
        tanggal_surat=kw.pop("tanggal_surat", date(2026, 11, 27)),
        perihal=perihal,
        sifat=sifat,
        lampiran="1 berkas",
        pindaian=scan_pdf(),
    )
    return svc.surat_masuk_catat(user=agendaris, data=data)


def to_kadis(surat, kantor):
    svc.surat_masuk_teruskan(user=kantor["kasubag"], pk=surat.pk, expected_status="kasubag")
    svc.surat_masuk_teruskan(user=kantor["sekretaris"], pk=surat.pk, expected_status="sekretaris")
    surat.refresh_from_db()
    return surat


def disposisi_data(kepada, *, instruksi=(), isi="Tindak lanjuti dan laporkan.", batas_waktu=None, sifat="biasa"):
    from sekretariat.models import InstruksiDisposisi

    chosen = list(InstruksiDisposisi.objects.filter(nama__in=instruksi or ["Tindak lanjuti"]))
    return svc.DisposisiData(kepada=list(kepada), instruksi=chosen, isi=isi, batas_waktu=batas_waktu, sifat=sifat)
