import io

import pytest
from pypdf import PdfReader

from dukcapil.choices import Status
from dukcapil.models import Dokumen
from tests.factories import berkas_in

pytestmark = pytest.mark.django_db


def pdf_text(dokumen: Dokumen) -> str:
    reader = PdfReader(io.BytesIO(dokumen.berkas_pdf.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_kk_pdf_carries_the_family_as_entered(team):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    text = pdf_text(Dokumen.objects.get(berkas=berkas, jenis="kk"))
    assert "KARTU KELUARGA" in text
    keluarga = berkas.permohonan_kk.keluarga
    assert keluarga.nomor_kk.startswith("210201") and keluarga.nomor_kk in text  # generated at approval
    for member in keluarga.anggota.all():
        assert member.nik in text
        assert member.nama.split()[0] in text
    assert "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL" in text
    assert berkas.nomor_registrasi in text


def test_resi_carries_the_nomor_and_masks_the_nik(team):
    berkas = berkas_in(Status.DITERIMA, team)
    text = pdf_text(Dokumen.objects.get(berkas=berkas, jenis="resi"))
    assert berkas.nomor_registrasi in text
    assert berkas.pemohon_nik not in text
    assert berkas.pemohon_nik[:4] + "********" + berkas.pemohon_nik[-4:] in text
    assert "Pengantar RT/RW" in text
