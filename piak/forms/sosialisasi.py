"""Forms of sosialisasi kebijakan kependudukan: the plan and one form per step of the SOP."""

from django import forms
from django.utils import timezone

from dukcapil.forms import date_field as _date

from ..models.sosialisasi import KategoriPeserta, PrioritasSosialisasi
from .common import AksiForm as _Aksi
from .common import text as _text


class RencanaForm(forms.Form):
    tema = forms.CharField(label="Kebijakan/tema yang disosialisasikan", max_length=200)
    kecamatan = forms.CharField(label="Kecamatan sasaran", max_length=100)
    desa = forms.CharField(label="Desa/kelurahan (kosongkan bila seluruh kecamatan)", max_length=100, required=False)
    tempat = forms.CharField(label="Tempat", max_length=200)
    tanggal = _date("Tanggal rencana")
    sasaran = forms.CharField(label="Sasaran peserta", max_length=300)
    prioritas = forms.ChoiceField(label="Prioritas", choices=PrioritasSosialisasi.choices)
    dasar_prioritas = forms.CharField(
        label="Data prioritas (mengapa wilayah dan sasaran ini)", widget=_text(3), max_length=2000
    )

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal < timezone.localdate():
            raise forms.ValidationError("Tanggal rencana sosialisasi tidak boleh sebelum hari ini.")
        return tanggal


class MateriForm(_Aksi):
    berkas = forms.FileField(label="Bahan materi (PDF/gambar)")
    uraian = forms.CharField(label="Pokok materi dan koordinasi dengan bidang terkait", widget=_text(3),
                             max_length=1000)  # fmt: skip


class SuratForm(_Aksi):
    kepada = forms.CharField(label="Kepada (mis. Camat Sukodono)", max_length=200)
    koordinasi = forms.CharField(
        label="Hasil koordinasi dengan kecamatan/desa (opsional)", widget=_text(2), required=False, max_length=1000
    )


class SuratTugasForm(forms.Form):
    kepada = forms.CharField(label="Petugas yang ditugaskan (nama, NIP, jabatan; satu per baris)", widget=_text(3),
                             max_length=2000)  # fmt: skip


class PelaksanaanForm(_Aksi):
    """The date, one count per category of participant, the daftar hadir scan and the notulen."""

    tanggal = _date("Tanggal pelaksanaan")
    daftar_hadir = forms.FileField(label="Pindaian daftar hadir (PDF/gambar)")
    notulen = forms.CharField(label="Notulen hasil sosialisasi", widget=_text(4), max_length=4000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("tanggal", timezone.localdate())
        self.kategori = list(KategoriPeserta.objects.filter(aktif=True))
        for k in self.kategori:
            self.fields[f"jumlah_{k.pk}"] = forms.IntegerField(
                label=f"Jumlah peserta: {k.nama}", min_value=0, max_value=100000, required=False,
                error_messages={"min_value": "Jumlah peserta tidak boleh negatif.",
                                "invalid": "Isi jumlah peserta dengan angka."},
            )  # fmt: skip
        counts = [f"jumlah_{k.pk}" for k in self.kategori]
        self.order_fields(["expected_status", "tanggal", *counts, "daftar_hadir", "notulen"])

    def clean(self):
        cleaned = super().clean()
        kehadiran = {k.pk: cleaned.pop(f"jumlah_{k.pk}", None) or 0 for k in self.kategori}
        if not self.errors and not sum(kehadiran.values()):
            raise forms.ValidationError("Isi jumlah peserta sedikitnya untuk satu kategori, sesuai daftar hadir.")
        cleaned["kehadiran"] = kehadiran
        return cleaned


class BatalForm(_Aksi):
    alasan = forms.CharField(label="Alasan pembatalan", widget=_text(2), max_length=1000,
                             error_messages={"required": "Tulis alasan pembatalan."})  # fmt: skip
