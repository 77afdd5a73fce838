"""Forms of publikasi."""

from django import forms

from dukcapil.validators import CatatanField

from ..models import KanalPublikasi, StatusPublikasi

GAMBAR = {"accept": ".jpg,.jpeg,.png"}


class PublikasiForm(forms.Form):
    judul = forms.CharField(label="Judul", max_length=200)
    isi = forms.CharField(label="Isi", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    kanal = forms.ChoiceField(label="Kanal", choices=KanalPublikasi.choices)
    gambar = forms.FileField(label="Gambar (JPEG/PNG, opsional)", required=False, widget=forms.FileInput(attrs=GAMBAR))


class GambarForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPublikasi.choices, widget=forms.HiddenInput)
    gambar = forms.FileField(label="Gambar (JPEG/PNG)", widget=forms.FileInput(attrs=GAMBAR))


class AksiForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPublikasi.choices)
    catatan = CatatanField(label="Catatan")


class TerbitForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPublikasi.choices, widget=forms.HiddenInput)
    tanggal = forms.DateField(label="Tanggal posting", widget=forms.DateInput(attrs={"type": "date"}))
    tautan = forms.URLField(label="Tautan posting", max_length=200, assume_scheme="https")
