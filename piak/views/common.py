"""Pieces the PIAK screens share."""

from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from dukcapil.exceptions import BerkasError
from sekretariat.views import apply_errors, forbidden

PER_HALAMAN = 50


def filtered_page(request: HttpRequest, rows, *, per_page: int = PER_HALAMAN) -> dict:
    """A list page's filters (``status``, ``q``) from the query string and the page of the rows
    ``rows(status=, q=)`` selects: the context keys the list templates read."""
    status = request.GET.get("status", "")[:20]
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(rows(status=status, q=q), per_page).get_page(request.GET.get("page"))
    return {"page": page, "status": status, "q": q}


def list_page(request: HttpRequest, template: str, rows, refusal: str = "", **context) -> HttpResponse:
    """A chain record kind's list: 403 with ``refusal`` when given (the user may not read the kind), else
    the filtered page of ``rows(status=, q=)`` with ``context``."""
    if refusal:
        return forbidden(request, refusal)
    return render(request, template, {**filtered_page(request, rows), **context})


def aksi_post(request: HttpRequest, record, aksi: str, form, run: Callable, page: Callable, pesan: Callable):
    """The POST of one action form on a chain record. An invalid form: the record's page again (400)
    with the form; ``run(cleaned_data)`` refused: the page with the service's reasons and its status;
    else the message ``pesan(what run returned)`` and a redirect to the record's page.
    ``page(request, record, status, forms, error)`` renders the record's page."""
    if not form.is_valid():
        return page(request, record, 400, {aksi: form}, "Periksa isian.")
    try:
        result = run(dict(form.cleaned_data))
    except BerkasError as exc:
        record.refresh_from_db()
        apply_errors(form, exc)
        return page(request, record, exc.http_status, {aksi: form}, exc.message)
    messages.success(request, pesan(result))
    return redirect(record.get_absolute_url())


def naskah_post(request: HttpRequest, record, susun: Callable, page: Callable, pesan: str) -> HttpResponse:
    """A button that drafts a naskah from the record: ``susun()`` (the service; returns the naskah)
    refused: the record's page with the reason and its status; else ``pesan`` and the naskah's page."""
    try:
        naskah = susun()
    except BerkasError as exc:
        return page(request, record, exc.http_status, error=exc.message)
    messages.success(request, pesan)
    return redirect(naskah.get_absolute_url())
