"""PDFs of the Sekretariat produced on request (dukcapil.cetakan): each renderer runs in a task and
reads through the selectors of the requesting user again, so a right lost meanwhile refuses it."""

from django.core.exceptions import PermissionDenied

from dukcapil.cetakan.registry import register_cetakan

from .selectors import surat_masuk as sel
from .views import bmd as bmd_views
from .views import naskah as naskah_views
from .views import surat_masuk as sm_views

register_cetakan("lembar-disposisi")(sm_views.lembar_disposisi_pdf)
register_cetakan("disposisi-belum-selesai")(sm_views.DISPOSISI_TERBUKA.pdf)
register_cetakan("naskah-konsep")(naskah_views.naskah_konsep_pdf)
register_cetakan("naskah-arsip")(naskah_views.naskah_arsip_pdf)
register_cetakan("kir")(bmd_views.kir_pdf)
register_cetakan("label-bmd")(bmd_views.label_pdf)


@register_cetakan("buku-agenda-surat-masuk")
def buku_agenda_masuk(params: dict, user) -> tuple[str, bytes]:
    if not sel.pembaca_agenda(user):
        raise PermissionDenied("Buku agenda surat masuk hanya untuk Sekretariat dan pimpinan.")
    return sm_views.BUKU_AGENDA.pdf(params, user)


@register_cetakan("buku-agenda-surat-keluar")
def buku_agenda_keluar(params: dict, user) -> tuple[str, bytes]:
    return naskah_views.register_pdf("buku-agenda-surat-keluar", params, user)


@register_cetakan("buku-ekspedisi")
def buku_ekspedisi(params: dict, user) -> tuple[str, bytes]:
    return naskah_views.register_pdf("buku-ekspedisi", params, user)


# --- SPJ dan daftar gaji (keuangan) ---
from .documents import keuangan as keuangan_docs  # noqa: E402

register_cetakan("spj-administratif")(keuangan_docs.spj_administratif_pdf)
register_cetakan("spj-fungsional")(keuangan_docs.spj_fungsional_pdf)
register_cetakan("daftar-gaji")(keuangan_docs.daftar_gaji_pdf)
# --- end SPJ dan daftar gaji ---
