import uuid

from django import forms
from django.utils import timezone

from .choices import JenisKelamin, KategoriBatal, Peran
from .models import LangkahSOP, Layanan, Pengambilan
from .validators import CatatanField, NamaField, TeleponField, validate_tanggal_lampau

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label: str, *, invalid: str = "", **kwargs) -> forms.DateField:
    """A date picked in the browser's date input (ISO value); ``invalid`` the message for a bad date."""
    if invalid:
        kwargs["error_messages"] = {"invalid": invalid, **kwargs.get("error_messages", {})}
    return forms.DateField(label=label, widget=DATE_WIDGET, **kwargs)


class PersyaratanChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return f"{obj.nama} ({obj.keterangan})" if obj.keterangan else obj.nama


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
    # only the cancellation asks for it (the view checks); the citizen's status page shows its label
    kategori = forms.ChoiceField(
        label="Kategori alasan (terlihat oleh pemohon)",
        choices=[("", "— pilih —"), *KategoriBatal.choices],
        required=False,
    )


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
    # required by the service when the recipient is a kuasa
    surat_kuasa_nomor = forms.CharField(label="Nomor surat kuasa", required=False, max_length=100)
    surat_kuasa_tanggal = date_field("Tanggal surat kuasa", required=False, invalid="Tanggal surat kuasa tidak valid.")
    surat_kuasa_scan = forms.FileField(
        label="Pindaian surat kuasa (PDF/JPEG/PNG, maks. 2 MB; opsional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    catatan = forms.CharField(label="Catatan", required=False, max_length=300)
    expected_status = forms.CharField(widget=forms.HiddenInput)


def entry_rows(data: dict, form_class: type[forms.Form] | None) -> list[tuple[str, str]]:
    """An operator's entry (cleaned form data stored as JSON) as a person reads it: the form's labels,
    choice labels, Indonesian dates, ya/tidak."""
    from datetime import date

    from .documents import format_tanggal

    fields = form_class.base_fields if form_class is not None else {}
    rows = []
    for key, value in data.items():
        if key.startswith("_") or value in ("", None, []):
            continue
        field = fields.get(key)
        label = str(field.label) if field is not None and field.label else key.replace("_", " ").capitalize()
        if isinstance(field, forms.DateField) and isinstance(value, str):
            try:
                value = format_tanggal(date.fromisoformat(value))
            except ValueError:
                pass
        elif isinstance(field, forms.ChoiceField):
            value = str(dict(field.choices).get(value, value))
        elif isinstance(value, bool):
            value = "Ya" if value else "Tidak"
        rows.append((label, str(value)))
    return rows


class BukuPengambilanForm(forms.Form):
    tanggal = date_field("Tanggal", required=False, invalid="Tanggal tidak valid (format TTTT-BB-HH).")


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
        known = set(Peran.values)  # the catalogue's performer codes (fixtures/offices/SCHEMA.md)
        if not isinstance(peran, list) or not all(isinstance(p, str) and p in known for p in peran):
            raise forms.ValidationError(
                'Peran harus daftar kode peran, mis. ["kasi"]; kode yang dikenal: ' + ", ".join(Peran.values) + "."
            )
        return peran
