"""Turn berkas rows into the plain data the PDF layouts take."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.urls import reverse

from .documents import OfficeHeader, ResiDocument, render_resi_pdf
from .models import Berkas, Kantor
from .nik import mask_nik

_kantor_memo: ContextVar[dict | None] = ContextVar("kantor_memo", default=None)


@contextmanager
def office_read_once():
    """Inside: the active office's profile is read once (a TTE chunk renders many documents)."""
    token = _kantor_memo.set({})
    try:
        yield
    finally:
        _kantor_memo.reset(token)


def _active_kantor() -> Kantor | None:
    memo = _kantor_memo.get()
    if memo is None:
        return Kantor.objects.filter(aktif=True).first()
    if "kantor" not in memo:
        memo["kantor"] = Kantor.objects.filter(aktif=True).first()
    return memo["kantor"]


def office_header(signer=None) -> OfficeHeader:
    """The active office's profile (admin), each empty field falling back to the OFFICE_* settings.

    ``signer`` (a SertifikatPenandatangan) puts the official who really signs in the signature block.
    """
    o = settings.OFFICE
    kantor = _active_kantor()

    def pick(field: str) -> str:
        value = getattr(kantor, field, "") if kantor else ""
        return value or o[field]

    return OfficeHeader(
        nama_dinas=pick("nama_dinas").upper(),
        pemerintah=pick("pemerintah").upper(),
        alamat=pick("alamat"),
        kabupaten_kota=pick("kabupaten_kota"),
        tempat_terbit=o["tempat_terbit"],
        kepala_dinas_nama=signer.nama if signer else pick("kepala_dinas_nama"),
        kepala_dinas_nip=(signer.nip or "-") if signer else pick("kepala_dinas_nip"),
    )


def build_resi_pdf(berkas: Berkas) -> bytes:
    from .ikm.services import undangan_untuk_berkas

    survei = undangan_untuk_berkas(berkas=berkas)
    accepted = berkas.kartu_kendali.filter(transisi="accept").order_by("-waktu").first()
    return render_resi_pdf(
        ResiDocument(
            office=office_header(),
            nomor_registrasi=berkas.nomor_registrasi,
            layanan=berkas.layanan.nama,
            tanggal_terima=accepted.waktu if accepted else berkas.dibuat_pada,
            pemohon_nama=berkas.pemohon_nama,
            pemohon_nik_masked=mask_nik(berkas.pemohon_nik),
            persyaratan_diserahkan=[p.nama for p in berkas.persyaratan_diserahkan.order_by("urutan")],
            perkiraan_selesai=berkas.tenggat,
            petugas=str(accepted.pelaku) if accepted and accepted.pelaku else str(berkas.dibuat_oleh),
            status_url=settings.PUBLIC_BASE_URL.rstrip("/") + reverse("status-publik"),
            survei_url=settings.PUBLIC_BASE_URL.rstrip("/") + survei.get_absolute_url(),
        )
    )
