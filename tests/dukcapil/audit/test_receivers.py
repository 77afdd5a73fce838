"""The security audit trail: logins, failures, and every change to who may do what."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from dukcapil.audit.models import AuditLog
from dukcapil.choices import Role
from dukcapil.models import Bidang
from tests.factories import staff

pytestmark = pytest.mark.django_db

PASSWORD = "rahasia-uji-123"  # tests/factories.py UserFactory


def rows(user, jenis):
    return list(AuditLog.objects.filter(pengguna=user, jenis=jenis).order_by("pk"))


def test_login_and_failed_login_are_audited_with_the_address(client, catalogue):
    user = staff(Role.KASI)
    client.post(reverse("login"), {"username": user.username, "password": "keliru"}, REMOTE_ADDR="10.2.0.7")
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="10.2.0.7")
    failed, logged_in = rows(user, AuditLog.Jenis.LOGIN_GAGAL), rows(user, AuditLog.Jenis.LOGIN)
    assert [(r.username, r.ip) for r in failed] == [(user.username, "10.2.0.7")]
    assert [(r.username, r.ip) for r in logged_in] == [(user.username, "10.2.0.7")]
    client.post(reverse("logout"))
    assert len(rows(user, AuditLog.Jenis.LOGOUT)) == 1


def test_failed_login_for_an_unknown_name_keeps_the_name(client, catalogue):
    client.post(reverse("login"), {"username": "tidakada", "password": "keliru"})
    row = AuditLog.objects.get(jenis=AuditLog.Jenis.LOGIN_GAGAL)
    assert row.username == "tidakada" and row.pengguna is None


def test_role_change_in_admin_is_audited_with_the_admin_who_made_it(client, catalogue):
    admin = staff(Role.ADMIN, bidang=None, is_staff=True, is_superuser=True)
    user = staff(Role.OPERATOR_SIAK)
    kasi = Group.objects.get(name=Role.KASI.label)
    operator = Group.objects.get(name=Role.OPERATOR_SIAK.label)
    client.force_login(admin)
    page = client.get(reverse("admin:dukcapil_user_change", args=[user.pk]))
    form = page.context["adminform"].form
    skip = ("password", "groups", "user_permissions")
    data = {k: v for k, v in form.initial.items() if v is not None and k not in skip}
    data.update(
        {
            "groups": [kasi.pk],
            "user_permissions": [],
            "is_staff": "on",
            "is_active": "on",
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": user.date_joined.strftime("%d/%m/%Y"),
            "date_joined_1": "08:00:00",
            "bidang": Bidang.objects.get(kode="pencatatan_sipil").pk,
        }
    )
    response = client.post(reverse("admin:dukcapil_user_change", args=[user.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    by_admin = [r.keterangan for r in rows(user, AuditLog.Jenis.GRUP) if r.oleh == admin]
    assert by_admin == [f"dicabut: {operator.name}", f"ditambahkan: {kasi.name}"]
    status = rows(user, AuditLog.Jenis.STATUS)[-1]
    assert status.oleh == admin
    assert "akses admin: tidak → ya" in status.keterangan
    assert "bidang: Pelayanan Pendaftaran Penduduk → Pelayanan Pencatatan Sipil" in status.keterangan


def test_permission_and_superuser_changes_are_audited(catalogue):
    user = staff(Role.KASI)
    permission = Permission.objects.get(codename="view_berkas")
    user.user_permissions.add(permission)
    user.user_permissions.clear()
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    assert [r.keterangan for r in rows(user, AuditLog.Jenis.IZIN)] == [
        "ditambahkan: dukcapil.view_berkas",
        "dicabut semua: dukcapil.view_berkas",
    ]
    assert rows(user, AuditLog.Jenis.STATUS)[-1].keterangan == "superuser: tidak → ya"


def test_group_side_changes_are_audited_per_user(catalogue):
    first, second = staff(Role.KASI), staff(Role.KASI)
    kabid = Group.objects.get(name=Role.KABID.label)
    kabid.user_set.add(first, second)
    assert [r.keterangan for r in rows(first, AuditLog.Jenis.GRUP)][-1] == f"ditambahkan: {kabid.name}"
    assert [r.keterangan for r in rows(second, AuditLog.Jenis.GRUP)][-1] == f"ditambahkan: {kabid.name}"


def test_last_login_save_writes_no_status_row_and_no_extra_query(catalogue, django_assert_num_queries):
    user = staff(Role.KASI)
    before = AuditLog.objects.count()
    with django_assert_num_queries(1):  # the UPDATE only: no read of the stored flags
        user.save(update_fields=["last_login"])
    assert AuditLog.objects.count() == before


def test_audit_rows_cannot_be_changed_or_deleted(catalogue):
    row = AuditLog.objects.create(jenis=AuditLog.Jenis.LOGIN, username="x")
    with pytest.raises(TypeError):
        row.save()
    with pytest.raises(TypeError):
        AuditLog.objects.all().delete()
