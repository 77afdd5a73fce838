from django.apps import AppConfig


class SekretariatConfig(AppConfig):
    name = "sekretariat"
    verbose_name = "Sekretariat"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .naskah_data import load_defaults

        post_migrate.connect(load_defaults, sender=self, dispatch_uid="sekretariat-defaults")

        from dukcapil.registry import register_inbox_notice

        from . import cetakan  # noqa: F401 (registers the PDFs produced on request)
        from .selectors.surat_masuk import pemberitahuan_disposisi_terlambat
        from .services import cuti  # noqa: F401 (follows the signing of its surat izin cuti)

        register_inbox_notice("sekretariat.disposisi_terlambat", pemberitahuan_disposisi_terlambat)
