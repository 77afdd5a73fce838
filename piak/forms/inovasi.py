"""Forms of inovasi layanan: the proposal and one form per step of P.6.6."""

from django import forms
from django.utils import timezone

from dukcapil.forms import date_field as _date
from dukcapil.models import User

from ..models.inovasi import JenisInovasi
from .common import AksiForm as _Aksi
from .common import text as _text


class UsulForm(forms.Form):
    nama = forms.CharField(label="Judul inovasi", max_length=200)
    latar_belakang = forms.CharField(label="Latar belakang", widget=_text(4), max_length=4000)
    jenis = forms.ChoiceField(label="Jenis inovasi", choices=JenisInovasi.choices)
    cakupan = forms.CharField(label="Cakupan (layanan, wilayah, sasaran)", max_length=300)
    target = _date("Target selesai")


class TimForm(_Aksi):
    tim = forms.ModelMultipleChoiceField(
        label="Anggota Tim Inovasi", queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pilih sedikitnya satu anggota tim."},
    )  # fmt: skip
    sk_nomor = forms.CharField(label="Nomor SK Tim", max_length=100)
    sk_tanggal = _date("Tanggal SK Tim")

    def __init__(self, *args, staf=None, **kwargs):
        super().__init__(*args, **kwargs)
        if staf is not None:
            self.fields["tim"].queryset = staf
        self.fields["tim"].label_from_instance = lambda u: u.get_full_name() or u.username


class RancanganForm(_Aksi):
    berkas = forms.FileField(label="Rancangan dan profil inovasi (PDF/gambar)")
    catatan = forms.CharField(label="Catatan untuk Kadis", widget=_text(2), required=False, max_length=1000)


class SetujuiForm(_Aksi):
    catatan = forms.CharField(label="Catatan/disposisi (opsional)", widget=_text(2), required=False, max_length=1000)


class KembalikanForm(_Aksi):
    alasan = forms.CharField(
        label="Yang perlu diperbaiki", widget=_text(2), max_length=1000,
        error_messages={"required": "Tulis apa yang perlu diperbaiki pada rancangan."},
    )  # fmt: skip


class PengadaanForm(_Aksi):
    rekanan = forms.CharField(label="Rekanan (pihak ketiga)", max_length=200)
    kontrak_nomor = forms.CharField(label="Nomor kontrak", max_length=100)


class TerimaForm(_Aksi):
    tanggal = _date("Tanggal diterima")
    bast_nomor = forms.CharField(label="Nomor BAST", max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("tanggal", timezone.localdate())


class SosialisasiForm(_Aksi):
    tanggal = _date("Tanggal sosialisasi")
    uraian = forms.CharField(label="Pelaksanaan (sasaran, lokasi, peserta)", widget=_text(3), max_length=1000)


class SelesaiForm(_Aksi):
    catatan = forms.CharField(label="Catatan (opsional)", widget=_text(1), required=False, max_length=1000)
