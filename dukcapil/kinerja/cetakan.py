"""The monthly laporan kinerja pelayanan, produced on request (dukcapil.cetakan): the renderer runs in
a task and asks the permissions table again, as the requesting user."""

from django.core.exceptions import PermissionDenied

from ..cetakan.registry import register_cetakan
from . import selectors as sel
from .documents import render_laporan
from .services import judul_bulan, periode_bulan


@register_cetakan("laporan-kinerja")
def laporan_kinerja_pdf(params: dict, user) -> tuple[str, bytes]:
    """The month's report over the bidang the user sees (every bidang for the Kadis and the Kasubag)."""
    if not sel.boleh_lihat(user):
        raise PermissionDenied(sel.TOLAK)
    tahun, bulan = int(params["tahun"]), int(params["bulan"])
    p = periode_bulan(tahun, bulan)
    p = sel.Periode(p.dari, p.sampai, sel.bidang_scope(user))
    return f"laporan-kinerja-{tahun}-{bulan:02d}.pdf", render_laporan(p, judul_bulan(tahun, bulan))
