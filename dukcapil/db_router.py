"""Reads that may come from the streaming read replica (``DATABASE_REPLICA_URL``).

Only code that asks for it reads from the replica: the public status and verification lookups and
the dashboards, which tolerate the replica's lag of a second or so and carry most of the read load
of a big office. Everything else, and every write, stays on the primary, so an officer always sees
what they just did. Without ``DATABASE_REPLICA_URL`` (the demo, the tests) the router answers
nothing and Django uses ``default``.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings

REPLICA = "replica"
_reading = ContextVar("replica_reads", default=False)


@contextmanager
def replica():
    """Reads inside this block go to the replica when one is configured."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def replica_reads(func: Callable) -> Callable:
    """A view (or selector) whose reads may come from the replica."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        with replica():
            return func(*args, **kwargs)

    return wrapper


def reading_from_replica() -> bool:
    return _reading.get() and REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if reading_from_replica() else None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # the replica follows the primary's WAL; never migrated itself
