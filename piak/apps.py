from django.apps import AppConfig


class PiakConfig(AppConfig):
    name = "piak"
    verbose_name = "Pengelolaan Informasi Administrasi Kependudukan"

    def ready(self) -> None:
        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)
