import uuid

from django import forms
from django.utils import timezone

from .choices import JenisKelamin, Role
from .models import LangkahSOP, Layanan, Pengambilan
from .validators import CatatanField, NamaField, TeleponField, validate_tanggal_lampau

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersyaratanChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        suffix = "" if obj.wajib else f" (tidak wajib{', ' + obj.kondisi_tambahan if obj.kondisi_tambahan else ''})"
        return f"{obj.nama}{suffix}"


class IntakeForm(forms.Form):
    """Counter intake: the pemohon and the persyaratan checklist."""

    nik = forms.CharField(
        label="NIK pemohon",
        max_length=20,
        widget=forms.TextInput(attrs={"autofocus": True, "inputmode": "numeric", "autocomplete": "off"}),
    )
    nama = NamaField(label="Nama lengkap")
    tanggal_lahir = forms.DateField(label="Tanggal lahir", widget=DATE_WIDGET, validators=[validate_tanggal_lampau])
    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin", choices=JenisKelamin.choices, widget=forms.RadioSelect)
    telepon = TeleponField(label="Telepon/WA", required=False)
    email = forms.EmailField(label="Email", required=False)
    persyaratan = PersyaratanChoiceField(label="Persyaratan yang diserahkan", queryset=None, required=False)
    catatan = CatatanField(label="Catatan", widget=forms.Textarea(attrs={"rows": 2}))
    mulai = forms.DateTimeField(widget=forms.HiddenInput, required=False)
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, layanan: Layanan, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("mulai", timezone.now().isoformat())
        initial.setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["persyaratan"].queryset = layanan.persyaratan_berlaku()


class ResubmitForm(forms.Form):
    persyaratan = PersyaratanChoiceField(label="Persyaratan yang kini diserahkan", queryset=None, required=False)
    catatan = CatatanField(label="Catatan", widget=forms.Textarea(attrs={"rows": 2}))
    expected_status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, layanan: Layanan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persyaratan"].queryset = layanan.persyaratan_berlaku()


class ActionForm(forms.Form):
    catatan = CatatanField(label="Catatan", widget=forms.Textarea(attrs={"rows": 2}))
    expected_status = forms.CharField(widget=forms.HiddenInput)


class StatusPublikForm(forms.Form):
    nomor_registrasi = forms.CharField(
        label="Nomor registrasi",
        max_length=30,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off", "placeholder": "mis. KK-261121-0001"}),
    )
    nik = forms.CharField(
        label="NIK pemohon",
        min_length=16,
        max_length=16,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"min_length": "NIK harus 16 digit.", "max_length": "NIK harus 16 digit."},
    )

    def clean_nik(self) -> str:
        nik = self.cleaned_data["nik"].strip()
        if not nik.isdigit():
            raise forms.ValidationError("NIK hanya boleh berisi angka.")
        return nik


class PengambilanForm(forms.Form):
    nomor_registrasi = forms.CharField(
        label="Nomor registrasi pada resi",
        max_length=30,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )


class SerahForm(forms.Form):
    penerima_nama = NamaField(label="Nama penerima")
    penerima_nik = forms.CharField(
        label="NIK penerima",
        max_length=16,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    hubungan = forms.ChoiceField(label="Penerima", choices=Pengambilan.Hubungan.choices, widget=forms.RadioSelect)
    aktivasi_ktp_el = forms.BooleanField(label="KTP-el sudah diaktivasi: sidik jari pemilik cocok", required=False)
    catatan = forms.CharField(label="Catatan (mis. nomor surat kuasa)", required=False, max_length=300)
    expected_status = forms.CharField(widget=forms.HiddenInput)


class LangkahSOPForm(forms.ModelForm):
    """An SOP step edited in admin: ``peran`` is a list of role codes (empty: none)."""

    class Meta:
        model = LangkahSOP
        fields = [
            "sop",
            "urutan",
            "uraian",
            "pelaksana",
            "peran",
            "kelengkapan",
            "waktu_jumlah",
            "waktu_satuan",
            "waktu_teks",
            "output",
            "keterangan",
            "tahap",
        ]

    def clean_peran(self) -> list[str]:
        peran = self.cleaned_data.get("peran")
        if peran in (None, ""):
            return []
        known = set(Role.values)
        if not isinstance(peran, list) or not all(isinstance(p, str) and p in known for p in peran):
            raise forms.ValidationError(
                'Peran harus daftar kode peran, mis. ["kasi"]; kode yang dikenal: ' + ", ".join(Role.values) + "."
            )
        return peran
