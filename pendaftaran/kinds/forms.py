"""Entry forms of the KTP-el, KIA, pindah and SKTT variants (the operator fills what the variant asks)."""

from datetime import date

from django import forms

from dukcapil.choices import JenisKelamin
from dukcapil.forms import DATE_WIDGET
from dukcapil.validators import NamaField, validate_tanggal_lampau

from ..choices import Agama, GolonganDarah, Pendidikan, StatusPerkawinan


def _as_choices(*values: str) -> list[tuple[str, str]]:
    """Choices whose stored value is also what the operator sees (the SIAK wording)."""
    return [(v, v) for v in values]


class _Form(forms.Form):
    def as_data(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.cleaned_data.items()}


class CetakForm(_Form):
    catatan_cek_data = forms.CharField(
        label="Hasil cek data SIAK, perekaman dan riwayat pencetakan", max_length=300, required=True
    )


class HilangForm(CetakForm):
    nomor_surat_kehilangan = forms.CharField(label="Nomor surat keterangan hilang (kepolisian)", max_length=60)


class PerubahanForm(CetakForm):
    pekerjaan = forms.CharField(label="Jenis pekerjaan", max_length=100)
    status_perkawinan = forms.ChoiceField(label="Status perkawinan", choices=StatusPerkawinan.choices)
    agama = forms.ChoiceField(label="Agama", choices=Agama.choices)
    pendidikan = forms.ChoiceField(label="Pendidikan", choices=Pendidikan.choices)
    golongan_darah = forms.ChoiceField(label="Golongan darah", choices=GolonganDarah.choices, required=False)
    dokumen_dasar = forms.CharField(label="Dokumen dasar perubahan (nomor dan jenis)", max_length=120)


class WnaForm(CetakForm):
    negara = forms.CharField(label="Kewarganegaraan (negara)", max_length=60)
    no_paspor = forms.CharField(label="Nomor paspor", max_length=20)
    no_kitap = forms.CharField(label="Nomor KITAS/KITAP", max_length=30)
    izin_tinggal_hingga = forms.DateField(label="Izin tinggal berlaku hingga", widget=DATE_WIDGET)
    sponsor = forms.CharField(label="Sponsor/penjamin", max_length=150)


class WnaHilangForm(WnaForm):
    nomor_surat_kehilangan = forms.CharField(label="Nomor surat keterangan hilang (kepolisian)", max_length=60)


class PerekamanRumahForm(_Form):
    nomor_surat_kelurahan = forms.CharField(label="Nomor surat permohonan kelurahan", max_length=60)
    perekaman_tanggal = forms.DateField(
        label="Tanggal perekaman di tempat tinggal", widget=DATE_WIDGET, validators=[validate_tanggal_lampau]
    )
    perekaman_lokasi = forms.CharField(label="Lokasi perekaman (alamat tempat tinggal)", max_length=200)
    petugas_perekaman = forms.CharField(label="Petugas perekaman", max_length=120)


class KiaForm(_Form):
    no_akta_kelahiran = forms.CharField(label="Nomor akta kelahiran", max_length=40)


class TujuanForm(_Form):
    alasan_pindah = forms.ChoiceField(
        label="Alasan pindah",
        choices=_as_choices("PEKERJAAN", "PENDIDIKAN", "KEAMANAN", "KESEHATAN", "PERUMAHAN", "KELUARGA"),
    )
    klasifikasi = forms.ChoiceField(
        label="Klasifikasi pindah",
        choices=_as_choices(
            "DALAM SATU DESA/KELURAHAN", "ANTAR DESA/KELURAHAN", "ANTAR KECAMATAN", "ANTAR KAB/KOTA", "ANTAR PROVINSI"
        ),
    )
    jenis_kepindahan = forms.ChoiceField(
        label="Jenis kepindahan",
        choices=_as_choices(
            "KEPALA KELUARGA",
            "KEPALA KELUARGA DAN SELURUH ANGGOTA KELUARGA",
            "KEPALA KELUARGA DAN SEBAGIAN ANGGOTA KELUARGA",
            "ANGGOTA KELUARGA",
        ),
    )
    tujuan_alamat = forms.CharField(label="Alamat tujuan", max_length=200)
    tujuan_rt = forms.CharField(label="RT", max_length=3)
    tujuan_rw = forms.CharField(label="RW", max_length=3)
    tujuan_desa = forms.CharField(label="Desa/kelurahan tujuan", max_length=100)
    tujuan_kecamatan = forms.CharField(label="Kecamatan tujuan", max_length=100)
    tujuan_kabupaten = forms.CharField(label="Kabupaten/kota tujuan", max_length=100)
    tujuan_provinsi = forms.CharField(label="Provinsi tujuan", max_length=100)
    tanggal_pindah = forms.DateField(label="Rencana tanggal pindah", widget=DATE_WIDGET)


class LuarNegeriForm(_Form):
    negara_tujuan = forms.CharField(label="Negara tujuan", max_length=60)
    alamat_luar_negeri = forms.CharField(label="Alamat di luar negeri", max_length=200)
    alasan_pindah = forms.CharField(label="Alasan pindah", max_length=100)
    no_paspor = forms.CharField(label="Nomor paspor", max_length=20)
    tanggal_pindah = forms.DateField(label="Rencana tanggal pindah", widget=DATE_WIDGET)


class RujukanForm(_Form):
    nomor_rujukan = forms.CharField(label="Nomor SKPWNI/SKPLN yang dirujuk", max_length=40)
    keterangan = forms.CharField(label="Keterangan", max_length=200)


class PerpanjanganForm(RujukanForm):
    berlaku_hingga = forms.DateField(label="Berlaku hingga (perpanjangan)", widget=DATE_WIDGET)


class SkttForm(WnaForm):
    nik = forms.CharField(label="NIK orang asing (dari SIAK)", max_length=16)
    nama = NamaField(label="Nama lengkap (sesuai paspor)")
    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin", choices=JenisKelamin.choices)
    tempat_lahir = forms.CharField(label="Tempat lahir", max_length=100)
    tanggal_lahir = forms.DateField(label="Tanggal lahir", widget=DATE_WIDGET, validators=[validate_tanggal_lampau])
    agama = forms.ChoiceField(label="Agama", choices=Agama.choices)
    pekerjaan = forms.CharField(label="Pekerjaan", max_length=100)
    status_perkawinan = forms.ChoiceField(label="Status perkawinan", choices=StatusPerkawinan.choices)
    alamat = forms.CharField(label="Alamat tinggal di Indonesia", max_length=200)


class SkttHilangForm(CetakForm):
    nomor_surat_kehilangan = forms.CharField(label="Nomor surat keterangan hilang (kepolisian)", max_length=60)
