"""PDFs of PIAK produced on request (dukcapil.cetakan): each renderer runs in a task and reads
through the selectors of the requesting user again."""

from dukcapil.cetakan.registry import register_cetakan

from .documents.laporan_penduduk import render_pdf
from .selectors import laporan_penduduk as lapduk_sel


@register_cetakan("laporan-penduduk")
def laporan_penduduk_pdf(params: dict, user) -> tuple[str, bytes]:
    laporan = lapduk_sel.laporan_for(user, params["pk"])
    return f"{laporan.nomor.lower().replace('/', '-')}.pdf", render_pdf(laporan)


@register_cetakan("bast-blangko")
def bast_blangko_pdf(params: dict, user) -> tuple[str, bytes]:
    """The BAST of a handover to a kecamatan (only once it is recorded, only for who may see it)."""
    from django.http import Http404

    from .documents.distribusi_blangko import render_bast
    from .selectors import distribusi_blangko as blangko_sel

    permintaan = blangko_sel.permintaan_detail(user, params["pk"])
    if permintaan is None or not permintaan.nomor_bast:
        raise Http404("BAST belum ada.")
    return f"bast-{permintaan.nomor_bast.lower().replace('/', '-')}.pdf", render_bast(permintaan)
