"""Signal receivers that turn authentication and access changes into audit rows.

They only observe: each one calls ``audit_record`` and changes nothing else. The acting user of a
change made in admin comes from the request that django-simple-history's middleware keeps."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from dukcapil.ratelimit import client_ip

from .models import AuditLog
from .services import audit_record

User = get_user_model()

# Fields of a staff account whose change widens or narrows what the account may do or see.
STATUS_FIELDS = {
    "is_active": "aktif",
    "is_staff": "akses admin",
    "is_superuser": "superuser",
    "bidang_id": "bidang",
    "unit_id": "seksi/subbagian",
}


def _ip(request) -> str | None:
    return client_ip(request.META) if request is not None else None


def _acting_request():
    return getattr(HistoricalRecords.context, "request", None)


def _actor():
    request = _acting_request()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@receiver(user_logged_in, dispatch_uid="audit_login")
def _logged_in(sender, request, user, **kwargs) -> None:
    audit_record(jenis=AuditLog.Jenis.LOGIN, pengguna=user, ip=_ip(request))


@receiver(user_logged_out, dispatch_uid="audit_logout")
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit_record(jenis=AuditLog.Jenis.LOGOUT, pengguna=user, ip=_ip(request))


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = (credentials or {}).get("username") or ""
    jenis = AuditLog.Jenis.TOKEN_GAGAL if (credentials or {}).get("token_api") else AuditLog.Jenis.LOGIN_GAGAL
    audit_record(
        jenis=jenis,
        pengguna=User.objects.filter(username=username).first() if username else None,
        username=username,
        ip=_ip(request),
    )


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    audit_record(
        jenis=AuditLog.Jenis.TERKUNCI,
        pengguna=User.objects.filter(username=username).first() if username else None,
        username=username or "",
        ip=ip_address,
        keterangan="Terlalu banyak kegagalan masuk; terkunci sampai masa tunggu habis atau dibuka admin.",
    )


def _m2m_audit(*, jenis: str, queryset, label, instance, action: str, pk_set, reverse: bool) -> None:
    """One row per user whose groups or permissions changed."""
    if action == "pre_clear" and not reverse:
        # the names are gone after the clear: remember them now
        instance._audit_cleared = [label(o) for o in queryset.filter(user=instance)]
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    verb = {"post_add": "ditambahkan", "post_remove": "dicabut", "post_clear": "dicabut semua"}[action]
    if not reverse:
        if action == "post_clear":
            names = getattr(instance, "_audit_cleared", [])
            if not names:
                return
        else:
            names = [label(o) for o in queryset.filter(pk__in=pk_set)]
        audit_record(jenis=jenis, pengguna=instance, oleh=_actor(), keterangan=f"{verb}: {', '.join(names)}")
        return
    # group.user_set.add(user) / permission.user_set.remove(user): one row per user touched
    for user in User.objects.filter(pk__in=pk_set or ()):
        audit_record(jenis=jenis, pengguna=user, oleh=_actor(), keterangan=f"{verb}: {label(instance)}")


def _group_label(group) -> str:
    return group.name


def _permission_label(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="audit_groups")
def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    _m2m_audit(
        jenis=AuditLog.Jenis.GRUP,
        queryset=Group.objects.all(),
        label=_group_label,
        instance=instance,
        action=action,
        pk_set=pk_set,
        reverse=reverse,
    )


@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="audit_user_permissions")
def _permissions_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    _m2m_audit(
        jenis=AuditLog.Jenis.IZIN,
        queryset=Permission.objects.select_related("content_type"),
        label=_permission_label,
        instance=instance,
        action=action,
        pk_set=pk_set,
        reverse=reverse,
    )


@receiver(pre_save, sender=User, dispatch_uid="audit_status_before")
def _status_before(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    """Remember which access fields this save changes (compared with the stored row)."""
    instance._audit_status = []
    if raw or instance.pk is None:
        return
    fields = list(STATUS_FIELDS)
    if update_fields is not None:
        fields = [f for f in fields if f in update_fields or f.removesuffix("_id") in update_fields]
        if not fields:
            return  # e.g. last_login on every login: nothing to compare, no query
    stored = User.objects.filter(pk=instance.pk).values(*fields).first()
    if stored is None:
        return
    instance._audit_status = [
        f"{STATUS_FIELDS[f]}: {_show(f, stored[f])} → {_show(f, getattr(instance, f))}"
        for f in fields
        if stored[f] != getattr(instance, f)
    ]


@receiver(post_save, sender=User, dispatch_uid="audit_status_after")
def _status_after(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    if created:
        flags = [label for f, label in STATUS_FIELDS.items() if f.startswith("is_") and getattr(instance, f)]
        audit_record(
            jenis=AuditLog.Jenis.STATUS,
            pengguna=instance,
            oleh=_actor(),
            keterangan="akun dibuat" + (f" ({', '.join(flags)})" if flags else ""),
        )
        return
    changes = getattr(instance, "_audit_status", [])
    if changes:
        audit_record(jenis=AuditLog.Jenis.STATUS, pengguna=instance, oleh=_actor(), keterangan="; ".join(changes))
    instance._audit_status = []


def _show(field: str, value) -> str:
    """A value as the admin reads it: ya/tidak, and a bidang or unit by its name, not its id."""
    if field.endswith("_id") and value is not None:
        related = User._meta.get_field(field.removesuffix("_id")).related_model
        return str(related.objects.filter(pk=value).first() or value)
    if value is True:
        return "ya"
    if value is False:
        return "tidak"
    return "-" if value is None else str(value)
