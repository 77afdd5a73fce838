"""Per-client fixed-window counters for the public lookups (brute-force guard on nomor + NIK).

With Redis this is one round trip (INCR and EXPIRE in a pipeline); without it (demo mode) the
Django cache does the same with add + incr.
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


def hit(scope: str, ident: str, limit: int, window: int) -> tuple[bool, int]:
    """Count one attempt; (allowed, seconds until the window resets)."""
    now = time.time()
    bucket = int(now // window)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:24]  # no raw addresses in Redis keys
    key = f"rl:{scope}:{digest}:{bucket}"
    client = _redis()
    if client is not None:
        pipe = client.pipeline(transaction=False)
        pipe.incr(key)
        pipe.expire(key, window)
        count = pipe.execute()[0]
    else:
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            count = 1
    return count <= limit, int(window - (now % window)) + 1


def request_ip(request) -> str:
    """The client's address for django-axes (AXES_CLIENT_IP_CALLABLE), by the same rule as the throttles."""
    return client_ip(request.META)
