"""Screens of the Sekretariat, one module per process; helpers they share."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect

from dukcapil.exceptions import BerkasError


def simpan_form(request, form, save: Callable, pesan: str):
    """Run ``save`` (a service call returning the record); on success a message and a redirect to the
    record, on refusal the reason on the form and its status (400, 403 or 409) to render it again."""
    try:
        record = save()
    except BerkasError as exc:
        form.add_error(None, exc.message)
        return exc.http_status
    messages.success(request, pesan)
    return redirect(record.get_absolute_url())
