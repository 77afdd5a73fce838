"""Pieces the PIAK screens share."""

from django.core.paginator import Paginator
from django.http import HttpRequest

PER_HALAMAN = 50


def filtered_page(request: HttpRequest, rows, *, per_page: int = PER_HALAMAN) -> dict:
    """A list page's filters (``status``, ``q``) from the query string and the page of the rows
    ``rows(status=, q=)`` selects: the context keys the list templates read."""
    status = request.GET.get("status", "")[:20]
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(rows(status=status, q=q), per_page).get_page(request.GET.get("page"))
    return {"page": page, "status": status, "q": q}
