"""Forms of BMD: a room, a barang of a KIR (also each row of an import), a move, an usulan and its
outside decision."""

from django import forms

from dukcapil.validators import CatatanField

from ..models.bmd import Barang, JenisUsulanBmd, KondisiBarang, Ruangan, StatusUsulanBmd
from ..selectors.presensi import pegawai_aktif

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BARANG_FIELDS = ["kode_barang", "nomor_register", "nama", "merk_type", "bahan", "tahun_perolehan", "jumlah"]
BARANG_FIELDS += ["kondisi", "harga_perolehan", "keterangan"]


class RuanganForm(forms.ModelForm):
    class Meta:
        model = Ruangan
        fields = ["kode", "nama", "penanggung_jawab"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penanggung_jawab"].queryset = pegawai_aktif()


class BarangForm(forms.ModelForm):
    """A KIR line; the import checks every row with it too (kondisi also as «Baik»/«Rusak Ringan»)."""

    class Meta:
        model = Barang
        fields = BARANG_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun_perolehan"].min_value = 1945
        self.fields["harga_perolehan"].min_value = 0

    def clean_kode_barang(self) -> str:
        return (self.cleaned_data["kode_barang"] or "").strip()

    def clean_nomor_register(self) -> str:
        return (self.cleaned_data["nomor_register"] or "").strip().zfill(6)

    def clean_tahun_perolehan(self) -> int:
        from django.utils import timezone

        tahun = self.cleaned_data["tahun_perolehan"]
        if tahun < 1945 or tahun > timezone.localdate().year:
            raise forms.ValidationError("Tahun perolehan tidak masuk akal.")
        return tahun


KONDISI_TEKS = {label.lower(): value for value, label in KondisiBarang.choices} | {
    v.lower(): v for v in KondisiBarang.values
}


class BarangImporForm(BarangForm):
    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = dict(data)
            data["kondisi"] = KONDISI_TEKS.get(str(data.get("kondisi") or "").strip().lower(), data.get("kondisi"))
        super().__init__(data, *args, **kwargs)


class ImporBarangForm(forms.Form):
    berkas = forms.FileField(label="Berkas CSV atau XLSX")


class MutasiForm(forms.Form):
    dari = forms.IntegerField(widget=forms.HiddenInput)
    ke = forms.ModelChoiceField(label="Pindah ke ruangan", queryset=Ruangan.objects.all())
    tanggal = forms.DateField(label="Tanggal mutasi", widget=_DATE)
    alasan = forms.CharField(label="Alasan", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class UsulanBmdForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis usulan", choices=JenisUsulanBmd.choices)
    barang = forms.ModelMultipleChoiceField(
        label="Barang", queryset=Barang.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    alasan = forms.CharField(label="Alasan", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, barang_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if barang_qs is not None:
            self.fields["barang"].queryset = barang_qs


class KeputusanForm(forms.Form):
    nomor = forms.CharField(label="Nomor SK/BA", max_length=100)
    tanggal = forms.DateField(label="Tanggal SK/BA", widget=_DATE)
    penerbit = forms.CharField(label="Diterbitkan oleh", max_length=100, initial="BPKAD")
    hasil = forms.CharField(label="Hasil pemeliharaan", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    biaya = forms.DecimalField(label="Biaya (Rp)", required=False, min_value=0, max_digits=15, decimal_places=2)
    kondisi_baru = forms.ChoiceField(
        label="Kondisi sesudah pemeliharaan", required=False, choices=[("", "—"), *KondisiBarang.choices]
    )


class UsulanAksiForm(forms.Form):
    expected_status = forms.ChoiceField(choices=StatusUsulanBmd.choices)
    catatan = CatatanField(label="Catatan", required=False)
