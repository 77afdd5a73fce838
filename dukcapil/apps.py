from importlib import import_module

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def load_defaults_after_migrate(config: AppConfig, *modules: str) -> None:
    """An app's default rows, loaded again after every migrate or flush (post_migrate): ``load(apps)``
    (idempotent) of each of its ``modules`` (named within the app), given the signal's app registry."""

    def load_defaults(sender=None, apps=None, **kwargs) -> None:
        for module in modules:
            import_module(f"{config.name}.{module}").load(apps)

    post_migrate.connect(load_defaults, sender=config, weak=False, dispatch_uid=f"{config.label}-defaults")


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
