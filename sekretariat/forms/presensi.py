"""Forms of presensi: the month picker, the import upload and a keterangan."""

from datetime import date

from django import forms
from django.utils import timezone

from ..models.presensi import JenisKeterangan
from ..selectors.presensi import pegawai_aktif
from ..uploads import periksa_pindaian

MAX_IMPOR_MB = 5


def bulan_ini() -> tuple[int, int]:
    today = timezone.localdate()
    return today.year, today.month


class BulanForm(forms.Form):
    bulan = forms.CharField(label="Bulan", required=False, widget=forms.TextInput(attrs={"type": "month"}))
    q = forms.CharField(label="Cari nama/NIP", required=False, max_length=100)

    def clean_bulan(self) -> tuple[int, int]:
        text = self.cleaned_data["bulan"].strip()
        if not text:
            return bulan_ini()
        try:
            tahun, bulan = (int(x) for x in text.split("-"))
            date(tahun, bulan, 1)
        except ValueError:
            raise forms.ValidationError("Bulan tidak valid (contoh: 2026-11).") from None
        if not 2000 <= tahun <= 2100:
            raise forms.ValidationError("Tahun di luar rentang.")
        return tahun, bulan


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas ekspor mesin presensi (CSV atau XLSX)",
        help_text="Kolom: NIP (atau ID mesin), tanggal, jam masuk, jam pulang — satu baris per pegawai per hari.",
    )

    def clean_berkas(self):
        upload = self.cleaned_data["berkas"]
        if upload.size > MAX_IMPOR_MB * 1024 * 1024:
            raise forms.ValidationError(f"Berkas terlalu besar (maksimal {MAX_IMPOR_MB} MB).")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("Format berkas harus CSV atau XLSX.")
        return upload


def label_pegawai(p) -> str:
    return f"{p.nama_lengkap} — {p.nip}"


class KeteranganForm(forms.Form):
    pegawai = forms.ModelChoiceField(label="Pegawai", queryset=pegawai_aktif())
    tanggal = forms.DateField(label="Tanggal", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    sampai = forms.DateField(
        label="Sampai tanggal",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Untuk beberapa hari (mis. dinas luar): dicatat pada setiap hari kerja dalam rentang itu.",
    )
    jenis = forms.ChoiceField(label="Jenis", choices=JenisKeterangan.choices)
    catatan = forms.CharField(label="Catatan", required=False, max_length=300)
    lampiran = forms.FileField(label="Lampiran (surat dokter, surat tugas; PDF/JPEG/PNG)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].label_from_instance = label_pegawai

    def clean_lampiran(self):
        upload = self.cleaned_data.get("lampiran")
        if upload:
            periksa_pindaian(upload, "Lampiran")
        return upload

    def clean(self):
        data = super().clean()
        tanggal, sampai = data.get("tanggal"), data.get("sampai")
        if tanggal and sampai and sampai != tanggal:
            if sampai < tanggal:
                self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
            if data.get("lampiran"):
                self.add_error("lampiran", "Lampiran hanya untuk keterangan satu hari.")
        return data
