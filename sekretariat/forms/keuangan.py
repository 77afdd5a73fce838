"""Forms of keuangan: they parse input; the services decide."""

from django import forms
from django.utils import timezone

from dukcapil.validators import CatatanField, validate_tanggal_lampau

from ..models import JenisSpp, StatusSpp, SubKegiatanDpa
from .surat_masuk import DATE, PeriodeForm


class SppForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis SPP", choices=JenisSpp.choices)
    nomor_sipd = forms.CharField(label="Nomor SPP (SIPD)", max_length=100)
    tanggal = forms.DateField(label="Tanggal SPP", widget=DATE, validators=[validate_tanggal_lampau])
    sub_kegiatan = forms.ModelChoiceField(
        label="Sub kegiatan (DPA)", queryset=SubKegiatanDpa.objects.none(), empty_label="— pilih sub kegiatan —"
    )
    nilai = forms.DecimalField(label="Nilai (Rp)", max_digits=16, decimal_places=2, min_value=1)
    uraian = forms.CharField(label="Uraian", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["tanggal"].initial = today
        self.fields["sub_kegiatan"].queryset = SubKegiatanDpa.objects.filter(tahun__gte=today.year - 1)


class SppAksiForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusSpp.choices)
    catatan = CatatanField(label="Catatan", required=False)
    nomor = forms.CharField(label="Nomor", max_length=100, required=False)
    tanggal = forms.DateField(label="Tanggal", widget=DATE, required=False, validators=[validate_tanggal_lampau])


class SppPeriodeForm(PeriodeForm):
    status = forms.ChoiceField(label="Status", choices=[("", "Semua status"), *StatusSpp.choices], required=False)


class DpaImporForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas DPA (XLSX)",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )


class TahunForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun anggaran", min_value=2000, max_value=2100, required=False)
