"""Hands the signer's passphrase from the Kadis's request to the workers of one batch.

It lives only in the cache (Redis in production), encrypted with a key derived from SECRET_KEY,
for at most TTE_SESSION_TTL seconds, and is deleted when the batch ends. It is never written to
the database, to task arguments or to logs.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.cache import cache


def _fernet() -> Fernet:
    digest = hashlib.sha256(f"tte-session:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _key(batch_id: int) -> str:
    return f"tte:batch:{batch_id}"


def put(batch_id: int, passphrase: str) -> None:
    cache.set(_key(batch_id), _fernet().encrypt(passphrase.encode()), settings.TTE_SESSION_TTL)


def get(batch_id: int) -> str | None:
    token = cache.get(_key(batch_id))
    if token is None:
        return None
    try:
        return _fernet().decrypt(token, ttl=settings.TTE_SESSION_TTL).decode()
    except InvalidToken:
        return None


def drop(batch_id: int) -> None:
    cache.delete(_key(batch_id))
