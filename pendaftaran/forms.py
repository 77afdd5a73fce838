from django import forms

from dukcapil.forms import DATE_WIDGET

from .choices import JenisPermohonanKK
from .models import AnggotaKeluarga, PermohonanKK


class IntakeKKForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis permohonan KK", choices=JenisPermohonanKK.choices)


class PermohonanKKForm(forms.ModelForm):
    class Meta:
        model = PermohonanKK
        fields = [
            "nomor_kk",
            "alamat",
            "rt",
            "rw",
            "desa_kelurahan",
            "kecamatan",
            "kabupaten_kota",
            "provinsi",
            "kode_pos",
        ]
        widgets = {"nomor_kk": forms.TextInput(attrs={"inputmode": "numeric", "autofocus": True})}


class AnggotaForm(forms.ModelForm):
    class Meta:
        model = AnggotaKeluarga
        fields = [
            "nik",
            "nama",
            "jenis_kelamin",
            "tempat_lahir",
            "tanggal_lahir",
            "agama",
            "pendidikan",
            "pekerjaan",
            "golongan_darah",
            "status_perkawinan",
            "tanggal_perkawinan",
            "hubungan",
            "kewarganegaraan",
            "no_paspor",
            "no_kitap",
            "nama_ayah",
            "nama_ibu",
        ]
        widgets = {
            "tanggal_lahir": DATE_WIDGET,
            "tanggal_perkawinan": DATE_WIDGET,
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "size": 17}),
        }


AnggotaFormSet = forms.formset_factory(AnggotaForm, extra=1, can_delete=True, max_num=30, validate_max=True)
