"""The civil-registration berkas flow, the same for every service: counter, confirmation by another
office, operator entry, approval, documents. What differs per service is its kind
(``pencatatan_sipil.kinds``), found with ``kind_for(permohonan.jenis)``; these functions are the
callables of the ``pencatatan_sipil.akta`` BerkasKind."""

from datetime import date

from django.db import transaction

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.kinds import kind_for, kinds_for_layanan
from dukcapil.models import Berkas, Dokumen, User
from dukcapil.registry import DocumentSpec
from dukcapil.services import ENTRY_STATUSES, berkas_lock_for_entry, run_transition
from dukcapil.workflow.permissions import Aksi, can

from .choices import StatusAkta
from .models import Akta, PermohonanAkta
from .register_akta import akta_by_nomor, next_nomor_akta, void_drawn_up

__all__ = [
    "ENTRY_STATUSES",
    "after_signed",
    "apply_effects",
    "document_specs",
    "entry_form",
    "kind_for_layanan",
    "konfirmasi_record",
    "missing_data",
    "needs_confirmation",
    "next_nomor_akta",
    "permohonan_create",
    "permohonan_update",
    "persyaratan_facts",
]

FAMILY = "pencatatan_sipil.akta"


def kind_for_layanan(layanan_kode: str):
    """The civil-registration service a catalogue layanan offers (its default kind), or None."""
    kinds = [k for k in kinds_for_layanan(layanan_kode) if k.family == FAMILY]
    return kinds[0]() if kinds else None


def subject_key(berkas: Berkas, detail: dict) -> str | None:
    """One open berkas per akta acted on and service. A service that draws up a new akta (kelahiran,
    kematian, ...) has no subject known at intake, and several may be open at once (twins)."""
    kind = kind_for_layanan(detail.get("layanan_kode") or berkas.layanan.kode)
    nomor = (detail.get("nomor_akta_rujukan") or "").strip().upper()
    if kind is None or kind.akta_baru or not nomor:
        return None
    return f"{kind.kode}:akta:{nomor}"[:120]


def _permohonan(berkas: Berkas) -> PermohonanAkta:
    return PermohonanAkta.objects.select_related("akta_rujukan", "berkas").get(berkas=berkas)


# --- counter ---------------------------------------------------------------------------------


def permohonan_create(
    *,
    berkas: Berkas,
    layanan_kode: str | None = None,
    nomor_akta_rujukan: str = "",
    kantor_penerbit: str = "",
    kondisi: list[str] | None = None,
) -> PermohonanAkta:
    """At the counter: which service, the akta it concerns, and the conditions stated."""
    kind = kind_for_layanan(layanan_kode or berkas.layanan.kode)
    if kind is None:
        raise BerkasInvalid("Layanan ini belum dapat diproses.")
    permohonan = PermohonanAkta(berkas=berkas, jenis=kind.kode, kondisi=list(kondisi or []))
    nomor = (nomor_akta_rujukan or "").strip().upper()
    kantor_penerbit = (kantor_penerbit or "").strip().upper() if kind.kantor_penerbit_di_loket else ""
    if kind.rujukan and kind.rujukan_wajib and not nomor:
        raise BerkasInvalid(
            f"{kind.rujukan_label} wajib diisi.", fields={"nomor_akta_rujukan": ["Nomor akta wajib diisi."]}
        )
    if nomor:
        permohonan.nomor_akta_rujukan = nomor
        if kantor_penerbit:
            if Akta.objects.filter(nomor=nomor, kantor_lain=False).exists():
                raise BerkasInvalid(
                    f"Akta {nomor} diterbitkan kantor ini; kosongkan Dukcapil penerbit.",
                    fields={"kantor_penerbit": ["Akta ini terbitan kantor ini."]},
                )
            permohonan.kantor_penerbit = kantor_penerbit
            # an akta transcribed earlier from that office is used again
            permohonan.akta_rujukan = Akta.objects.filter(nomor=nomor, kantor_lain=True).first()
        else:
            permohonan.akta_rujukan = akta_by_nomor(nomor, kind.rujukan)
    permohonan.save()
    return permohonan


def persyaratan_facts(berkas: Berkas) -> dict:
    permohonan = _permohonan(berkas)
    return kind_for(permohonan.jenis).persyaratan_facts(permohonan)


