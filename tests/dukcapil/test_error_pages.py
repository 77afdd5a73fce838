"""Error pages in Bahasa Indonesia and the office's look (DEBUG is False in the test settings)."""

import uuid

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import include, path, reverse

from dukcapil import errors
from dukcapil import urls as project_urls


def _tolak(request):
    raise PermissionDenied


def _rusak(request):
    raise RuntimeError("boom")


# This module doubles as the ROOT_URLCONF of the tests below: the project's URLs plus two that fail.
urlpatterns = [
    path("uji/tolak/", _tolak),
    path("uji/rusak/", _rusak),
    path("", include("dukcapil.urls")),
]
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = __name__


def test_debug_is_off_and_the_project_declares_the_handlers():
    assert settings.DEBUG is False
    assert project_urls.handler403 == "dukcapil.errors.permission_denied"
    assert project_urls.handler404 == "dukcapil.errors.page_not_found"
    assert project_urls.handler500 == "dukcapil.errors.server_error"


@pytest.mark.django_db
def test_an_unknown_verification_token_shows_the_indonesian_404(client):
    response = client.get(reverse("verifikasi-dokumen", args=[uuid.uuid4()]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Halaman tidak ditemukan" in page and "tidak terdaftar di sistem kami" in page
    assert "Not Found" not in page and '<html lang="id">' in page
    assert 'class="topbar"' in page and "img/favicon.svg" in page  # the office's look


@pytest.mark.django_db
def test_an_unknown_address_shows_the_indonesian_404(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404 and "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.django_db
def test_permission_denied_shows_the_indonesian_403(client, failing_urls):
    response = client.get("/uji/tolak/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Akses ditolak" in page and "Anda tidak berwenang membuka halaman ini" in page


@pytest.mark.django_db
def test_a_crash_shows_the_indonesian_500(client, failing_urls):
    client.raise_request_exception = False
    response = client.get("/uji/rusak/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Terjadi kesalahan pada sistem" in page and "Server Error" not in page
    assert settings.OFFICE["alamat"] in page


def test_the_500_page_needs_no_database_nor_request_context():
    # no django_db mark: any query here fails the test
    response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Terjadi kesalahan pada sistem" in page and 'class="topbar"' in page


def test_the_500_page_falls_back_to_plain_html_when_its_template_fails(monkeypatch):
    def broken(name):
        raise RuntimeError("template broken")

    monkeypatch.setattr(errors.loader, "get_template", broken)
    response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500 and "Terjadi kesalahan pada sistem" in response.content.decode()


@pytest.mark.django_db
def test_the_html_rate_limit_shows_the_indonesian_429(client, team):
    for _ in range(20):
        client.post(reverse("status-publik"), {"nomor_registrasi": "KK-1", "nik": "2102011708850098"})
    response = client.post(reverse("status-publik"), {"nomor_registrasi": "KK-1", "nik": "2102011708850098"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Terlalu banyak permintaan" in page and "Terlalu banyak percobaan" in page
    assert int(response["Retry-After"]) > 0


def test_the_favicon_is_served_from_static_not_a_cdn():
    favicon = settings.BASE_DIR / "static" / "img" / "favicon.svg"
    assert favicon.read_text().startswith("<svg")
    base = (settings.BASE_DIR / "templates" / "base.html").read_text()
    assert "{% static 'img/favicon.svg' %}" in base and "http" not in base.split("<body>")[0]
