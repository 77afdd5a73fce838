"""Forms of the laporan perkembangan kependudukan."""

from django import forms
from django.utils import timezone

from ..models import JenisLaporanPenduduk


class BuatForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis laporan", choices=JenisLaporanPenduduk.choices)
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    periode_ke = forms.IntegerField(
        label="Semester (1–2) atau bulan (1–12)",
        min_value=1,
        max_value=12,
        help_text="Semester I = 1, semester II = 2.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year


class AksiForm(forms.Form):
    expected_status = forms.CharField(required=False, widget=forms.HiddenInput)
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnalisisForm(forms.Form):
    expected_status = forms.CharField(required=False, widget=forms.HiddenInput)
    analisis = forms.CharField(
        label="Analisis data agregat", required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )


class RegistrasiForm(forms.Form):
    expected_status = forms.CharField(required=False, widget=forms.HiddenInput)
    nomor = forms.CharField(label="Nomor registrasi (dari Kasubag Umum dan Kepegawaian)", max_length=100)
    tanggal = forms.DateField(
        label="Tanggal registrasi", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ArahanForm(forms.Form):
    expected_status = forms.CharField(required=False, widget=forms.HiddenInput)
    arahan = forms.CharField(label="Arahan kepada Kasi", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
