"""API authentication: session or token, never HTTP Basic; wrong tokens count toward the lockout."""

import base64

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from dukcapil.audit.models import AuditLog

pytestmark = pytest.mark.django_db

PASSWORD = "rahasia-uji-123"  # tests/factories.py UserFactory


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_basic_auth_with_the_right_password_is_refused(team):
    api = APIClient()
    response = api.get(reverse("api-antrian"), HTTP_AUTHORIZATION=basic(team["kasi"].username, PASSWORD))
    assert response.status_code == 403
    assert response.json() == {"detail": "Data autentikasi tidak diberikan."}


def test_token_authenticates_the_officer(team):
    token = Token.objects.create(user=team["kasi"])
    response = APIClient().get(reverse("api-antrian"), HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200 and response.json()["results"] == []


def test_wrong_tokens_lock_the_address_even_for_a_right_token(team):
    token = Token.objects.create(user=team["kasi"])
    api = APIClient()
    wrong = [
        api.get(reverse("api-antrian"), HTTP_AUTHORIZATION=f"Token {'0' * 40}", REMOTE_ADDR="10.1.1.1").status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # 403, not 401: the session is the first authentication (no WWW-Authenticate challenge)
    assert wrong[:-1] == [403] * (settings.AXES_FAILURE_LIMIT - 1)
    assert wrong[-1] == 429  # the failure that reaches the limit already answers with the lock

    locked = api.get(reverse("api-antrian"), HTTP_AUTHORIZATION=f"Token {token.key}", REMOTE_ADDR="10.1.1.1")
    assert locked.status_code == 429 and "Retry-After" in locked
    assert "Terlalu banyak" in locked.json()["detail"]

    other_address = api.get(reverse("api-antrian"), HTTP_AUTHORIZATION=f"Token {token.key}", REMOTE_ADDR="10.1.1.2")
    assert other_address.status_code == 200

    failed = AuditLog.objects.filter(jenis=AuditLog.Jenis.TOKEN_GAGAL, ip="10.1.1.1")
    assert failed.count() == settings.AXES_FAILURE_LIMIT
    assert AuditLog.objects.filter(jenis=AuditLog.Jenis.TERKUNCI, ip="10.1.1.1").count() == 1
