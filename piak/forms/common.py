"""Pieces the PIAK forms share: a textarea, a date field and the base of an action form."""

from django import forms


def text(rows: int = 3, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, **attrs})


def date_field(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs)


class AksiForm(forms.Form):
    """An action on a record: carries the state the page showed (a stale page gets a 409)."""

    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)
