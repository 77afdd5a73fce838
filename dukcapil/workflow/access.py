"""The access log of personal data (UU 27/2022): every staff page that shows a person's data calls
``access_log_record`` once per page view, with every NIK shown. One bulk insert; the NIK goes to the
log table only, never to the application logs."""

from collections.abc import Iterable

from django.http import HttpRequest

from ..ratelimit import client_ip


def access_log_record(*, request: HttpRequest, niks: Iterable[str], halaman: str, konteks: str = "") -> int:
    """Record that ``request.user`` was shown the data of each NIK in ``niks`` on ``halaman``
    (``AksesDataPribadi.Halaman``); ``konteks`` says why (the berkas, the search). Returns the
    number of rows written (duplicates and empty NIKs are dropped)."""
    from ..models import AksesDataPribadi

    unique = list(dict.fromkeys(n for n in niks if n))
    if not unique:
        return 0
    ip = client_ip(request.META) or None
    AksesDataPribadi.objects.bulk_create(
        [
            AksesDataPribadi(pengguna=request.user, nik=nik, halaman=halaman, konteks=konteks[:200], ip=ip)
            for nik in unique
        ]
    )
    return len(unique)
