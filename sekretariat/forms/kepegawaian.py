"""Forms of data pegawai: one employee (the NIP decoded and checked against the birth date and the
status), one CSV row (the same checks, golongan and jabatan by their names) and the CSV upload."""

from django import forms

from ..kepegawaian_nip import urai_nip
from ..models.kepegawaian import Golongan, Jabatan, Pegawai, StatusPegawai, TingkatPendidikan

PEGAWAI_FIELDS = [
    "nip",
    "gelar_depan",
    "nama",
    "gelar_belakang",
    "tanggal_lahir",
    "status",
    "golongan",
    "tmt_pangkat",
    "jabatan",
    "tmt_jabatan",
    "unit",
    "tmt_kgb",
    "tingkat_pendidikan",
    "pendidikan",
    "diklat",
]
DATE_FIELDS = ("tanggal_lahir", "tmt_pangkat", "tmt_jabatan", "tmt_kgb")
# on the form, not in the CSV import: presensi machine number, marriage and KARIS/KARSU
FORM_FIELDS = [*PEGAWAI_FIELDS, "id_mesin", "tanggal_menikah", "nomor_karis_karsu", "pengguna", "aktif"]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PegawaiForm(forms.ModelForm):
    """Each field keeps the value the page showed (show_hidden_initial), so the service can refuse
    a change to a field someone else changed meanwhile and keep unrelated edits."""

    class Meta:
        model = Pegawai
        fields = FORM_FIELDS
        widgets = {name: _date_input() for name in (*DATE_FIELDS, "tanggal_menikah")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nip"].help_text = "18 angka tanpa spasi; tanggal lahir dan TMT CPNS dibaca dari NIP."
        if self.instance.pk:
            for field in self.fields.values():
                field.show_hidden_initial = True

    def clean(self):
        data = super().clean()
        nip, lahir, status = data.get("nip"), data.get("tanggal_lahir"), data.get("status")
        if not nip:
            return data
        try:
            urai = urai_nip(nip)
        except forms.ValidationError as exc:
            self.add_error("nip", exc)
            return data
        if lahir and urai.tanggal_lahir != lahir:
            self.add_error(
                "nip",
                f"Tanggal lahir dalam NIP ({urai.tanggal_lahir:%d-%m-%Y}) berbeda dengan tanggal lahir "
                f"yang diisi ({lahir:%d-%m-%Y}).",
            )
        if status and urai.pppk != (status == StatusPegawai.PPPK):
            self.add_error(
                "status",
                "NIP PPPK memuat kode 21 pada angka ke-13 dan ke-14; status tidak cocok dengan NIP."
                if urai.pppk
                else "Status PPPK memerlukan NIP PPPK (kode 21 pada angka ke-13 dan ke-14).",
            )
        self.urai = urai
        return data

    def clean_id_mesin(self) -> str:
        id_mesin = (self.cleaned_data.get("id_mesin") or "").strip()
        if id_mesin and Pegawai.objects.filter(id_mesin=id_mesin).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("ID mesin ini sudah dipakai pegawai lain.")
        return id_mesin

    def seen_values(self) -> dict:
        """For each changed field: (the value the page showed, the value entered)."""
        out = {}
        for name in self.changed_data:
            field = self.fields[name]
            raw = field.hidden_widget().value_from_datadict(self.data, self.files, self.add_initial_prefix(name))
            try:
                before = field.to_python(raw)
            except forms.ValidationError:
                before = None
            out[name] = (before, self.cleaned_data.get(name))
        return out


class PegawaiCsvForm(PegawaiForm):
    """One row of the CSV import: golongan as «III/a», jabatan by its name, tingkat as «S-1»."""

    golongan = forms.ModelChoiceField(
        Golongan.objects.all(), to_field_name="kode", error_messages={"invalid_choice": "golongan tidak dikenal"}
    )
    jabatan = forms.ModelChoiceField(
        Jabatan.objects.all(),
        to_field_name="nama",
        error_messages={"invalid_choice": "jabatan tidak ada dalam daftar jabatan"},
    )

    class Meta(PegawaiForm.Meta):
        fields = PEGAWAI_FIELDS

    def __init__(self, data, **kwargs):
        data = dict(data)
        for name in DATE_FIELDS:
            data[name] = _iso(data.get(name, ""))
        data["status"] = (data.get("status") or "").strip().lower()
        text = (data.get("tingkat_pendidikan") or "").strip().upper().replace("-", "")
        data["tingkat_pendidikan"] = _TINGKAT.get(text, text)
        super().__init__(data, **kwargs)
        for name in DATE_FIELDS:
            self.fields[name].input_formats = ["%Y-%m-%d"]


_TINGKAT = {
    name: value for value, label in TingkatPendidikan.choices for name in label.upper().replace("-", "").split("/")
}


def _iso(value: str) -> str:
    """Accept dd-mm-yyyy or dd/mm/yyyy beside yyyy-mm-dd."""
    value = (value or "").strip()
    parts = value.replace("/", "-").split("-")
    if len(parts) == 3 and len(parts[2]) == 4:
        return f"{parts[2]}-{parts[1]}-{parts[0]}"
    return value


class ImporPegawaiForm(forms.Form):
    berkas = forms.FileField(label="Berkas CSV", help_text="Kolom dan contoh: lihat di bawah. Maksimal 1 MB.")

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError("Berkas lebih dari 1 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("Berkas bukan teks CSV UTF-8.") from None


class SkForm(forms.Form):
    nomor_sk = forms.CharField(label="Nomor SK", max_length=100)
    tanggal_sk = forms.DateField(label="Tanggal SK", widget=_date_input())
    tmt_sk = forms.DateField(label="TMT dalam SK", required=False, widget=_date_input())
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)


class KartuForm(forms.Form):
    nomor_kartu = forms.CharField(label="Nomor KARIS/KARSU", max_length=40)
    tanggal = forms.DateField(label="Tanggal kartu diterima", widget=_date_input())
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)
