from django.apps import AppConfig


class SignableAppConfig(AppConfig):
    """A record type that is not a berkas (like the Sekretariat's naskah dinas), added without
    touching the core: only in the test settings, so the core is shown to carry it."""

    name = "tests.signable_app"
    label = "signable_app"
