"""Error pages in the office's look (handler403/404/500 in dukcapil/urls.py) and the 429 page."""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

# Served when even the 500 template cannot be rendered.
PLAIN_500 = (
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Terjadi kesalahan</title></head>'
    "<body><h1>Terjadi kesalahan pada sistem</h1><p>Silakan coba lagi beberapa saat lagi.</p></body></html>"
)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """No request context: no context processors, no session, no database; only settings."""
    try:
        html = loader.get_template("500.html").render({"office": settings.OFFICE})
    except Exception:  # the error page itself must not fail
        logger.exception("500.html could not be rendered")
        html = PLAIN_500
    return HttpResponseServerError(html)


def too_many_requests(request: HttpRequest, message: str, retry_after: int) -> HttpResponse:
    """The HTML rate limits' answer (the API answers its own 429 in JSON)."""
    response = render(request, "429.html", {"message": message, "retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def login_locked(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): 429, the office's page on the screens,
    JSON on the API. It names neither the account nor the address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = (
        "Terlalu banyak percobaan masuk yang gagal. Akun atau alamat ini dikunci sementara "
        f"selama {minutes} menit; kata sandi yang benar pun ditolak sampai kunci berakhir."
    )
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "registration/terkunci.html", {"message": message, "menit": minutes}, status=429)
    response["Retry-After"] = retry_after
    return response
