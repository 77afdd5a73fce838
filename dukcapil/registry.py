"""Kinds of berkas: each bidang app registers what it adds to the common berkas core."""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Berkas


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    nomor: str  # the document's own number (nomor KK, nomor akta); "" if it has none


@dataclass(frozen=True)
class DocumentSpec:
    """One signed document a berkas produces. A bundle or an akta produces several."""

    jenis: str  # Dokumen.jenis, e.g. "kutipan-kelahiran"
    label: str  # e.g. "Kutipan Akta Kelahiran"
    render: Callable[..., RenderedDocument]  # (berkas, *, verification_url, signer) — unsigned PDF
    # A newer document with the same jenis and nomor replaces the older one («diganti»). Off when
    # the kind decides itself what happens to the older one (a pembetulan revokes it: «dicabut»).
    replaces_same_nomor: bool = True


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
    # A cancellation (batalkan), in its transaction: void what the approval drew up (an akta, its
    # number kept but marked batal): (berkas, user, alasan).
    on_cancel: Callable[..., None] | None = None
    # Printing a card takes a blank from stock: (berkas, user) -> True taken, False none left.
    # None for paper documents.
    take_blangko: Callable[..., bool] | None = None
    # The documents to sign, when not just (document_jenis, label, render_document): (berkas) -> specs.
    documents: Callable[[Berkas], list[DocumentSpec]] | None = None
    # Called after every document of the berkas is signed and stored, in the same transaction:
    # (berkas, {jenis: Dokumen}, user). Revokes what the new documents make void.
    after_signed: Callable[..., None] | None = None
    # True when the berkas must wait for another office's confirmation before entry (kutipan kedua).
    needs_confirmation: Callable[[Berkas], bool] | None = None
    # Documents handed over only to their owner after activation at the pickup desk (KTP-el).
    activation_required: Callable[[Berkas], bool] | None = None
    # After a refused approval (EffectsConflict): restart the entry from the register as it is now.
    rebase: Callable[..., None] | None = None  # (berkas, conflict)
    # Whom or what a berkas is about, for the one-open-berkas-per-subject rule: (berkas, intake
    # extras) -> key, or None when several may be open at once. Called at intake on the unsaved
    # berkas. Default: the pemohon's NIK and the layanan.
    subject_key: Callable[..., str | None] | None = None

    def key_of_subject(self, berkas: Berkas, detail: dict) -> str | None:
        if self.subject_key is not None:
            return self.subject_key(berkas, detail)
        return f"{berkas.layanan.kode}:{berkas.pemohon_nik}"

    def document_specs(self, berkas: Berkas) -> list[DocumentSpec]:
        if self.documents is not None:
            return self.documents(berkas)
        return [DocumentSpec(self.document_jenis, self.label, self.render_document)]


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


_DOCUMENT_LABELS: dict[str, str] = {}


def register_document_label(jenis: str, label: str) -> None:
    _DOCUMENT_LABELS[jenis] = label


def document_label(jenis: str) -> str:
    """What a Dokumen.jenis is called on pages (verification, berkas detail)."""
    if jenis in _DOCUMENT_LABELS:
        return _DOCUMENT_LABELS[jenis]
    kind = kind_for_document(jenis)
    return kind.label if kind else jenis


@dataclass(frozen=True)
class InboxNotice:
    """A line above the kotak masuk (e.g. overdue disposisi the user gave) linking to its list."""

    text: str
    url: str


# app → callable(user) -> InboxNotice | None; each costs at most one query, only for those it concerns
_INBOX_NOTICES: dict[str, Callable] = {}


def register_inbox_notice(key: str, notice: Callable) -> None:
    _INBOX_NOTICES[key] = notice


def inbox_notices(user) -> list[InboxNotice]:
    return [n for notice in _INBOX_NOTICES.values() if (n := notice(user)) is not None]


# Hooks the core calls at points of a berkas's life, registered by the apps that act there (in their
# AppConfig.ready), so the core never imports them. Each list keeps the order of registration.

# After a berkas's documents are signed and its state moved on («siap diambil», or waiting for a
# blangko), in the transaction that stores them: tell the pemohon, the online applicant, …
_SIGNED_HOOKS: dict[str, Callable] = {}
# After a berkas is registered (accepted or returned), in the registration's transaction: a queue
# ticket the officer is serving gets the berkas, …
_REGISTERED_HOOKS: dict[str, Callable] = {}
# Who tells the pemohon of an event ("diterima", …) when it is not the office's standard message: an
# app that answers True sends its own (an online application's message points to the account).
_TELLER_HOOKS: dict[str, Callable] = {}


def register_signed_hook(key: str, hook: Callable) -> None:
    """``hook(berkas)`` runs after the berkas's documents are signed and stored and its state moved on."""
    _SIGNED_HOOKS[key] = hook


def signed_hooks() -> list[Callable]:
    return list(_SIGNED_HOOKS.values())


def register_registered_hook(key: str, hook: Callable) -> None:
    """``hook(berkas=, user=)`` runs after the berkas is registered by ``user``, in the same transaction."""
    _REGISTERED_HOOKS[key] = hook


def registered_hooks() -> list[Callable]:
    return list(_REGISTERED_HOOKS.values())


def register_teller(key: str, hook: Callable) -> None:
    """``hook(berkas, peristiwa) -> bool``: True when the app itself tells the pemohon of this event."""
    _TELLER_HOOKS[key] = hook


def told_elsewhere(berkas, peristiwa: str) -> bool:
    """Whether a registered app tells the pemohon of ``peristiwa`` itself (the standard message is not sent)."""
    return any(hook(berkas, peristiwa) for hook in _TELLER_HOOKS.values())
