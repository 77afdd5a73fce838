"""The admin's view of the audit trail: read only, filtered by user, kind and date; pinned queries."""

import pytest
from django.urls import reverse

from dukcapil.audit.models import AuditLog
from dukcapil.choices import Role
from tests.factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, catalogue):
    admin = staff(Role.ADMIN, bidang=None, is_staff=True)
    client.force_login(admin)
    return client


def test_admin_lists_and_filters_the_trail_read_only(admin_client):
    kasi, kabid = staff(Role.KASI), staff(Role.KABID)
    AuditLog.objects.create(jenis=AuditLog.Jenis.LOGIN_GAGAL, pengguna=kasi, username=kasi.username, ip="10.3.0.1")
    AuditLog.objects.create(jenis=AuditLog.Jenis.LOGIN, pengguna=kabid, username=kabid.username)
    url = reverse("admin:audit_auditlog_changelist")

    by_kind = admin_client.get(url, {"jenis__exact": "login_gagal"}).content.decode()
    assert "10.3.0.1" in by_kind and "Masuk gagal" in by_kind
    assert f">{kabid.username}<" not in by_kind

    by_user = admin_client.get(url, {"pengguna__id__exact": kabid.pk}).content.decode()
    assert f">{kabid.username}<" in by_user and "10.3.0.1" not in by_user

    row = AuditLog.objects.filter(pengguna=kasi).first()
    detail = admin_client.get(reverse("admin:audit_auditlog_change", args=[row.pk]))
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
    assert admin_client.get(reverse("admin:audit_auditlog_add")).status_code == 403


def test_admin_list_query_count_is_pinned(admin_client, django_assert_num_queries):
    users = [staff(Role.KASI) for _ in range(5)]
    for user in users:
        AuditLog.objects.create(jenis=AuditLog.Jenis.LOGIN, pengguna=user, oleh=users[0], username=user.username)
    url = reverse("admin:audit_auditlog_changelist")
    admin_client.get(url)
    with django_assert_num_queries(9):  # session, user, 2 permissions, user filter, count, rows, 2 dates
        response = admin_client.get(url)
    assert response.status_code == 200 and all(u.username in response.content.decode() for u in users)
