"""Forms of the kerja sama register."""

from django import forms

from sekretariat.models import Instansi

from ..models.kerjasama import JenisKerjasama, RuangLingkup

_DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class UsulanForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis", choices=JenisKerjasama.choices, initial=JenisKerjasama.PKS)
    lembaga = forms.ModelChoiceField(
        label="Lembaga pengguna", queryset=Instansi.objects.order_by("nama"), required=False
    )
    lembaga_baru = forms.CharField(label="atau lembaga baru", max_length=200, required=False)
    judul = forms.CharField(label="Judul kerja sama", max_length=300)
    tor = forms.CharField(label="Kerangka acuan (ToR)", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    ruang_lingkup = forms.MultipleChoiceField(
        label="Ruang lingkup (hak akses)", choices=RuangLingkup.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean(self):
        data = super().clean()
        if not data.get("lembaga") and not (data.get("lembaga_baru") or "").strip():
            self.add_error("lembaga", "Pilih lembaga atau tulis nama lembaga baru.")
        return data


class DrafForm(forms.Form):
    draf = forms.FileField(label="Draf PKS (PDF)")


class CatatanForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False
    )


class TandaTanganForm(forms.Form):
    nomor_dinas = forms.CharField(label="Nomor pihak Dinas", max_length=100)
    tanggal_dinas = forms.DateField(label="Tanggal ditandatangani Kadis", **_DATE)
    nomor_mitra = forms.CharField(label="Nomor pihak lembaga", max_length=100)
    tanggal_mitra = forms.DateField(label="Tanggal ditandatangani lembaga", **_DATE)
    mulai = forms.DateField(label="Berlaku mulai", **_DATE)
    berakhir = forms.DateField(label="Berlaku sampai", **_DATE)
    pindaian = forms.FileField(label="Pindaian PKS bertanda tangan (PDF)")
    juknis = forms.FileField(label="Petunjuk teknis (PDF)", required=False)


class PerpanjangForm(forms.Form):
    tor = forms.CharField(label="ToR perpanjangan", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                          required=False)  # fmt: skip
