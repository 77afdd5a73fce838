from django.apps import AppConfig

from dukcapil.apps import load_defaults_after_migrate

# The modules holding PIAK's default data, each with ``load(apps=None)`` (idempotent). A new
# process adds its ``<process>_data`` module here.
DEFAULT_DATA = ("kerjasama_data", "gangguan_data", "inovasi_data", "sosialisasi_data")


class PiakConfig(AppConfig):
    name = "piak"
    verbose_name = "Pengelolaan Informasi Administrasi Kependudukan"

    def ready(self) -> None:
        from dukcapil.registry import register_inbox_notice

        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)
        from .selectors.gangguan import pemberitahuan_layanan_terhenti
        from .services import sosialisasi  # noqa: F401 (follows its signed letters: SETELAH_TERBIT)

        load_defaults_after_migrate(self, *DEFAULT_DATA)
        register_inbox_notice("piak.layanan_terhenti", pemberitahuan_layanan_terhenti)
