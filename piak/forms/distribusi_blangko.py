"""Forms of the distribusi blangko: a delivery received, a kecamatan's request, the Dinas's
quantities per item, the handover (BAST)."""

from django import forms
from django.utils import timezone

from pendaftaran.models import StokBlangko

from ..models.distribusi_blangko import SumberBlangko

_DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
BARANG = StokBlangko.Jenis.choices


class PenerimaanForm(forms.Form):
    jenis = forms.ChoiceField(label="Barang", choices=BARANG)
    jumlah = forms.IntegerField(label="Jumlah", min_value=1, max_value=1_000_000)
    sumber = forms.ChoiceField(label="Sumber", choices=SumberBlangko.choices)
    tanggal = forms.DateField(label="Tanggal diterima", initial=timezone.localdate, **_DATE)
    nomor_dokumen = forms.CharField(label="Nomor dokumen pengiriman", max_length=100, required=False)


class PermintaanForm(forms.Form):
    kecamatan = forms.CharField(label="Kecamatan", max_length=100)
    nomor_surat = forms.CharField(label="Nomor surat pengajuan", max_length=100, required=False)
    tanggal_surat = forms.DateField(label="Tanggal surat pengajuan", initial=timezone.localdate, **_DATE)
    pengaju = forms.CharField(label="Petugas kecamatan yang mengajukan", max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for jenis, label in BARANG:
            self.fields[f"stok_{jenis}"] = forms.IntegerField(
                label=f"Stok {label} di kecamatan", min_value=0, max_value=1_000_000, initial=0
            )
            self.fields[f"diminta_{jenis}"] = forms.IntegerField(
                label=f"{label} diminta", min_value=0, max_value=1_000_000, initial=0
            )

    def items(self) -> dict[str, tuple[int, int]]:
        d = self.cleaned_data
        return {jenis: (d[f"stok_{jenis}"], d[f"diminta_{jenis}"]) for jenis, _ in BARANG}


class JumlahForm(forms.Form):
    """The quantity per item of a request (the Kasi's proposal or the Kabid's decision)."""

    def __init__(self, *args, items=(), field: str = "diminta", **kwargs):
        super().__init__(*args, **kwargs)
        self.jenis = [i.jenis for i in items]
        for item in items:
            start = getattr(item, field)
            self.fields[f"jumlah_{item.jenis}"] = forms.IntegerField(
                label=f"{item.get_jenis_display()} (diminta {item.diminta})", min_value=0,
                initial=item.diminta if start is None else start,
            )  # fmt: skip
            self.fields[f"alasan_{item.jenis}"] = forms.CharField(
                label="Alasan bila kurang", max_length=300, required=False, initial=item.alasan
            )

    def jumlah(self) -> dict[str, int]:
        return {j: self.cleaned_data[f"jumlah_{j}"] for j in self.jenis}

    def alasan(self) -> dict[str, str]:
        return {j: self.cleaned_data.get(f"alasan_{j}", "") for j in self.jenis}


class SerahTerimaForm(forms.Form):
    penerima_nama = forms.CharField(label="Nama petugas kecamatan (pihak kedua)", max_length=150)
    penerima_nip = forms.CharField(label="NIP pihak kedua", max_length=25)
    tanggal = forms.DateField(label="Tanggal serah terima", initial=timezone.localdate, **_DATE)
