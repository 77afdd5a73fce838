"""Forms of pengaduan: the public web form, the staff's recording form, triage, answer, status check."""

from django import forms
from django.core.exceptions import ValidationError

from dukcapil.models import Bidang
from dukcapil.validators import CatatanField

from ..models import ISI_MAX, JenisPengaduan, KategoriPengaduan, SaluranPengaduan, StatusPengaduan
from ..services.pengaduan import normalisasi_telepon, terlalu_panjang


class TeleponField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 25)
        kwargs.setdefault("label", "Nomor telepon/WhatsApp")
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        return normalisasi_telepon(super().clean(value))


class IsiField(forms.CharField):
    """The text of a complaint: at most ISI_MAX characters, said plainly when longer."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6, "maxlength": ISI_MAX}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if len(value) > ISI_MAX:
            raise ValidationError(terlalu_panjang(self.label or "Isi", len(value)))
        return value


class PengaduanPublikForm(forms.Form):
    nama = forms.CharField(label="Nama", max_length=150)
    kontak = TeleponField()
    email = forms.EmailField(label="Email (opsional, untuk menerima jawaban)", required=False)
    jenis = forms.ChoiceField(label="Jenis", choices=JenisPengaduan.choices)
    kategori = forms.ChoiceField(label="Kategori", choices=KategoriPengaduan.choices)
    isi = IsiField(label="Isi", help_text="Paling banyak 2.000 karakter.")
    lampiran = forms.FileField(
        label="Lampiran (opsional: foto JPEG/PNG atau PDF)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class PengaduanStafForm(PengaduanPublikForm):
    saluran = forms.ChoiceField(
        label="Saluran", choices=[c for c in SaluranPengaduan.choices if c[0] != SaluranPengaduan.WEB]
    )
    field_order = ["saluran", "nama", "kontak", "email", "jenis", "kategori", "isi", "lampiran"]


class CekPengaduanForm(forms.Form):
    nomor_tiket = forms.CharField(label="Nomor tiket", max_length=20)
    kode = forms.CharField(label="Kode rahasia", max_length=20, widget=forms.PasswordInput(render_value=False))


class TriaseForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPengaduan.choices, widget=forms.HiddenInput)
    kategori = forms.ChoiceField(label="Kategori", choices=KategoriPengaduan.choices)
    bidang_penjawab = forms.ModelChoiceField(
        label="Bidang yang menjawab", queryset=Bidang.objects.order_by("nama"), empty_label="— pilih —"
    )
    catatan = CatatanField(label="Catatan untuk bidang")


class JawabForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPengaduan.choices, widget=forms.HiddenInput)
    jawaban = IsiField(label="Jawaban")


class AksiForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusPengaduan.choices)
    catatan = CatatanField(label="Catatan")


class FilterForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=[("", "Semua status"), *StatusPengaduan.choices], required=False)
    saluran = forms.ChoiceField(
        label="Saluran", choices=[("", "Semua saluran"), *SaluranPengaduan.choices], required=False
    )
    q = forms.CharField(label="Nomor tiket", max_length=20, required=False)


class BulanForm(forms.Form):
    bulan = forms.RegexField(
        label="Bulan", regex=r"^\d{4}-(0[1-9]|1[0-2])$", required=False, widget=forms.DateInput(attrs={"type": "month"})
    )
