"""Forms of surat masuk and disposisi: they parse input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from dukcapil.validators import CatatanField, validate_tanggal_lampau

from ..models import Instansi, InstruksiDisposisi, SifatSurat
from ..uploads import batas_unggah_mb, periksa_pindaian

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SuratMasukForm(forms.Form):
    tanggal_terima = forms.DateField(label="Tanggal terima", widget=DATE, validators=[validate_tanggal_lampau])
    asal = forms.ModelChoiceField(
        label="Surat dari (buku alamat)",
        queryset=Instansi.objects.all(),
        required=False,
        empty_label="— pilih instansi —",
    )
    asal_baru = forms.CharField(label="atau instansi baru", required=False, max_length=200)
    asal_alamat = forms.CharField(label="Alamat instansi baru", required=False, max_length=300)
    nomor_surat = forms.CharField(label="Nomor surat", max_length=100)
    tanggal_surat = forms.DateField(label="Tanggal surat", widget=DATE, validators=[validate_tanggal_lampau])
    perihal = forms.CharField(label="Perihal", max_length=300)
    sifat = forms.ChoiceField(label="Sifat", choices=SifatSurat.choices, initial=SifatSurat.BIASA)
    lampiran = forms.CharField(label="Lampiran", required=False, max_length=100, help_text="mis. 1 (satu) berkas")
    pindaian = forms.FileField(
        label="Pindaian surat",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pindaian"].help_text = f"PDF, JPEG, atau PNG; maksimal {batas_unggah_mb()} MB."
        self.fields["tanggal_terima"].initial = timezone.localdate()

    def clean_pindaian(self):
        upload = self.cleaned_data["pindaian"]
        periksa_pindaian(upload)
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("asal") and not (data.get("asal_baru") or "").strip():
            self.add_error("asal", "Pilih instansi pengirim atau tulis nama instansi baru.")
        return data


class PenerimaField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        jabatan = ", ".join(g.name for g in obj.groups.all())
        bidang = f" · {obj.bidang.nama}" if obj.bidang_id else ""
        return f"{obj.get_full_name() or obj.username} ({jabatan}{bidang})"


class DisposisiForm(forms.Form):
    kepada = PenerimaField(
        label="Diteruskan kepada",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Pilih paling sedikit satu penerima.",
            "invalid_choice": "Penerima tidak dikenal atau di luar kantor.",
        },
    )
    instruksi = forms.ModelMultipleChoiceField(
        label="Instruksi",
        queryset=InstruksiDisposisi.objects.filter(aktif=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    isi = CatatanField(label="Catatan disposisi", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    batas_waktu = forms.DateField(label="Batas waktu", widget=DATE, required=False)
    sifat = forms.ChoiceField(label="Sifat", choices=SifatSurat.choices, initial=SifatSurat.BIASA)
    expected_status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, penerima, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kepada"].queryset = penerima.prefetch_related("groups")

    def clean(self):
        data = super().clean()
        if not data.get("instruksi") and not (data.get("isi") or "").strip():
            raise ValidationError("Centang paling sedikit satu instruksi atau tulis catatan disposisi.")
        return data


class CatatanForm(forms.Form):
    catatan = CatatanField(label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    expected_status = forms.CharField(widget=forms.HiddenInput)


class PeriodeForm(forms.Form):
    dari = forms.DateField(label="Dari tanggal", widget=DATE, required=False)
    sampai = forms.DateField(label="Sampai tanggal", widget=DATE, required=False)
    q = forms.CharField(label="Cari", required=False, max_length=100)

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            raise ValidationError("Tanggal awal periode sesudah tanggal akhirnya.")
        return data
