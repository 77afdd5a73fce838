"""Forms of cuti pegawai: the request (the Kasubag also picks the employee) and a step's note."""

from django import forms

from ..models import JenisCuti, Pegawai


class CutiForm(forms.Form):
    pegawai = forms.ModelChoiceField(label="Pegawai", queryset=Pegawai.objects.none(), required=False)
    jenis = forms.ModelChoiceField(label="Jenis cuti", queryset=JenisCuti.objects.filter(aktif=True))
    mulai = forms.DateField(label="Tanggal mulai", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    selesai = forms.DateField(
        label="Tanggal selesai", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    alasan = forms.CharField(label="Alasan cuti", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    alamat = forms.CharField(label="Alamat selama cuti", max_length=300)

    def __init__(self, *args, pilih_pegawai: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if pilih_pegawai:
            self.fields["pegawai"].queryset = Pegawai.objects.filter(aktif=True).order_by("nama")
            self.fields["pegawai"].label_from_instance = lambda p: f"{p.nama_lengkap} — {p.nip}"
            self.fields["pegawai"].help_text = "Kosongkan untuk cuti Anda sendiri."
        else:
            del self.fields["pegawai"]

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("mulai"), data.get("selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
        return data


class AksiCutiForm(forms.Form):
    expected_status = forms.CharField(required=False, widget=forms.HiddenInput)
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
