from django.apps import AppConfig


class SekretariatConfig(AppConfig):
    name = "sekretariat"
    verbose_name = "Sekretariat"

    def ready(self) -> None:
        from dukcapil.registry import register_inbox_notice

        from .selectors.surat_masuk import pemberitahuan_disposisi_terlambat

        register_inbox_notice("sekretariat.disposisi_terlambat", pemberitahuan_disposisi_terlambat)
