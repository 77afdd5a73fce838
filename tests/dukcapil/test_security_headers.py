"""Content-Security-Policy (django-csp) and the other security headers on every kind of page, and
templates without inline script or style (the policy would refuse them)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from dukcapil.choices import Role, Status
from tests.factories import berkas_in, staff

pytestmark = pytest.mark.django_db

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"] + [
    p / "templates" for p in Path(settings.BASE_DIR).iterdir() if (p / "templates").is_dir()
]


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in (p.strip() for p in header.split(";")) if part}


def assert_secure(response) -> None:
    csp = directives(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["img-src"] == "'self' data:"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "path",
    ["/", "/masuk/", "/cek-status/", "/layanan/", "/maklumat/", "/tidak-ada/", "/api/schema/", "/admin/login/"],
)
def test_public_pages_carry_the_policy(client, catalogue, path):
    assert_secure(client.get(path))


def test_staff_pages_and_printables_carry_the_policy(client, team):
    returned = berkas_in(Status.DIKEMBALIKAN, team)
    client.force_login(team["loket"])
    for path in [
        reverse("kotak-masuk"),
        reverse("berkas-detail", args=[returned.nomor_registrasi]),
        reverse("slip-kekurangan", args=[returned.nomor_registrasi]),
        reverse("kartu-kendali-cetak", args=[returned.nomor_registrasi]),
        reverse("pengambilan"),
    ]:
        response = client.get(path)
        assert response.status_code in (200, 403), path
        assert_secure(response)


def test_admin_and_lockout_pages_carry_the_policy(client, catalogue):
    client.force_login(staff(Role.ADMIN, bidang=None, is_staff=True))
    assert_secure(client.get(reverse("admin:index")))
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        locked = client.post(reverse("login"), {"username": "siapa", "password": "salah"})
    assert locked.status_code == 429
    assert_secure(locked)


def test_only_the_api_docs_relax_styles_for_their_ui_libraries(client):
    docs = directives(client.get("/api/docs/"))
    assert docs["script-src"] == "'self'" and docs["style-src"] == "'self' 'unsafe-inline'"
    redoc = client.get("/api/redoc/")
    assert "fonts.googleapis.com" not in redoc.content.decode()


def test_no_template_has_inline_script_or_style():
    offenders, scanned = [], 0
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("*.html"):
            scanned += 1
            text = template.read_text()
            for tag in re.findall(r"<script\b[^>]*>", text):
                if "src=" not in tag:
                    offenders.append(f"{template}: {tag}")
            for match in re.findall(r"<style\b|\sstyle=\"|\son[a-z]+=\"|javascript:", text):
                offenders.append(f"{template}: {match.strip()}")
    assert offenders == []
    assert scanned > 40  # every screen's template was read
