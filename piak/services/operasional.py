"""Writes of PIAK's operational registers; one function per change, each in one transaction."""

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid

from ..models.operasional import (
    AksesDatabase,
    Backup,
    KunjunganRuangServer,
    PemeriksaanPerangkat,
    PerangkatSiak,
    UjiPemulihan,
)
from ..selectors.operasional import boleh_kelola, triwulan_dari

TOLAK = "Hanya ADB dan Kasi PIAK yang mencatat register operasional."


def _cek(user) -> None:
    if not boleh_kelola(user):
        raise BerkasForbidden(TOLAK)


@transaction.atomic
def backup_catat(*, user, data: dict) -> Backup:
    _cek(user)
    return Backup.objects.create(petugas=user, **data)


@transaction.atomic
def backup_uji_catat(*, user, backup_pk: int, tanggal: date, hasil: str, catatan: str = "") -> UjiPemulihan:
    """A restore verification of one backup (never before the backup itself)."""
    _cek(user)
    backup = Backup.objects.select_for_update().get(pk=backup_pk)
    if tanggal < timezone.localtime(backup.waktu).date():
        raise BerkasInvalid("Tanggal uji pemulihan tidak boleh sebelum tanggal backup.")
    if tanggal > timezone.localdate():
        raise BerkasInvalid("Tanggal uji pemulihan tidak boleh di masa depan.")
    return UjiPemulihan.objects.create(backup=backup, tanggal=tanggal, hasil=hasil, catatan=catatan, petugas=user)


@transaction.atomic
def kunjungan_catat(*, user, data: dict) -> KunjunganRuangServer:
    _cek(user)
    keluar = data.get("keluar")
    if keluar and keluar < data["masuk"]:
        raise BerkasInvalid("Waktu keluar tidak boleh sebelum waktu masuk.")
    return KunjunganRuangServer.objects.create(dicatat_oleh=user, **data)


@transaction.atomic
def kunjungan_keluar(*, user, pk: int, keluar: datetime, kunci_dikembalikan: bool) -> KunjunganRuangServer:
    """Closes an open visit: the time out (not before the time in) and the key returned."""
    _cek(user)
    visit = KunjunganRuangServer.objects.select_for_update().get(pk=pk)
    if visit.keluar is not None:
        raise BerkasConflict("Kunjungan ini sudah dicatat keluar.")
    if keluar < visit.masuk:
        raise BerkasInvalid("Waktu keluar tidak boleh sebelum waktu masuk.")
    visit.keluar = keluar
    visit.kunci_dikembalikan = kunci_dikembalikan or visit.kunci_dikembalikan
    visit.save(update_fields=["keluar", "kunci_dikembalikan"])
    return visit


@transaction.atomic
def akses_catat(*, user, data: dict) -> AksesDatabase:
    """A person given access to the database; the pakta (checked by the form) may follow later."""
    _cek(user)
    if data.get("dicabut") and data["dicabut"] < data["diberikan"]:
        raise BerkasInvalid("Tanggal dicabut tidak boleh sebelum tanggal diberikan.")
    return AksesDatabase.objects.create(dicatat_oleh=user, **data)


@transaction.atomic
def akses_pakta_unggah(*, user, pk: int, pakta) -> AksesDatabase:
    _cek(user)
    akses = AksesDatabase.objects.select_for_update().get(pk=pk)
    akses.pakta = pakta
    akses.save(update_fields=["pakta"])
    return akses


@transaction.atomic
def perangkat_catat(*, user, data: dict) -> PerangkatSiak:
    _cek(user)
    if PerangkatSiak.objects.filter(nomor_seri__iexact=data["nomor_seri"]).exists():
        raise BerkasConflict("Nomor seri ini sudah tercatat di inventaris.")
    return PerangkatSiak.objects.create(dicatat_oleh=user, **data)


def perangkat_periksa(
    *, user, perangkat_pk: int, tanggal: date, kondisi: str, catatan: str = ""
) -> PemeriksaanPerangkat:
    """The quarterly check of a device; one per device and quarter (the quarter of ``tanggal``)."""
    _cek(user)
    if tanggal > timezone.localdate():
        raise BerkasInvalid("Tanggal pemeriksaan tidak boleh di masa depan.")
    tahun, triwulan = triwulan_dari(tanggal)
    try:
        with transaction.atomic():
            perangkat = PerangkatSiak.objects.select_for_update().get(pk=perangkat_pk)
            return PemeriksaanPerangkat.objects.create(
                perangkat=perangkat, tahun=tahun, triwulan=triwulan, kondisi=kondisi, catatan=catatan,
                diperiksa_pada=tanggal, pemeriksa=user,
            )  # fmt: skip
    except IntegrityError:
        raise BerkasConflict(f"Perangkat ini sudah diperiksa pada triwulan {triwulan} tahun {tahun}.") from None
