from django.apps import AppConfig


class SekretariatConfig(AppConfig):
    name = "sekretariat"
    verbose_name = "Sekretariat"

    def ready(self) -> None:
        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)
