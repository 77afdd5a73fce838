"""Service variants: one class per service, registered by code; the core's protocol for them.

A layanan of the catalogue (``Layanan.kode``) is offered as one or more variants (KK baru, KK
hilang, KTP-el perubahan data, akta kelahiran, pembatalan akta, …). Each variant is one subclass
of ``ServiceKind`` in its app's ``kinds/`` package, decorated with ``@register_kind``: it says
which layanan offer it, its entry form, the words that make conditional persyaratan apply, its
checks against the register, its register changes (as change sets through
``pendaftaran.register``), its documents, and whether it needs activation at pickup or another
office's confirmation. The detail record of a berkas stores the variant's ``kode``; the app's
``BerkasKind`` (dukcapil.registry) asks ``kind_for(kode)`` and calls the methods, never an
``if kode == …`` chain. Adding a service = one file in ``kinds/`` + its catalogue row.
"""

from typing import ClassVar

from django.core import checks


class ServiceKind:
    """Defaults for a variant; subclasses override what differs."""

    kode: ClassVar[str]
    label: ClassVar[str]
    family: ClassVar[str]  # the BerkasKind key (Layanan.jenis_berkas) whose detail record it uses
    layanan: ClassVar[tuple[str, ...]] = ()  # catalogue layanan offering it; first registered = default
    entry_form: ClassVar[type | None] = None
    kata: ClassVar[tuple[str, ...]] = ()  # words that make conditional persyaratan apply
    activation_required: ClassVar[bool] = False  # handed over only to the owner after activation (KTP-el)

    def persyaratan_facts(self, permohonan) -> dict:
        return {"kata": set(self.kata)}

    def needs_confirmation(self, permohonan) -> bool:
        return False


_KINDS: dict[str, type[ServiceKind]] = {}


def register_kind(cls: type[ServiceKind]) -> type[ServiceKind]:
    if cls.kode in _KINDS and _KINDS[cls.kode] is not cls:
        raise ValueError(f"service kind {cls.kode!r} registered twice")
    _KINDS[cls.kode] = cls
    return cls


def kind_for(kode: str) -> ServiceKind:
    try:
        return _KINDS[kode]()
    except KeyError:
        raise LookupError(f"Jenis layanan '{kode}' belum didukung sistem.") from None


def kinds_for_layanan(layanan_kode: str) -> list[type[ServiceKind]]:
    """The variants a layanan offers at the counter, the default first."""
    return [k for k in _KINDS.values() if layanan_kode in k.layanan]


def all_kinds() -> list[type[ServiceKind]]:
    return list(_KINDS.values())


@checks.register(checks.Tags.models)
def every_service_has_a_kind(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every layanan the catalogue processes has a kind, and every kind names a catalogue layanan."""
    from .catalogue import LAYANAN
    from .paket import KIND_KEY

    families = {k.family for k in _KINDS.values()}
    errors = []
    known = {kode for kode, *_ in LAYANAN}
    for kode, _nama, _bidang, _prefix, jenis in LAYANAN:
        if jenis in families and not kinds_for_layanan(kode):
            errors.append(checks.Error(f"Layanan {kode!r} ({jenis}) has no service kind.", id="dukcapil.E010"))
    for kind in _KINDS.values():
        for kode in kind.layanan:
            if kode not in known and kind.family != KIND_KEY:
                errors.append(checks.Error(f"Kind {kind.kode!r} names unknown layanan {kode!r}.", id="dukcapil.E011"))
    return errors