def needs_confirmation(berkas: Berkas) -> bool:
    permohonan = _permohonan(berkas)
    return kind_for(permohonan.jenis).needs_confirmation(permohonan)


def konfirmasi_record(*, berkas_id: int, user: User, nomor: str, tanggal: date) -> PermohonanAkta:
    """P.5.8 step 6: the issuing office confirmed the kutipan is valid; entry may start."""
    with transaction.atomic():
        berkas = Berkas.objects.select_for_update().get(pk=berkas_id)
        if not (can(user, Aksi.ENTRI, berkas.bidang_id)):
            raise BerkasForbidden("Hanya operator SIAK bidang ini yang mencatat konfirmasi keabsahan.")
        if berkas.status != Status.MENUNGGU_KONFIRMASI:
            raise BerkasConflict(
                f"Berkas berstatus «{berkas.get_status_display()}»; tidak sedang menunggu konfirmasi keabsahan."
            )
        permohonan = PermohonanAkta.objects.select_for_update().get(berkas=berkas)
        permohonan.konfirmasi_nomor = nomor.strip()
        permohonan.konfirmasi_tanggal = tanggal
        permohonan.konfirmasi_dicatat_oleh = user
        permohonan._history_user = user
        permohonan.save(update_fields=["konfirmasi_nomor", "konfirmasi_tanggal", "konfirmasi_dicatat_oleh"])
        run_transition(
            berkas,
            "confirm_validity",
            user,
            f"Keabsahan akta {permohonan.nomor_akta_rujukan} dikonfirmasi {permohonan.kantor_penerbit} "
            f"(surat {permohonan.konfirmasi_nomor}).",
        )
    return permohonan


# --- operator entry ----------------------------------------------------------------------------


def entry_form(permohonan: PermohonanAkta, data=None):
    return kind_for(permohonan.jenis).form(permohonan, data)


def permohonan_update(*, berkas_id: int, user: User, data: dict) -> PermohonanAkta:
    """Save what the operator entered (cleaned by the service's form) after its register checks."""
    with transaction.atomic():
        berkas = berkas_lock_for_entry(berkas_id=berkas_id, user=user)
        permohonan = (
            PermohonanAkta.objects.select_for_update(of=("self",)).select_related("akta_rujukan").get(berkas=berkas)
        )
        permohonan.berkas = berkas
        kind = kind_for(permohonan.jenis)
        permohonan.data = {**data, **kind.check_register(permohonan, data)}
        permohonan._history_user = user
        permohonan.save(update_fields=["data", "terlambat", "hari_pelaporan", "nik_anak"])
    return permohonan


def missing_data(berkas: Berkas) -> list[str]:
    permohonan = _permohonan(berkas)
    if permohonan.menunggu_konfirmasi:
        return ["konfirmasi keabsahan dari Dukcapil penerbit"]
    form = entry_form(permohonan, permohonan.data)
    return [str(form.fields[name].label) for name in form.errors if name in form.fields]


# --- approval and documents --------------------------------------------------------------------


def apply_effects(berkas: Berkas, user: User) -> None:
    """Approval: draw up / annotate the register akta and change the population register. Idempotent."""
    permohonan = (
        PermohonanAkta.objects.select_for_update(of=("self",)).select_related("akta_rujukan").get(berkas=berkas)
    )
    permohonan.berkas = berkas
    kind_for(permohonan.jenis).apply(permohonan, user)


def void_on_cancel(berkas: Berkas, user: User, alasan: str) -> None:
    """Cancellation (batalkan, e.g. at TTE): the akta the approval drew up are void, never signed."""
    void_drawn_up(berkas, user, alasan)


def document_specs(berkas: Berkas) -> list[DocumentSpec]:
    """What the Kadis signs; nothing for an akta voided by a cancellation (its kutipan is never produced)."""
    if Akta.objects.filter(berkas=berkas, kantor_lain=False, status=StatusAkta.BATAL).exists():
        return []
    permohonan = _permohonan(berkas)
    return kind_for(permohonan.jenis).document_specs(permohonan)


def after_signed(berkas: Berkas, stored: dict[str, Dokumen], user: User) -> None:
    permohonan = _permohonan(berkas)
    permohonan.berkas = berkas
    kind_for(permohonan.jenis).after_signed(permohonan, stored, user)
