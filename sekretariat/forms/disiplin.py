"""Forms of disiplin: open a case, record the next step, close the case."""

from django import forms

from ..models.disiplin import CaraSelesai, TingkatDisiplin
from ..selectors.presensi import pegawai_aktif
from .presensi import label_pegawai


class KasusForm(forms.Form):
    pegawai = forms.ModelChoiceField(label="Pegawai", queryset=pegawai_aktif())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].label_from_instance = label_pegawai


class LangkahForm(forms.Form):
    tingkat = forms.ChoiceField(label="Tingkat", choices=TingkatDisiplin.choices, widget=forms.HiddenInput)
    tanggal = forms.DateField(label="Tanggal", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    pelanggaran = forms.CharField(label="Pelanggaran", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class TutupForm(forms.Form):
    cara = forms.ChoiceField(label="Cara selesai", choices=CaraSelesai.choices, widget=forms.RadioSelect)
    alasan = forms.CharField(label="Alasan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    rujukan = forms.CharField(
        label="Rujukan (nomor surat penyerahan)",
        required=False,
        max_length=150,
        help_text="Wajib bila hukuman disiplin diserahkan ke Inspektorat/BKPSDM.",
    )
