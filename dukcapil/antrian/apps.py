from django.apps import AppConfig

from dukcapil.apps import load_defaults_after_migrate


class AntrianConfig(AppConfig):
    name = "dukcapil.antrian"
    label = "antrian"
    verbose_name = "Antrian"

    def ready(self) -> None:
        from dukcapil.registry import register_registered_hook

        from .services import tiket_tautkan_berkas

        register_registered_hook("antrian.tiket", tiket_tautkan_berkas)
        load_defaults_after_migrate(self, "antrian_data")  # the default queue lines
