"""Forms of the perencanaan dan pelaporan calendar."""

from django import forms

from dukcapil.models import User
from dukcapil.validators import CatatanField

from ..models import StatusPerencanaan


class KalenderFilterForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100, required=False)
    q = forms.CharField(label="Cari", max_length=100, required=False)
    status = forms.ChoiceField(
        label="Status", choices=[("", "Semua status"), *StatusPerencanaan.choices], required=False
    )


class PemegangForm(forms.Form):
    pemegang = forms.ModelChoiceField(label="Pemegang", queryset=User.objects.none(), empty_label="— pilih —")
    tim = forms.ModelMultipleChoiceField(label="Tim", queryset=User.objects.none(), required=False)

    def __init__(self, *args, staf=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pemegang"].queryset = staf
        self.fields["tim"].queryset = staf


class AksiForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPerencanaan.choices)
    catatan = CatatanField(label="Catatan", required=False)


class FinalForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPerencanaan.choices)
    berkas = forms.FileField(label="Berkas final (PDF)", widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}))
