"""Screens of the Sekretariat, one module per process; helpers they share."""

from collections.abc import Callable

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from dukcapil.exceptions import BerkasError


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """The 403 page with the reason in Indonesian."""
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


def berkas_response(stored, missing: str = "Berkas tidak ada.", **options) -> FileResponse:
    """An uploaded file of a record as a download under its own name; 404 with ``missing`` when none
    was uploaded. ``options`` go to ``FileResponse`` (``as_attachment``)."""
    if not stored:
        raise Http404(missing)
    return FileResponse(stored.open("rb"), filename=stored.name.rsplit("/", 1)[-1], **options)


def apply_errors(form, exc: BerkasError) -> None:
    """A service's refusal on the form: each field's reasons on its field, the rest on the form."""
    for field, errors in exc.fields.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)
    if not exc.fields:
        form.add_error(None, exc.message)


def submit(request, form, save: Callable, pesan: Callable | str):
    """The POST half of a form page. Not a POST: 200. An invalid form: 400. Else ``save(cleaned_data)``
    (a service call returning the record): a success message (``pesan``, or ``pesan(record)``) and a
    redirect to the record; a refusal puts the service's reasons on the form and returns its status
    (400, 403 or 409). The caller renders the page with the status it gets back."""
    if request.method != "POST":
        return 200
    if not form.is_valid():
        return 400
    try:
        record = save(form.cleaned_data)
    except BerkasError as exc:
        apply_errors(form, exc)
        return exc.http_status
    messages.success(request, pesan(record) if callable(pesan) else pesan)
    return redirect(record.get_absolute_url())


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


def form_page(
    request: HttpRequest, *, allowed: bool, refusal: str, form, save: Callable, pesan: Callable | str, template: str
) -> HttpResponse:
    """A page with one form that creates a record: 403 with ``refusal`` when the user may not, else
    ``submit`` (a redirect to the new record) or the page again with the status it returns."""
    if not allowed:
        return forbidden(request, refusal)
    status = submit(request, form, save, pesan)
    if not isinstance(status, int):
        return status
    return render(request, template, {"form": form}, status=status)
