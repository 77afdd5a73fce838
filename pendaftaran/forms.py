from django import forms

from dukcapil.forms import DATE_WIDGET
from dukcapil.validators import NamaField, masalah_tanggal_lampau, validate_tanggal_lampau

from .choices import AlasanPengurangan
from .models import JENIS_KARTU, AnggotaKeluarga, JadwalPerekaman, PermohonanKK
from .register import PERSON_FIELDS


def _limit_choices(field: forms.ChoiceField, allowed: list[type]) -> None:
    """The variants (kind classes) a layanan offers, the default first."""
    field.choices = [(k.kode, k.label) for k in allowed]
    if len(allowed) == 1:
        field.initial = allowed[0].kode
        field.widget = forms.HiddenInput()


class IntakeKKForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis permohonan KK")
    nomor_kk = forms.CharField(
        label="Nomor KK yang dimohonkan (KK asal untuk pisah KK)",
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="Wajib kecuali untuk KK baru; data keluarga diambil dari database kependudukan.",
    )
    alasan = forms.ChoiceField(
        label="Alasan pengurangan anggota",
        choices=[("", "—")] + AlasanPengurangan.choices,
        required=False,
    )

    def __init__(self, *args, layanan=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .kinds import kinds_of
        from .kinds.base import KKKind
        from .kinds.kk import KKBaru

        allowed = kinds_of(KKKind, layanan.kode if layanan else "kk") or [KKBaru]
        _limit_choices(self.fields["jenis"], allowed)
        if not any(k.asks_nomor_kk for k in allowed):
            del self.fields["nomor_kk"]
        if not any(k.takes_alasan for k in allowed):
            del self.fields["alasan"]


class IntakeVarianForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis permohonan")

    def __init__(self, *args, layanan=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .kinds import kinds_of
        from .kinds.base import PendudukKind

        _limit_choices(self.fields["jenis"], kinds_of(PendudukKind, layanan.kode if layanan else None))


class BlangkoForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis blangko", choices=[("ktp-el", "Blangko KTP-el"), ("kia", "Blangko KIA")])
    jumlah = forms.IntegerField(label="Jumlah diterima", min_value=1, max_value=100000)
    keterangan = forms.CharField(label="Keterangan (nomor berita acara serah terima)", max_length=200, required=False)


class SeriBlangkoForm(forms.Form):
    """The serial of the blank a printed card is on (scanned or typed); checked by the service."""

    mutasi = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    nomor_seri = forms.CharField(label="Nomor seri blangko", max_length=30)


class BlangkoRusakForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis blangko", choices=JENIS_KARTU)
    nomor_seri = forms.CharField(label="Nomor seri blangko yang rusak", max_length=30)
    alasan = forms.CharField(label="Alasan (rusak / gagal cetak)", max_length=150)


class DatangForm(forms.Form):
    nomor_surat_asal = forms.CharField(label="Nomor SKPWNI/SKPLN dari daerah asal", max_length=60)
    alamat_asal = forms.CharField(label="Alamat asal", max_length=200)
    negara_asal = forms.CharField(label="Negara asal (SKDLN)", max_length=60, required=False)
    no_paspor = forms.CharField(label="Nomor paspor (SKDLN)", max_length=20, required=False)


class PermohonanKKForm(forms.ModelForm):
    class Meta:
        model = PermohonanKK
        fields = [
            "kode_wilayah",
            "alamat",
            "rt",
            "rw",
            "desa_kelurahan",
            "kecamatan",
            "kabupaten_kota",
            "provinsi",
            "kode_pos",
        ]
        widgets = {"kode_wilayah": forms.TextInput(attrs={"inputmode": "numeric"})}

    def _digits(self, name: str, label: str, lengths: range) -> str:
        value = (self.cleaned_data.get(name) or "").strip()
        if value and not (value.isascii() and value.isdigit() and len(value) in lengths):
            n = f"{lengths.start}–{lengths.stop - 1}" if len(lengths) > 1 else str(lengths.start)
            raise forms.ValidationError(f"{label} harus {n} digit angka.")
        return value

    def clean_rt(self) -> str:
        return self._digits("rt", "RT", range(1, 4))

    def clean_rw(self) -> str:
        return self._digits("rw", "RW", range(1, 4))

    def clean_kode_pos(self) -> str:
        return self._digits("kode_pos", "Kode pos", range(5, 6))

    def clean_kode_wilayah(self) -> str:
        return self._digits("kode_wilayah", "Kode wilayah", range(6, 7))


class AnggotaForm(forms.ModelForm):
    nama = NamaField(label="Nama lengkap")
    nama_ayah = NamaField(label="Nama ayah")
    nama_ibu = NamaField(label="Nama ibu")

    class Meta:
        model = AnggotaKeluarga
        # the table's columns: the register's person fields, the hubungan after the marriage date
        fields = [
            "nik",
            *PERSON_FIELDS[: PERSON_FIELDS.index("tanggal_perkawinan") + 1],
            "hubungan",
            *PERSON_FIELDS[PERSON_FIELDS.index("tanggal_perkawinan") + 1 :],
        ]
        widgets = {
            "tanggal_lahir": DATE_WIDGET,
            "tanggal_perkawinan": DATE_WIDGET,
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "size": 17}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal_lahir"].validators.append(validate_tanggal_lampau)

    def clean(self):
        cleaned = super().clean()
        lahir, kawin = cleaned.get("tanggal_lahir"), cleaned.get("tanggal_perkawinan")
        if kawin is not None:
            problem = masalah_tanggal_lampau(kawin, "Tanggal perkawinan")
            if problem is None and lahir is not None and kawin < lahir:
                problem = "Tanggal perkawinan tidak boleh sebelum tanggal lahir."
            if problem:
                self.add_error("tanggal_perkawinan", problem)
        return cleaned


class BaseAnggotaFormSet(forms.BaseFormSet):
    def clean(self):
        counts = self.management_form.cleaned_data
        if counts.get("TOTAL_FORMS", 0) < 0 or counts.get("INITIAL_FORMS", 0) < 0:
            raise forms.ValidationError("Jumlah baris anggota tidak valid; muat ulang halaman.")
        super().clean()


AnggotaFormSet = forms.formset_factory(
    AnggotaForm, formset=BaseAnggotaFormSet, extra=1, can_delete=True, max_num=30, validate_max=True
)


class JadwalPerekamanForm(forms.Form):
    """Add one person to the day's perekaman schedule."""

    nik = forms.CharField(label="NIK", max_length=16, min_length=16)
    jam = forms.TimeField(label="Jam", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    tempat = forms.ChoiceField(label="Tempat", choices=JadwalPerekaman.Tempat.choices)
    kecamatan = forms.CharField(label="Kecamatan (jika di kecamatan)", max_length=100, required=False)
