from django.apps import AppConfig

from dukcapil.apps import load_defaults_after_migrate


class IkmConfig(AppConfig):
    name = "dukcapil.ikm"
    label = "ikm"
    verbose_name = "Indeks Kepuasan Masyarakat"

    def ready(self) -> None:
        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)

        load_defaults_after_migrate(self, "naskah_data")  # the jenis naskah of the semester report
