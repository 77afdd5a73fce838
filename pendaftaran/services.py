"""KK data entry by the operator SIAK; state changes of the berkas stay in dukcapil.services."""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Berkas, User, user_can_access_bidang, user_has_role_perm
from dukcapil.nik import clean_nik, nik_mismatches

from .choices import Hubungan
from .models import AnggotaKeluarga, PermohonanKK

ENTRY_STATUSES = (Status.DITERIMA, Status.PERBAIKAN)
ADDRESS_FIELDS = ("alamat", "rt", "rw", "desa_kelurahan", "kecamatan", "kabupaten_kota", "provinsi", "kode_pos")


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


def permohonan_kk_create(*, berkas: Berkas, jenis: str) -> PermohonanKK:
    """Called at registration; the family data comes later from the operator."""
    return PermohonanKK.objects.create(
        berkas=berkas,
        jenis=jenis,
        kabupaten_kota=settings.OFFICE["kabupaten_kota"].upper(),
        provinsi=settings.OFFICE["provinsi"].upper(),
    )


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
    *, berkas_id: int, user: User, data: dict[str, str], anggota: list[AnggotaData]
) -> PermohonanKK:
    """Save the family data the operator entered. Allowed while the berkas is with the operator."""
    with transaction.atomic():
        berkas = Berkas.objects.select_for_update().get(pk=berkas_id)
        if not (user_has_role_perm(user, "entri_berkas") and user_can_access_bidang(user, berkas.bidang_id)):
            raise BerkasForbidden("Hanya operator SIAK bidang ini yang dapat mengentri data KK.")
        if berkas.status not in ENTRY_STATUSES:
            raise BerkasConflict(
                f"Berkas berstatus «{berkas.get_status_display()}»; data KK hanya dapat diubah "
                "saat berkas berada di operator."
            )
        errors = _validate_anggota(anggota)
        nomor_kk = (data.get("nomor_kk") or "").strip()
        if nomor_kk and not re.fullmatch(r"\d{16}", nomor_kk):
            errors["nomor_kk"] = ["Nomor KK harus 16 digit angka."]
        if errors:
            raise BerkasInvalid("Data KK belum benar.", fields=errors)
        permohonan = PermohonanKK.objects.select_for_update().get(berkas=berkas)
        permohonan.nomor_kk = nomor_kk
        for field in ADDRESS_FIELDS:
            setattr(permohonan, field, (data.get(field) or "").strip().upper())
        permohonan._history_user = user
        permohonan.save()
        existing = {a.nik: a for a in permohonan.anggota.all()}
        keep: set[str] = set()
        for urutan, a in enumerate(anggota, start=1):
            values = {**a.__dict__, "nama": a.nama.strip().upper(), "urutan": urutan}
            row = existing.get(a.nik) or AnggotaKeluarga(permohonan=permohonan)
            for key, value in values.items():
                setattr(
                    row,
                    key,
                    value.strip().upper()
                    if isinstance(value, str) and key in {"tempat_lahir", "pekerjaan", "nama_ayah", "nama_ibu"}
                    else value,
                )
            row._history_user = user
            row.save()
            keep.add(a.nik)
        for nik, row in existing.items():
            if nik not in keep:
                row._history_user = user
                row.delete()
    return permohonan


def permohonan_kk_missing_data(berkas: Berkas) -> list[str]:
    permohonan = PermohonanKK.objects.get(berkas=berkas)
    missing = []
    if not permohonan.nomor_kk:
        missing.append("nomor KK")
    missing += [PermohonanKK._meta.get_field(f).verbose_name for f in ADDRESS_FIELDS if not getattr(permohonan, f)]
    anggota = list(permohonan.anggota.all())
    if not anggota:
        missing.append("anggota keluarga")
    elif sum(1 for a in anggota if a.hubungan == Hubungan.KEPALA_KELUARGA) != 1:
        missing.append("tepat satu kepala keluarga")
    return missing
