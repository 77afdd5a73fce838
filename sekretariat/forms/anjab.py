"""Forms of Anjab/ABK and the programme of pengembangan SDM."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models.anjab import JenisProgramSdm, PenyelenggaraSdm
from ..models.kepegawaian import Jabatan, Pegawai
from ..models.surat_masuk import SifatSurat, SuratMasuk
from ..uploads import periksa_pindaian

DATE = forms.DateInput(attrs={"type": "date"})


class PutaranForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    nomor_surat = forms.CharField(label="Nomor surat permintaan Bagian Organisasi", max_length=100)
    tanggal_surat = forms.DateField(label="Tanggal surat permintaan", widget=DATE)
    surat_masuk = forms.ModelChoiceField(
        label="Surat masuk (bila sudah diagendakan)", queryset=SuratMasuk.objects.none(), required=False
    )
    jabatan = forms.ModelMultipleChoiceField(
        label="Jabatan yang dianalisis", queryset=Jabatan.objects.all(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the request letter is an ordinary one; a rahasia letter's perihal is not offered here
        self.fields["surat_masuk"].queryset = SuratMasuk.objects.exclude(sifat=SifatSurat.RAHASIA).order_by("-pk")
        self.fields["surat_masuk"].label_from_instance = lambda s: f"{s.nomor_surat} — {s.perihal}"[:120]


class UraianForm(forms.Form):
    uraian = forms.CharField(label="Uraian tugas", max_length=500)
    satuan_hasil = forms.CharField(label="Satuan hasil", max_length=60)
    volume = forms.IntegerField(
        label="Beban kerja/tahun",
        min_value=1,
        error_messages={"min_value": "Beban kerja per tahun harus lebih dari 0."},
    )
    norma_waktu = forms.DecimalField(
        label="Norma waktu (menit)",
        max_digits=8,
        decimal_places=2,
        min_value=0.01,
        error_messages={"min_value": "Norma waktu harus lebih dari 0 menit."},
    )


UraianFormSet = forms.formset_factory(UraianForm, extra=3, can_delete=True, max_num=60)


class IsianForm(forms.Form):
    ikhtisar = forms.CharField(label="Ikhtisar jabatan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class KembalikanForm(forms.Form):
    catatan = forms.CharField(label="Catatan untuk pengisi", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class PerwaliForm(forms.Form):
    nomor = forms.CharField(label="Nomor Perwali", max_length=100)
    tanggal = forms.DateField(label="Tanggal Perwali", widget=DATE)


class ProgramForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis", choices=JenisProgramSdm.choices)
    judul = forms.CharField(label="Judul", max_length=200)
    penyelenggara = forms.ChoiceField(label="Penyelenggara", choices=PenyelenggaraSdm.choices)
    tanggal = forms.DateField(label="Tanggal", widget=DATE)
    peserta = forms.ModelMultipleChoiceField(
        label="Peserta", queryset=Pegawai.objects.filter(aktif=True), widget=forms.SelectMultiple(attrs={"size": 8})
    )


class SertifikatForm(forms.Form):
    sertifikat = forms.FileField(label="Sertifikat (PDF)", required=False)

    def clean_sertifikat(self):
        berkas = self.cleaned_data.get("sertifikat")
        if berkas:
            if periksa_pindaian(berkas, "Sertifikat") != "pdf":
                raise ValidationError("Sertifikat harus berupa berkas PDF.")
        return berkas


def tahun_ini() -> int:
    return timezone.localdate().year
