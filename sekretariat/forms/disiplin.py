"""Forms of disiplin: open a case, record the next step."""

from django import forms

from ..models.disiplin import TingkatDisiplin
from ..selectors.presensi import pegawai_aktif


class KasusForm(forms.Form):
    pegawai = forms.ModelChoiceField(label="Pegawai", queryset=pegawai_aktif())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].label_from_instance = lambda u: f"{u.get_full_name() or u.username} — {u.nip}"


class LangkahForm(forms.Form):
    tingkat = forms.ChoiceField(label="Tingkat", choices=TingkatDisiplin.choices, widget=forms.HiddenInput)
    tanggal = forms.DateField(label="Tanggal", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    pelanggaran = forms.CharField(label="Pelanggaran", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
