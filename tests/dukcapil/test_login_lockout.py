"""Login protection (django-axes): lockout per account and per address, the Indonesian lockout
page from dukcapil.errors.login_locked, the end of the lock, and the admin's unlock."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.urls import reverse

from dukcapil.audit.models import AuditLog
from dukcapil.choices import Role
from tests.factories import staff

pytestmark = pytest.mark.django_db

PASSWORD = "rahasia-uji-123"  # tests/factories.py UserFactory
LOCKED_TEXT = "Terlalu banyak percobaan masuk yang gagal"


def login(client, username: str, password: str, ip: str = "127.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def lock_ends(minutes: int = 16) -> None:
    """Time passes for the stored failures (django-axes compares attempt_time with the cool-off)."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_thirty_wrong_logins_lock_the_account_until_the_lock_ends(client, catalogue):
    user = staff(Role.KASI)
    statuses = [login(client, user.username, "salah-salah").status_code for _ in range(30)]

    # the first failures show the form again; from the limit on, the lockout page
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}

    refused = login(client, user.username, PASSWORD)
    page = refused.content.decode()
    assert refused.status_code == 429 and LOCKED_TEXT in page
    assert "dikunci sementara selama 15 menit" in page and "hubungi admin kantor" in page
    assert refused["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session

    lock_ends()
    allowed = login(client, user.username, PASSWORD)
    assert allowed.status_code == 302 and allowed["Location"] == reverse("kotak-masuk")
    assert int(client.session["_auth_user_id"]) == user.pk

    kinds = list(AuditLog.objects.filter(username=user.username).values_list("jenis", flat=True))
    assert kinds.count(AuditLog.Jenis.LOGIN_GAGAL) == 31  # 30 wrong + the refused right one
    assert AuditLog.Jenis.TERKUNCI in kinds and kinds[0] == AuditLog.Jenis.LOGIN


def test_wrong_passwords_from_many_addresses_lock_the_account(client, catalogue):
    user = staff(Role.KASI)
    for n in range(settings.AXES_FAILURE_LIMIT):
        login(client, user.username, "salah-salah", ip=f"10.0.0.{n + 1}")
    refused = login(client, user.username, PASSWORD, ip="10.0.9.9")
    assert refused.status_code == 429 and LOCKED_TEXT in refused.content.decode()


def test_failures_under_many_names_lock_the_address_not_the_others(client, catalogue):
    user = staff(Role.KASI)
    for n in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"tebakan{n}", "salah-salah", ip="10.0.0.66")
    assert login(client, user.username, PASSWORD, ip="10.0.0.66").status_code == 429
    assert login(client, user.username, PASSWORD, ip="10.0.0.67").status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, catalogue):
    user = staff(Role.KASI)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        page = login(client, user.username, "salah-salah")
        assert page.status_code == 200 and "Nama pengguna atau kata sandi salah." in page.content.decode()
    assert login(client, user.username, PASSWORD).status_code == 302


def test_admin_unlocks_a_locked_account(client, catalogue):
    user = staff(Role.KASI)
    admin = staff(Role.ADMIN, bidang=None, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, user.username, "salah-salah")
    assert login(client, user.username, PASSWORD).status_code == 429

    client.force_login(admin)
    listing = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and user.username in listing.content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    done = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert done.status_code == 302 and not AccessAttempt.objects.exists()
    client.logout()

    assert login(client, user.username, PASSWORD).status_code == 302


def test_admin_login_is_locked_too(client, catalogue):
    admin = staff(Role.ADMIN, bidang=None, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("admin:login"), {"username": admin.username, "password": "salah-salah"})
    refused = client.post(reverse("admin:login"), {"username": admin.username, "password": PASSWORD})
    assert refused.status_code == 429 and LOCKED_TEXT in refused.content.decode()
