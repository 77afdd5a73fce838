"""The citizen's status answer kept in Redis, per berkas, until its next transition.

The public lookup (``POST /api/v1/status/``) answers from here in the same round trip as its
throttle (``ratelimit.hit_and_get``); the database is read on a miss only. The key is a hash of the
nomor and the NIK together, so a wrong pair never meets a cached answer and no NIK or nomor stands
in Redis. Each transition of a berkas drops its key after commit (``WorkflowRecord.public_cache_keys``
in ``workflow.services``); the expiry bounds what a change outside a transition (a layanan renamed
in admin) leaves stale.
"""

import hashlib

from . import ratelimit

SECONDS = 3600


def key(nomor_registrasi: str, nik: str) -> str:
    pair = f"{nomor_registrasi.strip().upper()}|{nik.strip()}"
    return "status:" + hashlib.sha256(pair.encode()).hexdigest()[:40]


def store(cache_key: str, body: bytes) -> None:
    ratelimit.store(cache_key, body, SECONDS)


def forget(keys: list[str]) -> None:
    if keys:
        ratelimit.forget(keys)
