"""Forms of naskah dinas keluar: the konsep (with the jenis's own fields), the number, the
ekspedisi and the register period filter."""

import json

from django import forms
from django.utils import timezone

from dukcapil.validators import validate_tanggal_lampau

from ..models import Instansi
from ..models.naskah import Ekspedisi, JenisNaskah, KlasifikasiArsip, Naskah
from ..services.naskah import EDITABLE
from ..uploads import periksa_pindaian


def periksa_tanda_terima(upload) -> None:
    periksa_pindaian(upload, "Tanda terima")


MARKUP_HELP = (
    "Tulis paragraf biasa (baris kosong = paragraf baru) atau markah sederhana: <p>, <b>, <i>, <u>, "
    "<ol>/<ul> dengan <li>, dan tabel <table><tr><th>/<td>. Markah lain dibuang saat disimpan."
)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what <input type=date> reads


class NaskahForm(forms.ModelForm):
    class Meta:
        model = Naskah
        fields = [name for name in EDITABLE if name != "data"]  # data: the jenis's own fields, below
        widgets = {
            "tembusan": forms.Textarea(attrs={"rows": 3}),
            "isi": forms.Textarea(attrs={"rows": 14, "class": "naskah-isi"}),
        }
        help_texts = {
            "isi": MARKUP_HELP,
            "tujuan_instansi": "Pilihan dari buku alamat mengisi nama, alamat dan email; isian di bawah tetap "
            "tercetak apa adanya pada naskah.",
        }

    simpan_instansi = forms.BooleanField(
        label="Simpan tujuan ini ke buku alamat instansi", required=False, initial=False
    )

    def __init__(self, *args, jenis: JenisNaskah, **kwargs):
        super().__init__(*args, **kwargs)
        self.jenis = jenis
        data = self.instance.data if self.instance.pk else {}
        for field in jenis.isian:
            widget = forms.Textarea(attrs={"rows": 3}) if field.get("jenis") == "baris" else forms.TextInput
            self.fields[f"isian_{field['nama']}"] = forms.CharField(
                label=field["label"],
                required=bool(field.get("wajib")),
                max_length=2000,
                widget=widget,
                initial=data.get(field["nama"], ""),
            )
        if not self.instance.pk:
            self.fields["isi"].initial = jenis.templat_isi
        if jenis.tata != "surat_dinas":
            self.fields["tujuan_alamat"].required = False
        instansi = self.fields["tujuan_instansi"]
        instansi.queryset = Instansi.objects.order_by("nama")
        instansi.empty_label = "— tidak dari buku alamat —"
        # the static script fills nama/alamat/email from the chosen row
        instansi.widget.attrs["data-buku-alamat"] = json.dumps(
            {str(i.pk): {"nama": i.nama, "alamat": i.alamat, "email": i.email} for i in instansi.queryset}
        )

    def clean(self):
        data = super().clean()
        instansi = data.get("tujuan_instansi")
        if instansi is not None:  # an empty snapshot field takes the address book's value
            for field, value in (("tujuan_nama", instansi.nama), ("tujuan_alamat", instansi.alamat),
                                 ("tujuan_email", instansi.email)):  # fmt: skip
                if not data.get(field):
                    data[field] = value
        if data.get("simpan_instansi") and instansi is None and not data.get("tujuan_nama"):
            self.add_error("simpan_instansi", "Isi nama instansi yang akan disimpan.")
        return data

    def isian(self) -> dict:
        return {f["nama"]: self.cleaned_data.get(f"isian_{f['nama']}", "") for f in self.jenis.isian}

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields} | {"data": self.isian()}

    def instansi_baru(self) -> dict | None:
        """The address book row to add (nama, alamat, email) when asked and none was chosen."""
        data = self.cleaned_data
        if not data.get("simpan_instansi") or data.get("tujuan_instansi") is not None:
            return None
        return {"nama": data["tujuan_nama"], "alamat": data["tujuan_alamat"], "email": data["tujuan_email"]}


class CatatanForm(forms.Form):
    expected_status = forms.CharField(widget=forms.HiddenInput)
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class NomorForm(forms.Form):
    expected_status = forms.CharField(widget=forms.HiddenInput)
    klasifikasi = forms.ModelChoiceField(
        label="Kode klasifikasi arsip", queryset=KlasifikasiArsip.objects.filter(aktif=True), required=False
    )
    tanggal = forms.DateField(label="Tanggal naskah", initial=timezone.localdate, widget=_date_input())


class EmailForm(forms.Form):
    expected_status = forms.CharField(widget=forms.HiddenInput)
    email = forms.EmailField(label="Email tujuan", required=False)


class EkspedisiForm(forms.Form):
    expected_status = forms.CharField(widget=forms.HiddenInput)
    tanggal = forms.DateField(
        label="Tanggal kirim",
        initial=timezone.localdate,
        validators=[validate_tanggal_lampau],
        widget=_date_input(),
    )
    penerima = forms.CharField(label="Diterima oleh", max_length=300)
    cara = forms.ChoiceField(label="Cara kirim", choices=[c for c in Ekspedisi.Cara.choices if c[0] != "email"])
    kurir = forms.CharField(label="Kurir/petugas", max_length=150, required=False)
    tanda_terima = forms.FileField(
        label="Tanda terima (PDF/JPG/PNG)", required=False, validators=[periksa_tanda_terima]
    )


class PeriodeForm(forms.Form):
    dari = forms.DateField(label="Dari tanggal", required=False, widget=_date_input())
    sampai = forms.DateField(label="Sampai tanggal", required=False, widget=_date_input())
    q = forms.CharField(label="Cari", required=False, max_length=100)

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            raise forms.ValidationError("Tanggal awal periode harus sebelum tanggal akhir.")
        return data
