from django.apps import AppConfig

from dukcapil.apps import load_defaults_after_migrate


class WargaConfig(AppConfig):
    name = "dukcapil.warga"
    label = "warga"
    verbose_name = "Layanan online warga"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from dukcapil.registry import register_signed_hook, register_teller

        from . import cetakan  # noqa: F401 (registers the konsep shown to the applicant)
        from .services import berkas_diterima_dari_sini, kabari_dokumen_ditandatangani

        register_signed_hook("warga.dokumen", kabari_dokumen_ditandatangani)
        register_teller("warga.diterima", berkas_diterima_dari_sini)

        load_defaults_after_migrate(self, "data")  # the layanan offered online by default
