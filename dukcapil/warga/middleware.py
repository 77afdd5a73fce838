"""Citizen accounts and staff pages are kept apart: a citizen's session reaches the citizen's pages
(/warga/), the public pages and static files only; any staff page answers 403."""

from django.shortcuts import render

from .models import USERNAME_PREFIX

# what a citizen may open besides /warga/: the public pages of the office
TERBUKA = (
    "/warga/",
    "/cek-status/",
    "/layanan/",
    "/maklumat/",
    "/verifikasi/",
    "/static/",
    "/keluar/",
    "/piak/pengaduan/",
    "/cetakan/",  # documents produced on request: their requester only (the konsep of a citizen's berkas)
    "/favicon.ico",
    "/robots.txt",
)


def is_warga(user) -> bool:
    """A citizen's account (no query: citizen usernames carry the prefix, staff ones never do)."""
    return bool(user is not None and user.is_authenticated and user.username.startswith(USERNAME_PREFIX))


class WargaTerpisahMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path != "/" and not path.startswith(TERBUKA) and is_warga(getattr(request, "user", None)):
            return render(
                request,
                "403.html",
                {"message": "Halaman ini khusus petugas. Akun warga hanya dapat membuka layanan online warga."},
                status=403,
            )
        return self.get_response(request)
