"""What a citizen hears about their berkas, and when: registered, returned, ready, handed over.

The texts are templates in Bahasa Indonesia, ``templates/notifikasi/warga/<peristiwa>.txt``: the
first line is the subject, the rest the message (email, WhatsApp); ``sms/<peristiwa>.txt`` is the
one-SMS version. They name the berkas by its nomor registrasi and
the layanan only: no NIK, no name (a mistyped number or address must reveal nothing about the
person), no document; the citizen follows the public status page (nomor + NIK) for the rest.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ..registry import register_signed_hook, told_elsewhere
from .models import PesanKeluar
from .services import kabari_warga, kanal_telepon

PERISTIWA = ("diterima", "dikembalikan", "siap_diambil", "selesai")


def pesan_berkas(berkas, peristiwa: str) -> tuple[str, str, str]:
    """(subjek, isi, isi_singkat) of the message for this berkas and event, in Indonesian; the short
    text (``sms/<peristiwa>.txt``) is what an SMS carries."""
    from ..documents_builders import office_header

    if peristiwa not in PERISTIWA:
        raise ValueError(f"unknown berkas event {peristiwa!r}")
    kantor = office_header()
    context = {
        "nomor": berkas.nomor_registrasi,
        "layanan": berkas.layanan.nama,
        "kurang": list(berkas.persyaratan_kurang),
        "tenggat": berkas.tenggat,
        "status_url": settings.PUBLIC_BASE_URL.rstrip("/") + reverse("status-publik"),
        "kantor": kantor.nama_dinas.title().replace("Dan", "dan"),
        "kabupaten_kota": kantor.kabupaten_kota,
        "alamat": kantor.alamat,
    }
    with translation.override("id"):
        text = render_to_string(f"notifikasi/warga/{peristiwa}.txt", context)
        singkat = render_to_string(f"notifikasi/warga/sms/{peristiwa}.txt", context)
    subjek, _, isi = text.strip().partition("\n")
    return subjek.strip(), isi.strip(), " ".join(singkat.split())


def berkas_kabari(berkas, peristiwa: str) -> list[PesanKeluar]:
    """Tell the pemohon (the email and telephone given at the counter) what just happened to the
    berkas; outbox rows in the caller's transaction (the one that ran the transition). Nothing when
    an app registered as the teller of this event for this berkas sends its own message
    (``registry.register_teller``: an online application is told with the link to the account)."""
    if not (berkas.pemohon_email or (berkas.pemohon_telepon and kanal_telepon())):
        return []  # no channel reaches the pemohon (phone gateways off): nothing to write
    if told_elsewhere(berkas, peristiwa):
        return []
    subjek, isi, singkat = pesan_berkas(berkas, peristiwa)
    return kabari_warga(
        email=berkas.pemohon_email,
        telepon=berkas.pemohon_telepon,
        subjek=subjek,
        isi=isi,
        isi_singkat=singkat,
        record=berkas,
    )


def kabari_siap_diambil(berkas) -> None:
    """After signing: the pemohon hears that the documents are printed and ready (not while the
    berkas waits for a blangko: that message goes when the blangko arrives)."""
    from ..choices import Status

    if berkas.status == Status.SIAP_DIAMBIL:
        berkas_kabari(berkas, "siap_diambil")


def register_hooks() -> None:
    """Called once from the core's AppConfig.ready: the pemohon's messages after signing."""
    register_signed_hook("notifikasi.siap_diambil", kabari_siap_diambil)
