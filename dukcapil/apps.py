from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs) -> None:
    from .roles import sync_role_groups

    sync_role_groups()


class DukcapilConfig(AppConfig):
    name = "dukcapil"
    verbose_name = "Inti Dukcapil"

    def ready(self) -> None:
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="dukcapil_sync_roles")
        from .aggregates import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="dukcapil_sqlite_functions")
        from . import (
            checks,  # noqa: F401 (registers the system checks)
            paket,
        )
        from .notifikasi import warga
        from .registry import register

        register(paket.KIND)
        warga.register_hooks()
