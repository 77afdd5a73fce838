"""Turn berkas rows into the plain data the PDF layouts take."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .documents import OfficeHeader, ResiDocument, render_resi_pdf
from .hari_kerja import add_hari_kerja
from .models import Berkas
from .nik import mask_nik


def office_header() -> OfficeHeader:
    o = settings.OFFICE
    return OfficeHeader(
        nama_dinas=o["nama_dinas"],
        pemerintah=o["pemerintah"],
        alamat=o["alamat"],
        kabupaten_kota=o["kabupaten_kota"],
        tempat_terbit=o["tempat_terbit"],
        kepala_dinas_nama=o["kepala_dinas_nama"],
        kepala_dinas_nip=o["kepala_dinas_nip"],
    )


def perkiraan_selesai(berkas: Berkas):
    if berkas.jangka_waktu_hari_kerja is None:
        return None
    return add_hari_kerja(timezone.localdate(berkas.dibuat_pada), berkas.jangka_waktu_hari_kerja)


def build_resi_pdf(berkas: Berkas) -> bytes:
    accepted = berkas.kartu_kendali.filter(ke_status="diterima").order_by("-waktu").first()
    return render_resi_pdf(
        ResiDocument(
            office=office_header(),
            nomor_registrasi=berkas.nomor_registrasi,
            layanan=berkas.layanan.nama,
            tanggal_terima=accepted.waktu if accepted else berkas.dibuat_pada,
            pemohon_nama=berkas.pemohon_nama,
            pemohon_nik_masked=mask_nik(berkas.pemohon_nik),
            persyaratan_diserahkan=[p.nama for p in berkas.persyaratan_diserahkan.order_by("urutan")],
            perkiraan_selesai=perkiraan_selesai(berkas),
            petugas=str(accepted.pelaku) if accepted and accepted.pelaku else str(berkas.dibuat_oleh),
            status_url=settings.PUBLIC_BASE_URL.rstrip("/") + reverse("status-publik"),
        )
    )
