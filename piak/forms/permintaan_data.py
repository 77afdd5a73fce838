"""Forms of permintaan data: open a case, record what left the office."""

from django import forms

from ..models.kerjasama import RuangLingkup
from ..models.permintaan_data import JenisPermintaan, KolomData, MetodeKirim, sha256_valid


class BukaForm(forms.Form):
    surat = forms.ModelChoiceField(label="Surat permintaan", queryset=None)
    jenis = forms.ChoiceField(label="Jenis", choices=JenisPermintaan.choices)
    ruang_lingkup = forms.ChoiceField(label="Hak akses yang diminta", choices=RuangLingkup.choices)
    uraian = forms.CharField(label="Uraian permintaan", widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)

    def __init__(self, *args, surat_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["surat"].queryset = surat_qs
        self.fields["surat"].label_from_instance = lambda s: f"{s.nomor_surat} — {s.asal.nama}: {s.perihal}"[:160]


class HasilForm(forms.Form):
    kolom = forms.MultipleChoiceField(
        label="Kolom data yang dikirim", choices=KolomData.choices, widget=forms.CheckboxSelectMultiple
    )
    jumlah_record = forms.IntegerField(label="Jumlah record", min_value=0)
    sha256 = forms.CharField(label="SHA-256 berkas", max_length=64, help_text="64 karakter heksadesimal.")
    metode = forms.ChoiceField(label="Cara pengiriman", choices=MetodeKirim.choices)

    def clean_sha256(self) -> str:
        value = self.cleaned_data["sha256"].strip().lower()
        sha256_valid(value)
        return value
