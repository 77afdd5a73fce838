"""KK data entry by the operator SIAK; state changes of the berkas stay in dukcapil.services."""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Berkas, User
from dukcapil.nik import clean_nik, nik_mismatches
from dukcapil.workflow.permissions import Aksi, can

from .choices import AlasanPengurangan, Hubungan, JenisPermohonanKK
from .models import ADDRESS_FIELDS, AnggotaKeluarga, Penduduk, PermohonanKK, usia
from .register import (
    NEW_FAMILY,
    PERSON_FIELDS,
    active_members,
    apply_permohonan_kk,
    check_kk_members,
    default_kode_wilayah,
    keluarga_by_nomor,
    rebase_permohonan_kk,
    snapshot,
)

ENTRY_STATUSES = (Status.DITERIMA, Status.PERBAIKAN)
J = JenisPermohonanKK
# The KK variants each layanan offers at the counter (the first is the default).
JENIS_LAYANAN = {
    "kk": [J.BARU, J.HILANG, J.RUSAK, J.PERUBAHAN_DATA],
    "kk-hilang": [J.HILANG, J.RUSAK],
    "kk-tambah-anggota": [J.TAMBAH_ANGGOTA],
    "kk-kurang-anggota": [J.KURANG_ANGGOTA],
    "kk-perubahan-data": [J.PERUBAHAN_DATA],
    "kk-pisah": [J.PISAH],
    "penduduk-rentan": [J.RENTAN],
    "skdwni": [J.DATANG],
    "skdln": [J.DATANG_LN],
}
NEW_NUMBER = NEW_FAMILY + (J.DATANG, J.DATANG_LN)
# Members 17 and older who join a family through these variants get a biometric check first
# (Lumajang "Penambahan Anggota Keluarga" step 3; Probolinggo P.4.5 step 2).
BIOMETRIK = (J.TAMBAH_ANGGOTA, J.RENTAN)


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
    allowed = JENIS_LAYANAN.get(layanan_kode or berkas.layanan.kode, [J.BARU])
    jenis = jenis if jenis in allowed else allowed[0]
    permohonan = PermohonanKK(
        berkas=berkas,
        jenis=jenis,
        kabupaten_kota=settings.OFFICE["kabupaten_kota"].upper(),
        provinsi=settings.OFFICE["provinsi"].upper(),
        kode_wilayah=default_kode_wilayah() if jenis in NEW_NUMBER else "",
        alasan=alasan if jenis == J.KURANG_ANGGOTA else "",
    )
    if jenis == J.KURANG_ANGGOTA and alasan not in AlasanPengurangan.values:
        raise BerkasInvalid(
            "Pilih alasan pengurangan anggota.", fields={"alasan": ["Alasan pengurangan wajib dipilih."]}
        )
    if jenis in NEW_NUMBER and jenis != J.PISAH:
        permohonan.save()
        return permohonan
    nomor_kk = (nomor_kk or "").strip()
    if not re.fullmatch(r"\d{16}", nomor_kk):
        raise BerkasInvalid(
            "Nomor KK yang dimohonkan wajib diisi (16 digit).", fields={"nomor_kk": ["Nomor KK harus 16 digit."]}
        )
    keluarga = keluarga_by_nomor(nomor_kk)
    members = active_members(keluarga)
    if berkas.pemohon_nik not in {p.nik for p in members}:
        raise BerkasInvalid(
            f"Pemohon bukan anggota KK {nomor_kk}; permohonan KK diajukan oleh anggota keluarga tersebut.",
            fields={"nik": ["Pemohon tidak tercatat dalam KK ini."]},
        )
    for field in ADDRESS_FIELDS:
        setattr(permohonan, field, getattr(keluarga, field))
    if jenis != J.PISAH:
        permohonan.dasar = snapshot(keluarga)
    if jenis == J.PISAH:
        permohonan.keluarga_asal = keluarga
    else:
        permohonan.keluarga = keluarga
        permohonan.nomor_kk = keluarga.nomor_kk
    permohonan.save()
    for urutan, person in enumerate(members, start=1):
        AnggotaKeluarga.objects.create(
            permohonan=permohonan,
            urutan=urutan,
            nik=person.nik,
            hubungan=person.hubungan,
            dasar=snapshot(person),
            **{f: getattr(person, f) for f in PERSON_FIELDS},
        )
    return permohonan


