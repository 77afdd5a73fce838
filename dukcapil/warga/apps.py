from django.apps import AppConfig


def load_defaults(sender=None, apps=None, **kwargs) -> None:
    """The layanan offered online by default, again after every migrate or flush. Idempotent."""
    from .data import load

    load(apps)


class WargaConfig(AppConfig):
    name = "dukcapil.warga"
    label = "warga"
    verbose_name = "Layanan online warga"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from dukcapil.registry import register_signed_hook, register_teller

        from . import cetakan  # noqa: F401 (registers the konsep shown to the applicant)
        from .services import berkas_diterima_dari_sini, kabari_dokumen_ditandatangani

        register_signed_hook("warga.dokumen", kabari_dokumen_ditandatangani)
        register_teller("warga.diterima", berkas_diterima_dari_sini)

        post_migrate.connect(load_defaults, sender=self, dispatch_uid="warga-defaults")
