from django.apps import AppConfig


def load_defaults(sender=None, apps=None, **kwargs) -> None:
    """The jenis naskah of the semester report, again after every migrate or flush. Idempotent."""
    from .naskah_data import load

    load(apps)


class IkmConfig(AppConfig):
    name = "dukcapil.ikm"
    label = "ikm"
    verbose_name = "Indeks Kepuasan Masyarakat"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)

        post_migrate.connect(load_defaults, sender=self, dispatch_uid="ikm-defaults")
