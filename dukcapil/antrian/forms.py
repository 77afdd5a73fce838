from datetime import date, timedelta

from django import forms
from django.utils import timezone

from dukcapil.forms import date_field
from dukcapil.nik import clean_nik

from .models import JalurAntrian
from .services import tanggal_online

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip


def tanggal_id(d) -> str:
    return f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month]} {d.year}"


class TiketOnlineForm(forms.Form):
    jalur = forms.ModelChoiceField(
        JalurAntrian.objects.filter(aktif=True), label="Jalur antrian", empty_label="— pilih jalur —",
        error_messages={"required": "Pilih jalur antrian.", "invalid_choice": "Pilih jalur antrian yang tersedia."},
    )  # fmt: skip
    tanggal = forms.TypedChoiceField(
        label="Tanggal datang", coerce=date.fromisoformat,
        error_messages={"required": "Pilih tanggal.", "invalid_choice": "Pilih salah satu tanggal yang tersedia."},
    )  # fmt: skip
    nik = forms.CharField(
        label="NIK", max_length=16, min_length=16,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "Isi NIK Anda.", "min_length": "NIK harus 16 digit angka.",
                        "max_length": "NIK harus 16 digit angka."},
    )  # fmt: skip
    telepon = forms.CharField(label="Telepon/WhatsApp", max_length=20, required=False,
                              widget=forms.TextInput(attrs={"inputmode": "tel"}))  # fmt: skip
    email = forms.EmailField(label="Email", required=False, error_messages={"invalid": "Alamat email tidak valid."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].choices = [(d.isoformat(), tanggal_id(d)) for d in tanggal_online()]

    def clean_nik(self):
        try:
            return clean_nik(self.cleaned_data["nik"].strip())
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None

    def clean(self):
        data = super().clean()
        if not data.get("telepon", "").strip() and not data.get("email", "").strip() and "email" not in self.errors:
            self.add_error("telepon", "Isi nomor telepon/WhatsApp atau email untuk menerima nomor antrian.")
        return data


MAKS_HARI = 366


class RentangForm(forms.Form):
    mulai = date_field(
        "Dari tanggal", invalid="Tanggal mulai tidak valid.", error_messages={"required": "Isi tanggal mulai."}
    )
    sampai = date_field(
        "Sampai tanggal", invalid="Tanggal akhir tidak valid.", error_messages={"required": "Isi tanggal akhir."}
    )

    @classmethod
    def awal(cls):
        today = timezone.localdate()
        return {"mulai": today - timedelta(days=6), "sampai": today}

    def clean(self):
        data = super().clean()
        mulai, sampai = data.get("mulai"), data.get("sampai")
        if mulai and sampai:
            if mulai > sampai:
                self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal mulai.")
            elif (sampai - mulai).days >= MAKS_HARI:
                self.add_error("sampai", f"Rentang paling lama {MAKS_HARI} hari.")
        return data
