"""The konsep (draft) of a PELITA 3 berkas shown to its applicant before the Kadis signs (Pekanbaru
PELITA 3 step 5: «draft dokumen ... diperlihatkan kepada pemohon untuk dicek kembali»): the documents
the citizen will receive, rendered unsigned with an empty QR area, each page marked KONSEP."""

import io

from django.http import Http404
from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import Color
from reportlab.pdfgen import canvas

from dukcapil.cetakan.registry import register_cetakan
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasInvalid

from .models import PermohonanOnline
from .selectors import KARTU, dapat_dicetak_warga

# approved by the Kabid, register updated, waiting for the Kadis's TTE: what is drawn up is final
KONSEP_STATUSES = (Status.TTE,)


def konsep_available(permohonan: PermohonanOnline) -> bool:
    return permohonan.berkas is not None and permohonan.berkas.status in KONSEP_STATUSES


def _stamp(width: float, height: float) -> PdfReader:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(width, height))
    page.setFillColor(Color(0.7, 0.1, 0.1, alpha=0.25))
    page.setFont("Helvetica-Bold", min(width, height) / 7)
    page.translate(width / 2, height / 2)
    page.rotate(35)
    page.drawCentredString(0, 0, "KONSEP")
    page.setFont("Helvetica-Bold", min(width, height) / 40)
    page.drawCentredString(0, -min(width, height) / 14, "belum ditandatangani, bukan dokumen resmi")
    page.save()
    return PdfReader(io.BytesIO(out.getvalue()))


@register_cetakan("konsep-warga")
def render_konsep(params: dict, user) -> tuple[str, bytes]:
    permohonan = (
        PermohonanOnline.objects.select_related("berkas__layanan", "warga")
        .filter(nomor_permohonan=params.get("nomor", ""), warga__user=user)
        .first()
    )
    if permohonan is None or permohonan.berkas is None:
        raise Http404("Permohonan tidak ditemukan.")
    if not konsep_available(permohonan):
        raise BerkasInvalid("Konsep dokumen hanya dapat dilihat saat berkas menunggu tanda tangan Kepala Dinas.")
    berkas = permohonan.berkas
    writer = PdfWriter()
    for spec in berkas.signing_documents():
        if not (dapat_dicetak_warga(spec.jenis) or spec.jenis in KARTU):
            continue  # the office's own registers are not the citizen's documents
        rendered = spec.render(berkas, verification_url="", signer=None)
        for source in PdfReader(io.BytesIO(rendered.pdf)).pages:
            page = writer.add_page(source)  # merged on the writer's copy (pypdf 7)
            box = page.mediabox
            page.merge_page(_stamp(float(box.width), float(box.height)).pages[0])
    if not writer.pages:
        raise BerkasInvalid("Berkas ini tidak menghasilkan dokumen yang dapat diperlihatkan sebagai konsep.")
    out = io.BytesIO()
    writer.write(out)
    return f"konsep-{berkas.nomor_registrasi}.pdf", out.getvalue()
