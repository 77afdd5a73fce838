"""The pendaftaran service variants: one ServiceKind class per variant (dukcapil.kinds).

``base`` holds the shared flow (PendudukKind for KTP-el, KIA, pindah and SKTT; KKKind for the
Kartu Keluarga variants); ``ktp_el``, ``pindah``, ``sktt`` and ``kk`` hold one class per variant.
PendaftaranConfig.ready() imports them all, so each registers itself by its kode.
"""

from dukcapil.kinds import all_kinds, kind_for, kinds_for_layanan


def load() -> None:
    """Register every pendaftaran kind (import order is counter order within a layanan)."""
    from . import kk, ktp_el, pindah, sktt  # noqa: F401


def kinds_of(base: type, layanan_kode: str | None = None) -> list[type]:
    """The registered kinds of one base class (PendudukKind, KKKind), of one layanan if given."""
    kinds = kinds_for_layanan(layanan_kode) if layanan_kode else all_kinds()
    return [k for k in kinds if issubclass(k, base)]


__all__ = ["kind_for", "kinds_of", "load"]
