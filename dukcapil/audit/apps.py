from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dukcapil.audit"
    label = "audit"
    verbose_name = "Jejak audit keamanan"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 (connects the signal receivers)
