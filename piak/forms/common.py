"""Pieces the PIAK forms share: a textarea and the base of an action form (the date field is
``dukcapil.forms.date_field``)."""

from django import forms


def text(rows: int = 3, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, **attrs})


class AksiForm(forms.Form):
    """An action on a record: carries the state the page showed (a stale page gets a 409)."""

    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)
