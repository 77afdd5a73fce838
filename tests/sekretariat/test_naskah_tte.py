"""A naskah is signed by the Kadis through the one signing path, verifies on the public page, is sent
by email from the outbox and in the buku ekspedisi, archived, and revoked when withdrawn."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasInvalid
from dukcapil.models import Dokumen
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.tte.services import record_ref
from sekretariat.models import Ekspedisi
from sekretariat.services import naskah as services
from tests.factories import TTE_PASSPHRASE, committed

from .naskah_helpers import sek_team, to_tte

pytestmark = pytest.mark.django_db


def sign(client, kadis, naskah):
    client.force_login(kadis)
    with committed():
        response = client.post(
            reverse("tte-batch-start"), {"record": [record_ref(naskah)], "passphrase": TTE_PASSPHRASE}
        )
    assert response.status_code == 302
    naskah.refresh_from_db()
    return naskah


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_kadis_signs_a_naskah_from_the_kotak_masuk_and_it_verifies_until_withdrawn(client, team):
    sek = sek_team(team)
    naskah = to_tte(sek)
    client.force_login(sek["kadis"])
    inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert naskah.nomor_naskah in inbox and f'value="{record_ref(naskah)}"' in inbox

    naskah = sign(client, sek["kadis"], naskah)
    assert naskah.status == "terbit"
    dokumen = Dokumen.objects.get(content_type__model="naskah", object_id=naskah.pk)
    # the signed PDF carries the number, the date and the hal
    text = pdf_text(dokumen.berkas_pdf.read())
    assert naskah.nomor_naskah in text
    assert format_tanggal(naskah.tanggal_naskah) in text
    assert "Permohonan data agregat" in text

    page = client.get(reverse("verifikasi-dokumen", args=[dokumen.token])).content.decode()
    assert "berlaku" in page and "Naskah dinas" in page
    assert "Kepala Bappeda Kabupaten Bintan" not in page  # masked on the public page
    dokumen.berkas_pdf.seek(0)
    checked = client.post(
        reverse("verifikasi-dokumen", args=[dokumen.token]), {"berkas": io.BytesIO(dokumen.berkas_pdf.read())}
    )
    assert "Tanda tangan elektronik sah" in checked.content.decode()

    # when: the Kadis withdraws it
    services.naskah_tarik(pk=naskah.pk, user=sek["kadis"], alasan="Salah alamat tujuan.")

    # then: the verification page says it is revoked
    naskah.refresh_from_db()
    assert naskah.status == "ditarik"
    page = client.get(reverse("verifikasi-dokumen", args=[dokumen.token])).content.decode()
    assert "<strong>dicabut</strong>" in page and "berlaku</strong>" not in page


def test_a_signed_naskah_is_emailed_with_its_pdf_recorded_by_courier_and_archived(client, team):
    sek = sek_team(team)
    naskah = sign(client, sek["kadis"], to_tte(sek))

    ekspedisi = services.naskah_kirim_email(pk=naskah.pk, user=sek["agendaris"], email="")
    pesan = PesanKeluar.objects.get(pk=ekspedisi.pesan_keluar_id)
    assert pesan.kepada == ["bappeda@example.go.id"]
    assert naskah.nomor_naskah in pesan.subjek
    assert [d.jenis for d in pesan.lampiran.all()] == ["naskah-dinas"]

    scan = SimpleUploadedFile("tt.pdf", _one_page_pdf(), content_type="application/pdf")
    services.naskah_catat_ekspedisi(
        pk=naskah.pk,
        user=sek["agendaris"],
        penerima="Sdr. Andi (Bappeda)",
        cara="kurir",
        tanggal=naskah.tanggal_naskah,
        kurir="Caraka Joko",
        tanda_terima=scan,
    )
    rows = list(Ekspedisi.objects.filter(naskah=naskah).order_by("pk"))
    assert [(e.cara, e.penerima) for e in rows] == [
        ("email", "bappeda@example.go.id"),
        ("kurir", "Sdr. Andi (Bappeda)"),
    ]
    assert rows[1].tanda_terima.name.endswith(".pdf")

    naskah = services.naskah_arsipkan(pk=naskah.pk, user=sek["agendaris"])
    assert naskah.status == "arsip"


def test_delivery_by_email_is_not_a_manual_entry(team):
    sek = sek_team(team)
    naskah = to_tte(sek)
    with pytest.raises(BerkasInvalid, match="email dikirim melalui tombol"):
        services.naskah_catat_ekspedisi(
            pk=naskah.pk, user=sek["agendaris"], penerima="x", cara="email", tanggal=naskah.tanggal_naskah
        )


def _one_page_pdf() -> bytes:
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(out)
    return out.getvalue()
