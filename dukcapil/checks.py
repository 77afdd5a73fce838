"""System checks: the build fails when the permissions table and the state machines disagree."""

from django.apps import apps
from django.core import checks

from .workflow.models import WorkflowRecord
from .workflow.permissions import Aksi, transition_actions


@checks.register()
def transitions_have_permissions(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every transition of every workflow record asks the permissions table (or is system-only)."""
    errors = []
    for model in apps.get_models():
        if not issubclass(model, WorkflowRecord):
            continue
        for name, actions in transition_actions(model).items():
            if actions is None:
                errors.append(
                    checks.Error(
                        f"{model.__name__}.{name} has no permission from dukcapil.workflow.permissions.",
                        hint="Use permission=requires(Aksi.X), requires_by_state(...) or SYSTEM.",
                        id="dukcapil.E001",
                    )
                )
            for aksi in actions or ():
                if aksi not in Aksi.values:
                    errors.append(
                        checks.Error(f"{model.__name__}.{name} asks unknown action {aksi!r}.", id="dukcapil.E002")
                    )
        for state, aksi in model.KOTAK_MASUK.items():
            if aksi not in Aksi.values:
                errors.append(
                    checks.Error(
                        f"{model.__name__}.KOTAK_MASUK[{state!r}] is unknown action {aksi!r}.", id="dukcapil.E003"
                    )
                )
    return errors


@checks.register(checks.Tags.security, deploy=False)
def secret_key_not_public(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The SECRET_KEY published in this repository signs nothing outside the test suite."""
    from django.conf import settings

    from .settings.base import PUBLIC_DEFAULT_SECRET_KEY

    if settings.SECRET_KEY == PUBLIC_DEFAULT_SECRET_KEY:
        return [
            checks.Error(
                "SECRET_KEY adalah kunci bawaan yang dipublikasikan di repositori ini.",
                hint="Isi SECRET_KEY dengan kunci acak milik instalasi ini (bin/start membuatnya di var/secret_key).",
                id="dukcapil.E010",
            )
        ]
    return []


@checks.register()
def channels_have_classes(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every outbox channel (PesanKeluar.Kanal) has a class in dukcapil.notifikasi.kanal, and back."""
    from django.conf import settings

    from .notifikasi import kanal
    from .notifikasi.models import PesanKeluar

    registered = set(kanal.registered())
    errors = [
        checks.Error(f"PesanKeluar.Kanal {kode!r} has no channel class.", id="dukcapil.E010")
        for kode in sorted(set(PesanKeluar.Kanal.values) - registered)
    ]
    errors += [
        checks.Error(f"Channel class {kode!r} is not a PesanKeluar.Kanal choice.", id="dukcapil.E011")
        for kode in sorted(registered - set(PesanKeluar.Kanal.values))
    ]
    errors += [
        checks.Error(f"NOTIFIKASI_KANAL_TELEPON names unknown channel {kode!r}.", id="dukcapil.E012")
        for kode in settings.NOTIFIKASI_KANAL_TELEPON
        if kode not in registered or kode == PesanKeluar.Kanal.EMAIL
    ]
    return errors
