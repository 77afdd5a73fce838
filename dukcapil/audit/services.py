"""Writing the security audit trail. Callers are the signal receivers in receivers.py (logins,
lockouts, group/permission/status changes) and the API's token authentication."""

from django.contrib.auth import get_user_model

from .models import AuditLog


def audit_record(
    *,
    jenis: str,
    pengguna=None,
    username: str = "",
    oleh=None,
    ip: str | None = None,
    keterangan: str = "",
) -> AuditLog:
    if pengguna is not None and not username:
        username = pengguna.get_username()
    if oleh is not None and not oleh.is_authenticated:
        oleh = None
    return AuditLog.objects.create(
        jenis=jenis,
        pengguna=pengguna if isinstance(pengguna, get_user_model()) else None,
        username=(username or "")[:150],
        oleh=oleh,
        ip=ip or None,
        keterangan=keterangan[:500],
    )