def kk_persyaratan_facts(berkas: Berkas) -> dict:
    permohonan = PermohonanKK.objects.get(berkas=berkas)
    words = {J.HILANG: {"hilang"}, J.RUSAK: {"rusak"}, J.PERUBAHAN_DATA: {"perubahan"}}.get(permohonan.jenis, set())
    if permohonan.alasan:
        words = words | {permohonan.alasan}
    return {"kata": words}


def apply_kk_effects(berkas: Berkas, user: User) -> None:
    apply_permohonan_kk(PermohonanKK.objects.select_for_update(of=("self",)).get(berkas=berkas), user)


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
        berkas = Berkas.objects.select_for_update().get(pk=berkas_id)
        if not (can(user, Aksi.ENTRI, berkas.bidang_id)):
            raise BerkasForbidden("Hanya operator SIAK bidang ini yang dapat mengentri data KK.")
        if berkas.status not in ENTRY_STATUSES:
            raise BerkasConflict(
                f"Berkas berstatus «{berkas.get_status_display()}»; data KK hanya dapat diubah "
                "saat berkas berada di operator."
            )
        permohonan = PermohonanKK.objects.select_for_update().get(berkas=berkas)
        if permohonan.jenis == J.KURANG_ANGGOTA:
            permohonan.pengurangan = {nik: a for nik, a in (pengurangan or {}).items() if a}
            anggota = [
                AnggotaData(**{f: getattr(p, f) for f in AnggotaData.__dataclass_fields__})
                for p in active_members(permohonan.keluarga)
                if p.nik not in permohonan.pengurangan
            ]
        if datang is not None:
            permohonan.data = datang
        errors = _validate_anggota(anggota)
        kode = (data.get("kode_wilayah") or "").strip()
        if permohonan.jenis in NEW_NUMBER:
            if not re.fullmatch(r"\d{6}", kode):
                errors["kode_wilayah"] = ["Kode wilayah kecamatan harus 6 digit angka."]
            permohonan.kode_wilayah = kode
        errors.update(check_kk_members(permohonan, [a.nik.strip() for a in anggota]))
        if errors:
            problems = [m for ms in errors.values() for m in ms]
            raise BerkasInvalid("Data KK belum benar: " + " ".join(problems), fields=errors)
        for field in ADDRESS_FIELDS:
            setattr(permohonan, field, (data.get(field) or "").strip().upper())
        permohonan._history_user = user
        permohonan.save()
        existing = {a.nik: a for a in permohonan.anggota.all()}
        # a person already in the register who joins through this entry: the base is what is registered now
        registered = {
            p.nik: snapshot(p)
            for p in Penduduk.objects.filter(nik__in=[a.nik for a in anggota if a.nik not in existing])
        }
        keep: set[str] = set()
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
            row._history_user = user
            row.save()
            keep.add(a.nik)
        for nik, row in existing.items():
            if nik not in keep:
                row._history_user = user
                row.delete()
    return permohonan


def needs_biometric(permohonan: PermohonanKK, anggota: list[AnggotaKeluarga]) -> list[AnggotaKeluarga]:
    """Members of 17 and older who join the family through this berkas and still need the check."""
    return [a for a in biometric_candidates(permohonan, anggota) if not a.biometrik_dicek]


def biometric_candidates(permohonan: PermohonanKK, anggota: list[AnggotaKeluarga]) -> list[AnggotaKeluarga]:
    """Members of 17 and older who join the family through this berkas (tambah anggota, rentan)."""
    if permohonan.jenis not in BIOMETRIK:
        return []
    registered = {p.nik for p in active_members(permohonan.keluarga)} if permohonan.keluarga_id else set()
    return [a for a in anggota if a.nik not in registered and usia(a.tanggal_lahir) >= 17]


def permohonan_kk_missing_data(berkas: Berkas) -> list[str]:
    permohonan = PermohonanKK.objects.get(berkas=berkas)
    missing = []
    if permohonan.jenis in NEW_NUMBER and not permohonan.kode_wilayah:
        missing.append("kode wilayah kecamatan")
    missing += [PermohonanKK._meta.get_field(f).verbose_name for f in ADDRESS_FIELDS if not getattr(permohonan, f)]
    anggota = list(permohonan.anggota.all())
    if not anggota:
        missing.append("anggota keluarga")
    elif sum(1 for a in anggota if a.hubungan == Hubungan.KEPALA_KELUARGA) != 1:
        missing.append("tepat satu kepala keluarga")
    if permohonan.jenis == J.KURANG_ANGGOTA and not permohonan.pengurangan:
        missing.append("anggota yang dikurangi dan alasannya")
    missing += [f"cek biometrik {a.nama}" for a in needs_biometric(permohonan, anggota)]
    return missing
