"""KK data entry by the operator SIAK; state changes of the berkas stay in dukcapil.services.

The KK variants are the KKKind classes of pendaftaran.kinds; these functions ask
``kind_for(permohonan.jenis)``."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from dukcapil.exceptions import BerkasInvalid
from dukcapil.kinds import kind_for
from dukcapil.models import Berkas, User
from dukcapil.nik import clean_nik, nik_mismatches
from dukcapil.services import ENTRY_STATUSES, berkas_lock_for_entry

from .choices import Hubungan
from .kinds import kinds_of
from .kinds.base import KKKind
from .kinds.kk import KKBaru
from .models import ADDRESS_FIELDS, AnggotaKeluarga, Penduduk, PermohonanKK
from .register import apply_permohonan_kk, rebase_permohonan_kk, snapshot


def kind_of(permohonan: PermohonanKK) -> KKKind:
    return kind_for(permohonan.jenis)


@dataclass(frozen=True)
class AnggotaData:
    nik: str
    nama: str
    jenis_kelamin: str
    tempat_lahir: str
    tanggal_lahir: date
    agama: str
    pendidikan: str
    pekerjaan: str
    golongan_darah: str
    status_perkawinan: str
    tanggal_perkawinan: date | None
    hubungan: str
    kewarganegaraan: str
    no_paspor: str
    no_kitap: str
    nama_ayah: str
    nama_ibu: str


def permohonan_kk_create(
    *, berkas: Berkas, jenis: str | None = None, nomor_kk: str = "", alasan: str = "", layanan_kode: str | None = None
) -> PermohonanKK:
    """Called at registration. For an existing family the register's data is copied in for the operator.

    layanan_kode: the component layanan when the berkas is a bundle (paket)."""
    allowed = kinds_of(KKKind, layanan_kode or berkas.layanan.kode) or [KKBaru]
    kind = next((k for k in allowed if k.kode == jenis), allowed[0])
    return kind().open(berkas, nomor_kk=nomor_kk, alasan=alasan)


def kk_persyaratan_facts(berkas: Berkas) -> dict:
    permohonan = berkas.permohonan_kk  # at registration, the detail just opened (no query)
    return kind_of(permohonan).persyaratan_facts(permohonan)


def apply_kk_effects(berkas: Berkas, user: User) -> None:
    permohonan = PermohonanKK.objects.select_for_update(of=("self",)).get(berkas=berkas)
    permohonan.berkas = berkas  # the locked berkas being approved: not read again
    apply_permohonan_kk(permohonan, user)


def rebase_kk(berkas: Berkas, conflict) -> None:
    rebase_permohonan_kk(PermohonanKK.objects.get(berkas=berkas), conflict)


def _validate_anggota(anggota: list[AnggotaData]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    for index, a in enumerate(anggota, start=1):
        try:
            nik = clean_nik(a.nik)
        except ValidationError as exc:
            errors.setdefault(f"anggota-{index}", []).extend(f"{a.nama or index}: {m}" for m in exc.messages)
            continue
        for problem in nik_mismatches(nik, a.tanggal_lahir, a.jenis_kelamin):
            errors.setdefault(f"anggota-{index}", []).append(f"{a.nama}: {problem}")
        if nik in seen:
            errors.setdefault(f"anggota-{index}", []).append(f"{a.nama}: NIK tercatat dua kali.")
        seen.add(nik)
        if a.status_perkawinan == "BELUM KAWIN" and a.tanggal_perkawinan:
            errors.setdefault(f"anggota-{index}", []).append(
                f"{a.nama}: status belum kawin tidak boleh mempunyai tanggal perkawinan."
            )
    kepala = sum(1 for a in anggota if a.hubungan == Hubungan.KEPALA_KELUARGA)
    if anggota and kepala != 1:
        errors.setdefault("anggota", []).append(f"Harus ada tepat satu kepala keluarga (sekarang {kepala}).")
    return errors


def permohonan_kk_update(
    *,
    berkas_id: int,
    user: User,
    data: dict[str, str],
    anggota: list[AnggotaData],
    pengurangan: dict[str, str] | None = None,
    biometrik: set[str] | None = None,
    datang: dict | None = None,
) -> PermohonanKK:
    """Save the family data the operator entered. Allowed while the berkas is with the operator.

    For a kurang anggota the family is the registered one minus the members in ``pengurangan``
    (NIK: alasan); ``anggota`` is not used. ``datang`` is the arrival data of SKDWNI/SKDLN.
    """
    with transaction.atomic():
        berkas = berkas_lock_for_entry(berkas_id=berkas_id, user=user, what="data KK")
        permohonan = PermohonanKK.objects.select_for_update().get(berkas=berkas)
        kind = kind_of(permohonan)
        anggota = kind.staged_members(permohonan, anggota, pengurangan)
        if datang is not None:
            permohonan.data = datang
        errors = _validate_anggota(anggota)
        kode = (data.get("kode_wilayah") or "").strip()
        if kind.new_number:
            if not re.fullmatch(r"\d{6}", kode):
                errors["kode_wilayah"] = ["Kode wilayah kecamatan harus 6 digit angka."]
            permohonan.kode_wilayah = kode
        for field, messages in kind.check_members(permohonan, [a.nik.strip() for a in anggota]).items():
            errors.setdefault(field, []).extend(messages)
        if family_problems := kind.check_family(permohonan, anggota):
            errors.setdefault("anggota", []).extend(family_problems)
        if errors:
            problems = [m for ms in errors.values() for m in ms]
            raise BerkasInvalid("Data KK belum benar: " + " ".join(problems), fields=errors)
        for field in ADDRESS_FIELDS:
            setattr(permohonan, field, (data.get(field) or "").strip().upper())
        permohonan._history_user = user
        permohonan.save(update_fields=["pengurangan", "data", "kode_wilayah", *ADDRESS_FIELDS])
        existing = {a.nik: a for a in permohonan.anggota.all()}
        # a person already in the register who joins through this entry: the base is what is registered now
        registered = {
            p.nik: snapshot(p)
            for p in Penduduk.objects.filter(nik__in=[a.nik for a in anggota if a.nik not in existing])
        }
        keep: set[str] = set()
        added: list[AnggotaKeluarga] = []
        kept: list[AnggotaKeluarga] = []
        fields: list[str] = []
        for urutan, a in enumerate(anggota, start=1):
            values = {
                **a.__dict__,
                "nama": a.nama.strip().upper(),
                "urutan": urutan,
                "biometrik_dicek": a.nik in (biometrik or set()),
            }
            row = existing.get(a.nik) or AnggotaKeluarga(permohonan=permohonan, dasar=registered.get(a.nik, {}))
            for key, value in values.items():
                setattr(
                    row,
                    key,
                    value.strip().upper()
                    if isinstance(value, str) and key in {"tempat_lahir", "pekerjaan", "nama_ayah", "nama_ibu"}
                    else value,
                )
            fields = list(values)
            (added if row.pk is None else kept).append(row)
            keep.add(a.nik)
        # the staged members in bulk, each with its history row
        if added:
            bulk_create_with_history(added, AnggotaKeluarga, default_user=user)
        if kept:
            bulk_update_with_history(kept, AnggotaKeluarga, fields, default_user=user)
        for nik, row in existing.items():
            if nik not in keep:
                row._history_user = user
                row.delete()
    return permohonan


def permohonan_kk_refresh(*, berkas_id: int) -> bool:
    """The operator opens the entry: until the operator's first save, the staged family is restaged
    from the register as it is now, so the base of the change set is what the operator sees. After
    that save the entry is the operator's (a refused approval rebases it: ``rebase_kk``)."""
    with transaction.atomic():
        permohonan = (
            PermohonanKK.objects.select_for_update(of=("self",))
            .select_related("keluarga", "keluarga_asal", "berkas")
            .get(berkas_id=berkas_id)
        )
        if permohonan.berkas.status not in ENTRY_STATUSES or permohonan.history.filter(history_type="~").exists():
            return False
        return kind_of(permohonan).refresh_from_register(permohonan)


def needs_biometric(permohonan: PermohonanKK, anggota: list[AnggotaKeluarga]) -> list[AnggotaKeluarga]:
    """Members of 17 and older who join the family through this berkas and still need the check."""
    return [a for a in biometric_candidates(permohonan, anggota) if not a.biometrik_dicek]


def biometric_candidates(permohonan: PermohonanKK, anggota: list[AnggotaKeluarga]) -> list[AnggotaKeluarga]:
    """Members of 17 and older who join the family through this berkas (tambah anggota, rentan)."""
    return kind_of(permohonan).biometric_candidates(permohonan, anggota)


def permohonan_kk_missing_data(berkas: Berkas) -> list[str]:
    permohonan = PermohonanKK.objects.get(berkas=berkas)
    return kind_of(permohonan).missing(permohonan)
