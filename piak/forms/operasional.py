"""Forms of PIAK's operational registers (Indonesian messages; the services check the rest)."""

from django import forms
from django.core.exceptions import ValidationError

from dukcapil.models import User
from sekretariat.uploads import periksa_pindaian

from ..models.operasional import (
    AksesDatabase,
    Backup,
    HasilUji,
    KondisiPerangkat,
    KunjunganRuangServer,
    PerangkatSiak,
)

_DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _staf():
    return forms.ModelChoiceField(
        label="Pegawai", queryset=User.objects.filter(is_active=True).order_by("first_name", "last_name"),
        required=False,
    )  # fmt: skip


class BackupForm(forms.ModelForm):
    class Meta:
        model = Backup
        fields = ["jenis", "waktu", "media", "lokasi_penyimpanan", "ukuran_mb", "checksum"]
        widgets = {"waktu": _DATETIME}

    def clean_ukuran_mb(self):
        ukuran = self.cleaned_data["ukuran_mb"]
        if ukuran <= 0:
            raise ValidationError("Ukuran backup harus lebih dari 0 MB.")
        return ukuran

    def clean_checksum(self):
        checksum = self.cleaned_data["checksum"].strip().lower()
        if len(checksum) not in (32, 40, 64) or any(c not in "0123456789abcdef" for c in checksum):
            raise ValidationError("Checksum harus berupa MD5, SHA-1 atau SHA-256 (heksadesimal).")
        return checksum


class UjiForm(forms.Form):
    tanggal = forms.DateField(label="Diuji tanggal", **_DATE)
    hasil = forms.ChoiceField(label="Hasil", choices=HasilUji.choices)
    catatan = forms.CharField(label="Catatan", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000,
                              required=False)  # fmt: skip


class KunjunganForm(forms.ModelForm):
    staf = _staf()
    pendamping = forms.ModelChoiceField(
        label="Didampingi oleh", queryset=User.objects.filter(is_active=True).order_by("first_name"), required=False
    )

    class Meta:
        model = KunjunganRuangServer
        fields = ["staf", "nama_tamu", "instansi", "keperluan", "masuk", "keluar", "pendamping",
                  "kunci_diambil", "kunci_dikembalikan"]  # fmt: skip
        widgets = {"masuk": _DATETIME, "keluar": _DATETIME}

    def clean(self):
        data = super().clean()
        if not data.get("staf") and not (data.get("nama_tamu") or "").strip():
            self.add_error("nama_tamu", "Pilih pegawai atau tulis nama tamu.")
        if data.get("staf") and (data.get("nama_tamu") or "").strip():
            self.add_error("nama_tamu", "Isi pegawai atau nama tamu, bukan keduanya.")
        if (data.get("nama_tamu") or "").strip() and not (data.get("instansi") or "").strip():
            self.add_error("instansi", "Tulis instansi tamu.")
        masuk, keluar = data.get("masuk"), data.get("keluar")
        if masuk and keluar and keluar < masuk:
            self.add_error("keluar", "Waktu keluar tidak boleh sebelum waktu masuk.")
        return data


class KeluarForm(forms.Form):
    keluar = forms.DateTimeField(label="Waktu keluar", widget=_DATETIME)
    kunci_dikembalikan = forms.BooleanField(label="Kunci dikembalikan", required=False)


def _pakta(upload):
    if upload:
        if periksa_pindaian(upload, "Pakta integritas") != "pdf":
            raise ValidationError("Pakta integritas harus berupa PDF.")
    return upload


class AksesForm(forms.ModelForm):
    staf = _staf()

    class Meta:
        model = AksesDatabase
        fields = ["staf", "nama_luar", "instansi", "hak", "diberikan", "dicabut", "pakta"]
        widgets = {"diberikan": _DATE["widget"], "dicabut": _DATE["widget"]}

    def clean_pakta(self):
        return _pakta(self.cleaned_data.get("pakta"))

    def clean(self):
        data = super().clean()
        if not data.get("staf") and not (data.get("nama_luar") or "").strip():
            self.add_error("nama_luar", "Pilih pegawai atau tulis nama pihak luar.")
        if data.get("staf") and (data.get("nama_luar") or "").strip():
            self.add_error("nama_luar", "Isi pegawai atau nama pihak luar, bukan keduanya.")
        if (data.get("nama_luar") or "").strip() and not (data.get("instansi") or "").strip():
            self.add_error("instansi", "Tulis instansi pihak luar.")
        if data.get("diberikan") and data.get("dicabut") and data["dicabut"] < data["diberikan"]:
            self.add_error("dicabut", "Tanggal dicabut tidak boleh sebelum tanggal diberikan.")
        return data


class PaktaForm(forms.Form):
    pakta = forms.FileField(label="Pakta integritas bertanda tangan (PDF)")

    def clean_pakta(self):
        return _pakta(self.cleaned_data["pakta"])


class PerangkatForm(forms.ModelForm):
    class Meta:
        model = PerangkatSiak
        fields = ["jenis", "merek", "nomor_seri", "lokasi"]

    def clean_nomor_seri(self):
        return self.cleaned_data["nomor_seri"].strip()


class PeriksaForm(forms.Form):
    tanggal = forms.DateField(label="Diperiksa tanggal", **_DATE)
    kondisi = forms.ChoiceField(label="Kondisi", choices=KondisiPerangkat.choices)
    catatan = forms.CharField(label="Catatan", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000,
                              required=False)  # fmt: skip
