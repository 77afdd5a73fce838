"""Bundles (paket layanan): one application, one nomor registrasi, one status and one resi, that
produces the documents of several services, possibly of several bidang (Pekanbaru's PELITA 3:
akta perceraian + a new KK + KTP-el).

A bundle is a Layanan whose ``komponen`` lists the kode of its component layanan, in the order
their register effects apply. The bundle kind composes the component kinds: each component's
detail record hangs on the same berkas; entry is done per component; missing data, persyaratan
facts, register effects, documents and blangko are the components' together. Any bundle of
services is expressed by editing ``komponen`` in admin, without code.
"""

from django import forms

from .exceptions import BerkasInvalid
from .models import Berkas, Layanan, User
from .registry import BerkasKind, DocumentSpec, RenderedDocument, get_kind

KIND_KEY = "dukcapil.paket"
SEP = "__"


def components(layanan: Layanan) -> list[tuple[Layanan, BerkasKind]]:
    kodes = list(layanan.komponen or [])
    found = {lay.kode: lay for lay in Layanan.objects.filter(kode__in=kodes)}
    result = []
    for kode in kodes:
        lay = found.get(kode)
        if lay is None or not lay.jenis_berkas or lay.jenis_berkas == KIND_KEY:
            raise BerkasInvalid(f"Komponen paket «{kode}» tidak dikenal atau belum dapat diproses.")
        result.append((lay, get_kind(lay.jenis_berkas)))
    return result


def _berkas_components(berkas: Berkas) -> list[tuple[Layanan, BerkasKind]]:
    return components(berkas.layanan)


class PaketIntakeForm(forms.Form):
    """The intake fields of every component, named <index>__<field>."""

    def __init__(self, *args, layanan=None, **kwargs):
        super().__init__(*args, **kwargs)
        for index, (lay, kind) in enumerate(components(layanan) if layanan else []):
            if kind.intake_form is None:
                continue
            sub = kind.intake_form(layanan=lay)
            for name, field in sub.fields.items():
                field.label = f"{lay.nama}: {field.label}"
                self.fields[f"{index}{SEP}{name}"] = field


def create_detail(*, berkas: Berkas, **detail) -> None:
    for index, (lay, kind) in enumerate(_berkas_components(berkas)):
        prefix = f"{index}{SEP}"
        own = {k[len(prefix) :]: v for k, v in detail.items() if k.startswith(prefix)}
        kind.create_detail(berkas=berkas, layanan_kode=lay.kode, **own)


def missing_data(berkas: Berkas) -> list[str]:
    return [f"{lay.nama}: {m}" for lay, kind in _berkas_components(berkas) for m in kind.missing_data(berkas)]


def persyaratan_facts(berkas: Berkas) -> dict:
    facts: dict = {"usia": None, "kata": set()}
    for _lay, kind in _berkas_components(berkas):
        if kind.persyaratan_facts is None:
            continue
        own = kind.persyaratan_facts(berkas)
        facts["kata"] |= set(own.get("kata", ()))
        if facts["usia"] is None:
            facts["usia"] = own.get("usia")
    return facts


def apply_effects(berkas: Berkas, user: User) -> None:
    for _lay, kind in _berkas_components(berkas):
        if kind.apply_effects is not None:
            kind.apply_effects(berkas, user)


def on_cancel(berkas: Berkas, user: User, alasan: str) -> None:
    for _lay, kind in _berkas_components(berkas):
        if kind.on_cancel is not None:
            kind.on_cancel(berkas, user, alasan)


def rebase(berkas: Berkas, conflict) -> None:
    for _lay, kind in _berkas_components(berkas):
        if kind.rebase is not None:
            kind.rebase(berkas, conflict)


def document_specs(berkas: Berkas) -> list[DocumentSpec]:
    specs: list[DocumentSpec] = []
    for _lay, kind in _berkas_components(berkas):
        specs.extend(s for s in kind.document_specs(berkas) if s.jenis not in {x.jenis for x in specs})
    return specs


def after_signed(berkas: Berkas, stored: dict, user: User) -> None:
    for _lay, kind in _berkas_components(berkas):
        if kind.after_signed is not None:
            kind.after_signed(berkas, stored, user)


def take_blangko(berkas: Berkas, user: User) -> bool:
    takers = [kind.take_blangko for _lay, kind in _berkas_components(berkas) if kind.take_blangko is not None]
    return all(take(berkas, user) for take in takers)


def needs_confirmation(berkas: Berkas) -> bool:
    return any(k.needs_confirmation(berkas) for _l, k in _berkas_components(berkas) if k.needs_confirmation)


def activation_required(berkas: Berkas) -> bool:
    from .services import activation_required as required

    return any(required(kind, berkas) for _lay, kind in _berkas_components(berkas))


def _no_single_document(berkas: Berkas, **kwargs) -> RenderedDocument:
    raise NotImplementedError("a bundle's documents come from its components")


KIND = BerkasKind(
    key=KIND_KEY,
    label="Paket layanan",
    document_jenis="paket",
    render_document=_no_single_document,
    missing_data=missing_data,
    create_detail=create_detail,
    entry_url_name="paket-entri",
    detail_template="",  # the berkas page shows each component's own
    intake_form=PaketIntakeForm,
    persyaratan_facts=persyaratan_facts,
    apply_effects=apply_effects,
    on_cancel=on_cancel,
    take_blangko=take_blangko,
    documents=document_specs,
    after_signed=after_signed,
    needs_confirmation=needs_confirmation,
    activation_required=activation_required,
    rebase=rebase,
)
