from django.apps import AppConfig

# The modules holding PIAK's default data, each with ``load(apps=None)`` (idempotent). A new
# process adds its ``<process>_data`` module here.
DEFAULT_DATA = ("piak.kerjasama_data", "piak.gangguan_data", "piak.inovasi_data", "piak.sosialisasi_data")


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

        from dukcapil.registry import register_inbox_notice

        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)
        from .selectors.gangguan import pemberitahuan_layanan_terhenti
        from .services import sosialisasi  # noqa: F401 (follows its signed letters: SETELAH_TERBIT)

        post_migrate.connect(load_defaults, sender=self, dispatch_uid="piak-defaults")
        register_inbox_notice("piak.layanan_terhenti", pemberitahuan_layanan_terhenti)
