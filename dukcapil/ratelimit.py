"""Per-client fixed-window counters for the public lookups (brute-force guard on nomor + NIK).

With Redis this is one round trip (INCR and EXPIRE in a pipeline, and the cached answer's GET
where the caller has one); without it (demo mode) the Django cache does the same with add + incr.
"""

import hashlib
import time
from functools import lru_cache

import redis
from django.conf import settings
from django.core.cache import cache


@lru_cache(maxsize=1)
def _redis() -> redis.Redis | None:
    return redis.Redis.from_url(settings.REDIS_URL) if settings.REDIS_URL else None


def client_ip(meta: dict) -> str:
    """REMOTE_ADDR, or behind NUM_PROXIES reverse proxies the address they forwarded."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = [a.strip() for a in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return meta.get("REMOTE_ADDR", "")


def _key(scope: str, ident: str, window: int, now: float) -> str:
    digest = hashlib.sha256(ident.encode()).hexdigest()[:24]  # no raw addresses in Redis keys
    return f"rl:{scope}:{digest}:{int(now // window)}"


def hit(scope: str, ident: str, limit: int, window: int) -> tuple[bool, int]:
    """Count one attempt; (allowed, seconds until the window resets)."""
    allowed, wait, _ = hit_and_get(scope, ident, limit, window)
    return allowed, wait


def hit_and_get(scope: str, ident: str, limit: int, window: int, get: str = "") -> tuple[bool, int, bytes | None]:
    """Count one attempt and, in the same Redis round trip, read the key ``get`` (a cached answer).

    (allowed, seconds until the window resets, the value of ``get`` or None)."""
    now = time.time()
    key = _key(scope, ident, window, now)
    client = _redis()
    value = None
    if client is not None:
        pipe = client.pipeline(transaction=False)
        pipe.incr(key)
        pipe.expire(key, window)
        if get:
            pipe.get(get)
        answers = pipe.execute()
        count = answers[0]
        value = answers[2] if get else None
    else:
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            count = 1
        value = cache.get(get) if get else None
    return count <= limit, int(window - (now % window)) + 1, value


def store(key: str, value: bytes, seconds: int) -> None:
    """Keep a value where ``hit_and_get`` reads it."""
    client = _redis()
    if client is not None:
        client.set(key, value, ex=seconds)
    else:
        cache.set(key, value, seconds)


def forget(keys: list[str]) -> None:
    client = _redis()
    if client is not None:
        client.delete(*keys)
    else:
        cache.delete_many(keys)


def request_ip(request) -> str:
    """The client's address for django-axes (AXES_CLIENT_IP_CALLABLE), by the same rule as the throttles."""
    return client_ip(request.META)
