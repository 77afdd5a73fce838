"""A renderer for the tests of the core: counts its calls and can be told to refuse or break."""

import io

from django.core.exceptions import PermissionDenied
from reportlab.pdfgen.canvas import Canvas

from dukcapil.cetakan.registry import register_cetakan

JENIS = "uji-cetakan"
calls: list[tuple[dict, int]] = []
behaviour = {"mode": "ok"}


def one_page_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.save()
    return buffer.getvalue()


@register_cetakan(JENIS)
def render(params: dict, user) -> tuple[str, bytes]:
    calls.append((params, user.pk))
    if behaviour["mode"] == "refuse":
        raise PermissionDenied("Anda tidak lagi berwenang melihat data ini.")
    if behaviour["mode"] == "break":
        raise ValueError("NIK 3201010101010001 rusak")  # a fault whose text holds personal data
    return f"uji-{params['n']}.pdf", one_page_pdf(f"Dokumen uji nomor {params['n']}")
