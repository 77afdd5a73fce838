"""Kinds of berkas: each bidang app registers what it adds to the common berkas core."""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Berkas


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    nomor: str  # the document's own number (nomor KK, nomor akta); "" if it has none


@dataclass(frozen=True)
class BerkasKind:
    key: str  # stored in Layanan.jenis_berkas, e.g. "pendaftaran.kk"
    label: str
    document_jenis: str  # Dokumen.jenis of the product, e.g. "kk"
    render_document: Callable[..., RenderedDocument]  # (berkas, *, verification_url, signer) — unsigned PDF
    missing_data: Callable[[Berkas], list[str]]  # what the operator has still to enter
    create_detail: Callable[..., None]  # called at registration with the intake extras
    entry_url_name: str  # operator entry view, reversed with the nomor registrasi
    detail_template: str  # partial showing the service data on the berkas page
    intake_form: type | None = None  # extra intake fields (form class) for this kind
    # Facts that decide which conditional persyaratan apply: {"usia": years, "kata": {"hilang", ...}}
    persyaratan_facts: Callable[[Berkas], dict] | None = None
    # Register effects, applied in the transaction of the approval that sends the berkas to TTE.
    apply_effects: Callable[..., None] | None = None  # (berkas, user)
    # Printing a card takes a blank from stock: (berkas, user) -> True taken, False none left.
    # None for paper documents.
    take_blangko: Callable[..., bool] | None = None


_KINDS: dict[str, BerkasKind] = {}


def register(kind: BerkasKind) -> None:
    _KINDS[kind.key] = kind


def get_kind(key: str) -> BerkasKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise LookupError(f"Jenis berkas '{key}' belum didukung sistem.") from None


def kind_choices() -> list[tuple[str, str]]:
    return [(k.key, k.label) for k in _KINDS.values()]


def kind_for_document(jenis: str) -> BerkasKind | None:
    return next((k for k in _KINDS.values() if k.document_jenis == jenis), None)
