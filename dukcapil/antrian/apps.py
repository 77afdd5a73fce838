from django.apps import AppConfig


def load_defaults(sender=None, apps=None, **kwargs) -> None:
    """The default queue lines, again after every migrate or flush (post_migrate). Idempotent."""
    from .antrian_data import load

    load(apps)


class AntrianConfig(AppConfig):
    name = "dukcapil.antrian"
    label = "antrian"
    verbose_name = "Antrian"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from dukcapil.registry import register_registered_hook

        from .services import tiket_tautkan_berkas

        register_registered_hook("antrian.tiket", tiket_tautkan_berkas)
        post_migrate.connect(load_defaults, sender=self, dispatch_uid="antrian-defaults")
