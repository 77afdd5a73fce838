from django.apps import AppConfig

from dukcapil.apps import load_defaults_after_migrate


class KinerjaConfig(AppConfig):
    name = "dukcapil.kinerja"
    label = "kinerja"
    verbose_name = "Kinerja layanan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import cetakan  # noqa: F401 (registers the monthly report PDF)

        load_defaults_after_migrate(self, "kinerja_data")  # the jenis naskah of the monthly report
