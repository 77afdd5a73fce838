from django.apps import AppConfig

# the modules whose load(apps) fills PIAK's default data (one per process)
DEFAULT_DATA = ("piak.kerjasama_data",)


def load_defaults(sender=None, apps=None, **kwargs) -> None:
    """PIAK's default data, again after every migrate or flush (post_migrate). Idempotent."""
    from importlib import import_module

    for module in DEFAULT_DATA:
        import_module(module).load(apps)


class PiakConfig(AppConfig):
    name = "piak"
    verbose_name = "Pengelolaan Informasi Administrasi Kependudukan"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)

        post_migrate.connect(load_defaults, sender=self, dispatch_uid="piak-defaults")
