"""PDFs of PIAK produced on request (dukcapil.cetakan): each renderer runs in a task and reads
through the selectors of the requesting user again."""

from dukcapil.cetakan.registry import register_cetakan

from .documents.laporan_penduduk import render_pdf
from .selectors import laporan_penduduk as lapduk_sel


@register_cetakan("laporan-penduduk")
def laporan_penduduk_pdf(params: dict, user) -> tuple[str, bytes]:
    laporan = lapduk_sel.laporan_for(user, params["pk"])
    return f"{laporan.nomor.lower().replace('/', '-')}.pdf", render_pdf(laporan)
