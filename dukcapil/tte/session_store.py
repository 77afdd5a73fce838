"""Hands the signer's passphrase from the Kadis's request to the workers of one batch.

It lives in the database (``SesiTTE``, one row per batch, written in the transaction that moves
the records to «cetak»), so neither a broker outage nor a Redis that lost its data can take it
away: the workers sign once the broker returns. It is Fernet-encrypted with a key from
TTE_SESSION_KEY (or derived from SECRET_KEY), expires after TTE_SESSION_TTL seconds (checked on
the row and by Fernet's own timestamp) and is deleted when the batch ends. It is never written
to task arguments or logs.
"""

import base64
import hashlib
from datetime import datetime, timedelta

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils import timezone

from ..models import SesiTTE


def _fernet() -> Fernet:
    secret = settings.TTE_SESSION_KEY or settings.SECRET_KEY
    digest = hashlib.sha256(f"tte-session:{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def put(batch_id: int, passphrase: str) -> None:
    """Keep the passphrase for the batch (inside the caller's transaction)."""
    SesiTTE.objects.update_or_create(
        batch_id=batch_id,
        defaults={
            "rahasia": _fernet().encrypt(passphrase.encode()),
            "berlaku_sampai": timezone.now() + timedelta(seconds=settings.TTE_SESSION_TTL),
        },
    )


def get(batch_id: int) -> str | None:
    """The passphrase while the session lasts, else None."""
    row = SesiTTE.objects.filter(batch_id=batch_id, berlaku_sampai__gt=timezone.now()).only("rahasia").first()
    if row is None:
        return None
    try:
        return _fernet().decrypt(bytes(row.rahasia), ttl=settings.TTE_SESSION_TTL).decode()
    except InvalidToken:
        return None


def drop(batch_id: int) -> None:
    SesiTTE.objects.filter(batch_id=batch_id).delete()


def drop_expired(now: datetime | None = None) -> int:
    """Delete sessions past their expiry (a batch whose records all failed or were swept)."""
    deleted, _ = SesiTTE.objects.filter(berlaku_sampai__lte=now or timezone.now()).delete()
    return deleted
