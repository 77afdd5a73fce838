from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from dukcapil.validators import CatatanField, NamaField, TeleponField
from sekretariat.uploads import periksa_pindaian

from .services import DATA, Unggahan


class NikField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "NIK")
        kwargs.setdefault("min_length", 16)
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("error_messages", {"min_length": "NIK harus 16 digit.", "max_length": "NIK harus 16 digit."})
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not value.isdigit():
            raise ValidationError("NIK hanya boleh berisi angka.")
        return value


class DaftarForm(forms.Form):
    nik = NikField(help_text="Sesuai Kartu Keluarga.")
    nama = NamaField(label="Nama lengkap", help_text="Sesuai Kartu Keluarga.")
    email = forms.EmailField(label="Email", help_text="Kode verifikasi, catatan petugas dan dokumen dikirim ke sini.")
    telepon = TeleponField(label="Telepon/WA", required=False)
    kata_sandi = forms.CharField(label="Kata sandi", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    kata_sandi_ulang = forms.CharField(
        label="Ulangi kata sandi", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        sandi, ulang = data.get("kata_sandi"), data.get("kata_sandi_ulang")
        if sandi and ulang and sandi != ulang:
            self.add_error("kata_sandi_ulang", "Kata sandi tidak sama.")
        elif sandi:
            try:
                validate_password(sandi)
            except ValidationError as exc:
                self.add_error("kata_sandi", exc)
        return data


class KodeForm(forms.Form):
    kode = forms.CharField(
        label="Kode verifikasi (6 angka)",
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
        error_messages={"min_length": "Kode terdiri dari 6 angka.", "max_length": "Kode terdiri dari 6 angka."},
    )


class MasukForm(forms.Form):
    identitas = forms.CharField(
        label="NIK atau email", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    kata_sandi = forms.CharField(
        label="Kata sandi", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class PermohonanForm(forms.Form):
    """Contacts, a note, and one upload per persyaratan of the layanan (replaces the earlier one)."""

    telepon = TeleponField(label="Telepon/WA", required=False)
    email = forms.EmailField(label="Email")
    catatan = CatatanField(label="Catatan untuk petugas", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, persyaratan=(), wajib_ids=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.WARGA_UPLOAD_MAX_MB
        self.persyaratan = list(persyaratan)
        for p in self.persyaratan:
            self.fields[f"syarat_{p.pk}"] = forms.FileField(
                label=p.nama,
                required=False,
                help_text=("Wajib. " if p.pk in wajib_ids else "Bila ada. ") + f"PDF, JPEG atau PNG, maks. {limit} MB.",
                widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
            )

    def clean(self):
        data = super().clean()
        self.unggahan = []
        for p in self.persyaratan:
            upload = data.get(f"syarat_{p.pk}")
            if not upload:
                continue
            try:
                jenis = periksa_pindaian(upload, f"Berkas «{p.nama}»", limit_mb=settings.WARGA_UPLOAD_MAX_MB)
            except ValidationError as exc:
                self.add_error(f"syarat_{p.pk}", exc)
            else:
                self.unggahan.append(Unggahan(persyaratan_id=p.pk, file=upload, jenis=jenis))
        return data

    def upload_fields(self):
        return [(p, self[f"syarat_{p.pk}"]) for p in self.persyaratan]


class VerifikasiForm(forms.Form):
    tindakan = forms.ChoiceField(choices=[("terima", "Terima"), ("kembalikan", "Kembalikan")], widget=forms.HiddenInput)
    expected_status = forms.CharField(widget=forms.HiddenInput)
    putaran = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    items = forms.MultipleChoiceField(
        label="Yang harus diperbaiki", required=False, widget=forms.CheckboxSelectMultiple
    )
    catatan = CatatanField(label="Catatan untuk pemohon", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, persyaratan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(DATA, "Data permohonan")] + [(str(p.pk), p.nama) for p in persyaratan]
