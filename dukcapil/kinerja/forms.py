"""The dashboards' filter (query string): period, bidang, layanan; Indonesian messages for bad input."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone

from ..forms import date_field
from ..models import Bidang, Layanan
from .selectors import Periode

MAKS_TAHUN = 5


def awal_bulan(day: date) -> date:
    return day.replace(day=1)


def _by_kode(model, label: str) -> forms.ModelChoiceField:
    """An optional filter on one ``model`` row picked by its kode («Semua …» when empty); the rows the
    user may pick are set per user in the form's ``__init__``."""
    return forms.ModelChoiceField(
        label=label,
        queryset=model.objects.none(),
        to_field_name="kode",
        required=False,
        empty_label=f"Semua {label.lower()}",
        error_messages={"invalid_choice": f"{label} tidak dikenal atau di luar wewenang Anda."},
    )


class FilterKinerjaForm(forms.Form):
    dari = date_field("Dari tanggal", required=False, invalid="Tanggal awal tidak valid (format TTTT-BB-HH).")
    sampai = date_field("Sampai tanggal", required=False, invalid="Tanggal akhir tidak valid (format TTTT-BB-HH).")
    bidang = _by_kode(Bidang, "Bidang")
    layanan = _by_kode(Layanan, "Layanan")

    def __init__(self, data, *, bidang_ids: tuple[int, ...] | None, **kwargs):
        today = timezone.localdate()
        data = data.copy() if data is not None else {}
        for key, default in (("dari", awal_bulan(today)), ("sampai", today)):
            if not data.get(key):
                data[key] = default.isoformat()
        super().__init__(data, **kwargs)
        self.bidang_ids = bidang_ids
        bidang = Bidang.objects.order_by("nama")
        layanan = Layanan.objects.filter(jenis_berkas__gt="").order_by("nama")
        if bidang_ids is not None:
            bidang = bidang.filter(pk__in=bidang_ids)
            layanan = layanan.filter(bidang_id__in=bidang_ids)
        self.fields["bidang"].queryset = bidang
        self.fields["layanan"].queryset = layanan

    def clean(self):
        data = super().clean()
        dari, sampai = data.get("dari"), data.get("sampai")
        if dari and sampai:
            if dari > sampai:
                raise forms.ValidationError("Tanggal awal harus sebelum atau sama dengan tanggal akhir.")
            if sampai - dari > timedelta(days=366 * MAKS_TAHUN):
                raise forms.ValidationError(f"Periode paling panjang {MAKS_TAHUN} tahun.")
        return data

    def periode(self) -> Periode:
        """The cleaned filter as a ``Periode`` (call after ``is_valid()``)."""
        data = self.cleaned_data
        bidang_ids = self.bidang_ids
        if data.get("bidang") is not None:
            bidang_ids = (data["bidang"].pk,)
        layanan = data.get("layanan")
        return Periode(data["dari"], data["sampai"], bidang_ids, layanan.pk if layanan else None)

    def query(self) -> str:
        """The filter as a query string, for links (exports, drill-down): no personal data in it."""
        from urllib.parse import urlencode

        data = self.cleaned_data
        out = {"dari": data["dari"].isoformat(), "sampai": data["sampai"].isoformat()}
        if data.get("bidang"):
            out["bidang"] = data["bidang"].kode
        if data.get("layanan"):
            out["layanan"] = data["layanan"].kode
        return urlencode(out)
