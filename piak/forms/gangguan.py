"""Forms of gangguan: report, triage, assign, resolve, confirm or reopen, the rekanan's report, the month."""

from django import forms
from django.utils import timezone

from dukcapil.models import Layanan, User

from ..models.gangguan import Helpdesk, KategoriGangguan, Penanganan, PrioritasGangguan, Rekanan
from .common import AksiForm as _Aksi
from .common import text as _text


class LaporForm(forms.Form):
    kategori = forms.ChoiceField(label="Jenis gangguan", choices=KategoriGangguan.choices)
    lokasi = forms.CharField(label="Lokasi (kantor dinas / kecamatan)", max_length=200)
    loket = forms.CharField(label="Loket/ruang", max_length=100, required=False)
    mulai = forms.DateTimeField(
        label="Gangguan sejak",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    terhenti = forms.BooleanField(label="Layanan terhenti karena gangguan ini", required=False)
    layanan = forms.ModelChoiceField(
        label="Layanan yang terhenti",
        queryset=Layanan.objects.filter(aktif=True).order_by("nama"),
        required=False,
        empty_label="Semua layanan",
    )
    uraian = forms.CharField(label="Uraian gangguan", widget=_text(4), max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("mulai", timezone.localtime().replace(second=0, microsecond=0))


class TriaseForm(_Aksi):
    kategori = forms.ChoiceField(label="Kategori", choices=KategoriGangguan.choices)
    prioritas = forms.ChoiceField(label="Prioritas", choices=PrioritasGangguan.choices)
    loket = forms.CharField(label="Loket terdampak", max_length=100, required=False)
    catatan = forms.CharField(label="Catatan triase", widget=_text(2), required=False, max_length=1000)


class TugaskanForm(_Aksi):
    penanganan = forms.ChoiceField(label="Ditangani oleh", choices=Penanganan.choices, widget=forms.RadioSelect)
    petugas = forms.ModelChoiceField(label="Petugas ADB/PIAK", queryset=User.objects.none(), required=False)
    rekanan = forms.ModelChoiceField(label="Rekanan", queryset=Rekanan.objects.filter(aktif=True), required=False)
    helpdesk = forms.ChoiceField(label="Helpdesk", choices=[("", "-"), *Helpdesk.choices], required=False)
    nomor_tiket = forms.CharField(label="Nomor tiket helpdesk", max_length=60, required=False)
    catatan = forms.CharField(label="Catatan", widget=_text(2), required=False, max_length=1000)

    def __init__(self, *args, petugas=None, **kwargs):
        super().__init__(*args, **kwargs)
        if petugas is not None:
            self.fields["petugas"].queryset = petugas
        self.fields["petugas"].label_from_instance = lambda u: u.get_full_name() or u.username


class SelesaiForm(_Aksi):
    penyelesaian = forms.CharField(label="Catatan penyelesaian", widget=_text(3), max_length=1000)


class KonfirmasiForm(_Aksi):
    catatan = forms.CharField(label="Catatan (opsional)", widget=_text(1), required=False, max_length=1000)


class BukaKembaliForm(_Aksi):
    alasan = forms.CharField(label="Alasan dibuka kembali", widget=_text(2), max_length=1000)


class RekananLaporanForm(forms.Form):
    berkas = forms.FileField(label="Laporan perbaikan rekanan (PDF/gambar)")
    biaya = forms.DecimalField(label="Biaya perbaikan (Rp)", min_value=0, max_digits=14, decimal_places=0)
    spj_nomor = forms.CharField(label="Nomor SPJ", max_length=100, required=False)
    spj_tanggal = forms.DateField(
        label="Tanggal SPJ", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class BulanForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    bulan = forms.IntegerField(label="Bulan", min_value=1, max_value=12)
