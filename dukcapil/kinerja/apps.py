from django.apps import AppConfig


def load_defaults(sender=None, apps=None, **kwargs) -> None:
    """The jenis naskah of the monthly report, again after every migrate or flush. Idempotent."""
    from .kinerja_data import load

    load(apps)


class KinerjaConfig(AppConfig):
    name = "dukcapil.kinerja"
    label = "kinerja"
    verbose_name = "Kinerja layanan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import cetakan  # noqa: F401 (registers the monthly report PDF)

        post_migrate.connect(load_defaults, sender=self, dispatch_uid="kinerja-defaults")
