"""KTP-el, KIA, pindah and SKTT: one data model (PermohonanPenduduk) and one flow, varied by service.

The variants are the PendudukKind classes of pendaftaran.kinds: each says whom the berkas
concerns, which entry fields the operator fills, which words decide its conditional persyaratan,
which document it produces and what it changes in the register once approved. These functions
are the BerkasKind callables and the entry service; they ask ``kind_for(permohonan.jenis)``.
"""

from django.db import transaction

from dukcapil.exceptions import BerkasInvalid
from dukcapil.kinds import kind_for
from dukcapil.models import Berkas, User
from dukcapil.services import berkas_lock_for_entry

from .kinds import kinds_of
from .kinds.base import PendudukKind
from .models import PermohonanPenduduk
from .register import snapshot


def kind_of(permohonan: PermohonanPenduduk) -> PendudukKind:
    return kind_for(permohonan.jenis)


# --- services ------------------------------------------------------------------------------


def permohonan_create(
    *, berkas: Berkas, jenis: str | None = None, layanan_kode: str | None = None
) -> PermohonanPenduduk:
    """At the counter: check the register's preconditions for this variant and open the permohonan.

    layanan_kode: the component layanan when the berkas is a bundle (paket)."""
    allowed = kinds_of(PendudukKind, layanan_kode or berkas.layanan.kode)
    if not allowed:
        raise BerkasInvalid("Layanan ini belum dapat diproses.")
    kind = next((k for k in allowed if k.kode == jenis), allowed[0])
    return kind().open(berkas)


def persyaratan_facts(berkas: Berkas) -> dict:
    permohonan = berkas.permohonan_penduduk  # at registration, the detail just opened (no query)
    return kind_of(permohonan).persyaratan_facts(permohonan)


def entry_form(permohonan: PermohonanPenduduk, data=None):
    return kind_of(permohonan).form(permohonan, data)


def permohonan_update(
    *, berkas_id: int, user: User, data: dict, nik_anggota: list[str] | None = None
) -> PermohonanPenduduk:
    """Save what the operator entered (already cleaned by the variant's form) after the register checks."""
    with transaction.atomic():
        berkas = berkas_lock_for_entry(berkas_id=berkas_id, user=user)
        permohonan = (
            PermohonanPenduduk.objects.select_for_update(of=("self",))
            .select_related("penduduk__keluarga")
            .get(berkas=berkas)
        )
        permohonan.berkas = berkas  # the berkas just locked: not read again
        data, errors = kind_of(permohonan).validate_entry(permohonan, data, nik_anggota)
        if errors:
            problems = [m for ms in errors.values() for m in ms]
            raise BerkasInvalid("Data permohonan belum benar: " + " ".join(problems), fields=errors)
        permohonan.data = data
        if permohonan.penduduk is not None:
            # the register as the operator saw it in the entry form: the base of the change set
            permohonan.dasar = snapshot(permohonan.penduduk)
        permohonan._history_user = user
        permohonan.save(update_fields=["data", "dasar", "nik_anggota", "dokumen_rujukan"])
    return permohonan


def missing_data(berkas: Berkas) -> list[str]:
    permohonan = PermohonanPenduduk.objects.get(berkas=berkas)
    return kind_of(permohonan).missing(permohonan)


def apply_effects(berkas: Berkas, user: User) -> None:
    """The register change of the variant (a change set against what the operator saw), and the
    document number. Writing it again changes nothing."""
    permohonan = (
        PermohonanPenduduk.objects.select_for_update(of=("self",)).select_related("keluarga").get(berkas=berkas)
    )
    permohonan.berkas = berkas  # the berkas being approved, locked: not read again
    kind_of(permohonan).apply_effects(permohonan, user)


def rebase(berkas: Berkas, conflict) -> None:
    """After a refused approval the base is the register as it is now; the operator re-enters."""
    permohonan = PermohonanPenduduk.objects.select_related("penduduk__keluarga").get(berkas=berkas)
    if permohonan.penduduk is not None:
        permohonan.dasar = snapshot(permohonan.penduduk)
        permohonan.data = {k: v for k, v in permohonan.data.items() if k != conflict.field}
        permohonan.save(update_fields=["dasar", "data"])


def take_blangko(berkas: Berkas, user: User) -> bool:
    from .blangko import blangko_jenis_for, blangko_take

    return blangko_take(jenis=blangko_jenis_for(berkas), berkas=berkas, user=user)


def activation_required(berkas: Berkas) -> bool:
    permohonan = PermohonanPenduduk.objects.filter(berkas=berkas).only("jenis").first()
    return bool(permohonan and kind_of(permohonan).activation_required)
