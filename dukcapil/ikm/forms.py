"""Forms of the IKM survey (public) and of the semester report (staff)."""

from django import forms
from django.utils import timezone

from dukcapil.models import Layanan

from .choices import RESPONDEN, UNSUR


def layanan_survei():
    """The layanan a citizen can have received: active, with an SOP and a berkas the system takes."""
    return Layanan.objects.filter(aktif=True, sop__isnull=False).exclude(jenis_berkas="").order_by("nama")


class SurveiForm(forms.Form):
    """The nine unsur (1–4 with the regulation's answer texts), the respondent's groups, a
    suggestion and, unless the resi names it, the layanan received."""

    layanan = forms.ModelChoiceField(
        label="Layanan yang Anda terima",
        queryset=Layanan.objects.none(),
        empty_label="— pilih layanan —",
        error_messages={
            "required": "Pilih layanan yang Anda terima.",
            "invalid_choice": "Layanan tidak dikenal; pilih dari daftar.",
        },
    )

    def __init__(self, *args, dengan_layanan: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if dengan_layanan:
            self.fields["layanan"].queryset = layanan_survei()
        else:
            del self.fields["layanan"]
        for i, u in enumerate(UNSUR, start=1):
            self.fields[u.kode] = forms.TypedChoiceField(
                label=f"{i}. {u.pertanyaan}",
                choices=[(n, text) for n, text in enumerate(u.jawaban, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Pilih salah satu jawaban untuk pertanyaan {i} ({u.nama}).",
                    "invalid_choice": f"Jawaban pertanyaan {i} ({u.nama}) harus salah satu dari nilai 1 sampai 4.",
                },
            )
        for name, label, choices in RESPONDEN:
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Pilih {label.lower()}.",
                    "invalid_choice": f"Pilihan {label.lower()} tidak dikenal.",
                },
            )
        self.fields["saran"] = forms.CharField(
            label="Saran dan masukan (boleh dikosongkan; jangan menulis nama, NIK atau nomor telepon)",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
            error_messages={"max_length": "Saran paling banyak 2.000 karakter."},
        )

    def unsur_fields(self):
        return [self[u.kode] for u in UNSUR]

    def responden_fields(self):
        return [self[name] for name, _l, _c in RESPONDEN]


class PeriodeForm(forms.Form):
    """The results page's filter (GET): semester, year, optionally one layanan."""

    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    semester = forms.TypedChoiceField(
        label="Semester", choices=[(1, "I (Januari–Juni)"), (2, "II (Juli–Desember)")], coerce=int
    )
    layanan = forms.ModelChoiceField(label="Layanan", queryset=Layanan.objects.none(), required=False,
                                     empty_label="Seluruh layanan")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layanan"].queryset = layanan_survei()


class LaporanForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    semester = forms.TypedChoiceField(
        label="Semester", choices=[(1, "I (Januari–Juni)"), (2, "II (Juli–Desember)")], coerce=int
    )
    analisis = forms.CharField(
        label="Analisis hasil survei (Kasi/Kabid)", max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    rencana_tindak_lanjut = forms.CharField(
        label="Rencana tindak lanjut", max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year
