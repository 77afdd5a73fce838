"""Forms of update data kependudukan: the request, PIAK's check, the Ditjen's reference and
answer, the confirmation to the pemohon."""

from django import forms
from django.utils import timezone

from dukcapil.forms import date_field as _tanggal

from ..models.update_data import JenisMasalah, KanalKonfirmasi, KanalPermohonan
from .common import AksiForm as _Aksi
from .common import text as _text


class PermohonanForm(forms.Form):
    kanal = forms.ChoiceField(label="Kanal permohonan", choices=KanalPermohonan.choices)
    nik = forms.CharField(label="NIK", max_length=32, widget=forms.TextInput(
        attrs={"inputmode": "numeric", "autocomplete": "off"}))  # fmt: skip
    nama_pemohon = forms.CharField(label="Nama pemohon", max_length=150)
    telepon = forms.CharField(label="Telepon/WhatsApp", max_length=30, required=False)
    email = forms.EmailField(label="Email", required=False, help_text="Hasil dikirim ke email ini bila diisi.")
    jenis_masalah = forms.ChoiceField(label="Data yang bermasalah", choices=JenisMasalah.choices)
    uraian = forms.CharField(label="Uraian", widget=_text(4), max_length=2000)
    bukti = forms.FileField(
        label="Bukti (fotokopi KK, tangkapan layar; PDF/JPG/PNG)", required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )  # fmt: skip


class _Bertanggal(_Aksi):
    """An action with a date, today by default."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("tanggal", timezone.localdate())


class VerifikasiForm(_Aksi):
    sesuai = forms.TypedChoiceField(
        label="Hasil verifikasi", coerce=lambda v: v == "1", widget=forms.RadioSelect,
        choices=[("1", "Dokumen dan data mendukung: ajukan ke Ditjen"), ("0", "Tidak dapat diproses: tolak")],
    )  # fmt: skip
    temuan = forms.CharField(label="Temuan terhadap database kependudukan", widget=_text(3), max_length=1000)


class AjukanForm(_Bertanggal):
    nomor_tiket = forms.CharField(label="Nomor tiket/surat ke Ditjen", max_length=60)
    tanggal = _tanggal("Tanggal diajukan")


class HasilForm(_Bertanggal):
    diupdate = forms.TypedChoiceField(
        label="Hasil dari Ditjen", coerce=lambda v: v == "1", widget=forms.RadioSelect,
        choices=[("1", "Data sudah di-update"), ("0", "Ditolak")],
    )  # fmt: skip
    keterangan = forms.CharField(label="Keterangan/alasan dari Ditjen", widget=_text(2), max_length=1000)
    tanggal = _tanggal("Tanggal hasil")


class KonfirmasiForm(_Bertanggal):
    kanal = forms.ChoiceField(label="Dikonfirmasi melalui", choices=KanalKonfirmasi.choices)
    tanggal = _tanggal("Tanggal konfirmasi")
    catatan = forms.CharField(label="Catatan", widget=_text(2), required=False, max_length=1000)
