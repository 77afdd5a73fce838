from django.utils import timezone

from dukcapil.documents_builders import office_header
from dukcapil.models import Berkas
from dukcapil.registry import RenderedDocument

from .choices import Hubungan
from .documents import AnggotaKK, KKDocument, render_kk_pdf
from .models import PermohonanKK


def build_kk_pdf(berkas: Berkas, *, verification_url: str = "", signer=None) -> RenderedDocument:
    permohonan = PermohonanKK.objects.get(berkas=berkas)
    anggota = list(permohonan.anggota.order_by("urutan"))
    kepala = next((a for a in anggota if a.hubungan == Hubungan.KEPALA_KELUARGA), None)
    pdf = render_kk_pdf(
        KKDocument(
            office=office_header(signer),
            nomor_kk=permohonan.nomor_kk,
            nomor_registrasi=berkas.nomor_registrasi,
            kepala_keluarga=kepala.nama if kepala else "",
            alamat=permohonan.alamat,
            rt=permohonan.rt,
            rw=permohonan.rw,
            desa_kelurahan=permohonan.desa_kelurahan,
            kecamatan=permohonan.kecamatan,
            kabupaten_kota=permohonan.kabupaten_kota,
            provinsi=permohonan.provinsi,
            kode_pos=permohonan.kode_pos,
            anggota=[
                AnggotaKK(
                    nik=a.nik,
                    nama=a.nama,
                    jenis_kelamin=a.get_jenis_kelamin_display().upper(),
                    tempat_lahir=a.tempat_lahir,
                    tanggal_lahir=a.tanggal_lahir,
                    agama=a.agama,
                    pendidikan=a.pendidikan,
                    pekerjaan=a.pekerjaan,
                    golongan_darah=a.golongan_darah,
                    status_perkawinan=a.status_perkawinan,
                    tanggal_perkawinan=a.tanggal_perkawinan,
                    hubungan=a.hubungan,
                    kewarganegaraan=a.kewarganegaraan,
                    no_paspor=a.no_paspor,
                    no_kitap=a.no_kitap,
                    nama_ayah=a.nama_ayah,
                    nama_ibu=a.nama_ibu,
                )
                for a in anggota
            ],
            tanggal_terbit=timezone.localdate(),
            verification_url=verification_url,
        )
    )
    return RenderedDocument(pdf=pdf, nomor=permohonan.nomor_kk)
