"""Forms of SPJ and daftar gaji: they parse input; the services decide."""

from django import forms
from django.utils import timezone

from dukcapil.validators import CatatanField, validate_tanggal_lampau

from ..models import JenisBukti, Spp, StatusSpj
from ..models.keuangan import STATUS_REALISASI
from ..models.spj import BULAN
from .surat_masuk import DATE, PeriodeForm


class SpjForm(forms.Form):
    spp = forms.ModelChoiceField(
        label="SPP/SP2D yang dipertanggungjawabkan",
        queryset=Spp.objects.none(),
        empty_label="— pilih SPP dengan SP2D —",
        required=False,  # the service says why an SPJ needs its SPP
    )
    nomor_spj = forms.CharField(label="Nomor SPJ (SIPD)", max_length=100)
    tanggal = forms.DateField(label="Tanggal SPJ", widget=DATE, validators=[validate_tanggal_lampau])
    kode_rekening = forms.CharField(label="Kode rekening belanja", max_length=40)
    uraian = forms.CharField(label="Uraian", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    nilai = forms.DecimalField(label="Nilai (Rp)", max_digits=16, decimal_places=2, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["tanggal"].initial = today
        self.fields["spp"].queryset = Spp.objects.filter(
            status__in=STATUS_REALISASI, tahun__gte=today.year - 1
        ).select_related("sub_kegiatan")
        self.fields["spp"].label_from_instance = lambda s: f"{s.nomor_sp2d} · {s.uraian} ({s.sub_kegiatan.kode})"


class BuktiForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis bukti", choices=JenisBukti.choices)
    keterangan = forms.CharField(label="Keterangan", max_length=200)
    berkas = forms.FileField(
        label="Pindaian (PDF, JPEG, PNG)",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
    )


class AksiForm(forms.Form):
    expected_status = forms.CharField(max_length=20)
    catatan = CatatanField(label="Catatan", required=False)
    nomor = forms.CharField(label="Nomor", max_length=100, required=False)
    tanggal = forms.DateField(label="Tanggal", widget=DATE, required=False, validators=[validate_tanggal_lampau])


class SpjPeriodeForm(PeriodeForm):
    status = forms.ChoiceField(label="Status", choices=[("", "Semua status"), *StatusSpj.choices], required=False)


class BulanForm(forms.Form):
    """The month of an SPJ fungsional or a daftar gaji."""

    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    bulan = forms.TypedChoiceField(label="Bulan", choices=list(enumerate(BULAN, start=1)), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["tahun"].initial = today.year
        self.fields["bulan"].initial = today.month
