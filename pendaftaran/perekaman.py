"""Perekaman KTP-el: the day's schedule of the perekaman room (office or kecamatan) and its outcome.

The biometric capture itself is done in SIAK. Marking a slot «selesai» records that it happened:
the register's ``perekaman_pada``/``perekaman_lokasi`` are written through ``register_change``
(base: no perekaman yet), so a KTP-el cetak for that person is accepted afterwards. Who may do this
is the permissions table's ``Aksi.PEREKAMAN``.
"""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import User
from dukcapil.nik import clean_nik, mask_nik
from dukcapil.workflow.permissions import Aksi, can_in_bidang

from .choices import StatusPenduduk
from .models import JadwalPerekaman, Penduduk
from .register import penduduk_by_nik, register_change

REGISTER_BIDANG = "pendaftaran"  # the register, and its perekaman, are kept by this bidang


def may_record(user: User) -> bool:
    return can_in_bidang(user, Aksi.PEREKAMAN, REGISTER_BIDANG)


def _ensure(user: User) -> None:
    if not may_record(user):
        raise BerkasForbidden("Perekaman KTP-el hanya dicatat oleh operator SIAK bidang Pendaftaran Penduduk atau ADB.")


def jadwal_hari(user: User, tanggal: date) -> QuerySet[JadwalPerekaman]:
    """The day's schedule, in slot order (one query: person and operator joined)."""
    _ensure(user)
    return JadwalPerekaman.objects.filter(tanggal=tanggal).select_related("penduduk", "operator").order_by("jam", "pk")


def perekaman_jadwalkan(
    *, user: User, nik: str, tanggal: date, jam: time, tempat: str = JadwalPerekaman.Tempat.KANTOR, kecamatan: str = ""
) -> JadwalPerekaman:
    """Schedule a person (by NIK) for perekaman on ``tanggal`` at ``jam``."""
    _ensure(user)
    try:
        nik = clean_nik(nik)
    except ValidationError as exc:
        raise BerkasInvalid(" ".join(exc.messages), fields={"nik": exc.messages}) from None
    kecamatan = (kecamatan or "").strip().upper()
    if tempat == JadwalPerekaman.Tempat.KECAMATAN and not kecamatan:
        raise BerkasInvalid("Sebutkan kecamatan tempat perekaman.", fields={"kecamatan": ["Wajib diisi."]})
    if tempat != JadwalPerekaman.Tempat.KECAMATAN:
        kecamatan = ""
    if tanggal < timezone.localdate():
        raise BerkasInvalid("Tanggal perekaman sudah lewat.", fields={"tanggal": ["Tanggal sudah lewat."]})
    person = penduduk_by_nik(nik)
    if person.status != StatusPenduduk.AKTIF:
        raise BerkasInvalid(
            f"{person.nama} (NIK {mask_nik(nik)}) berstatus «{person.get_status_display()}» dalam database "
            "kependudukan; tidak dapat dijadwalkan perekaman.",
            fields={"nik": ["Penduduk tidak aktif."]},
        )
    if person.perekaman_pada is not None:
        raise BerkasInvalid(
            f"{person.nama} (NIK {mask_nik(nik)}) sudah perekaman KTP-el pada "
            f"{timezone.localtime(person.perekaman_pada):%d-%m-%Y} ({person.perekaman_lokasi}).",
            fields={"nik": ["Sudah perekaman."]},
        )
    open_slot = JadwalPerekaman.objects.filter(penduduk=person, status=JadwalPerekaman.Status.DIJADWALKAN).first()
    if open_slot is not None:
        raise _duplicate(person, open_slot)
    try:
        with transaction.atomic():
            return JadwalPerekaman.objects.create(
                penduduk=person, tanggal=tanggal, jam=jam, tempat=tempat, kecamatan=kecamatan, dijadwalkan_oleh=user
            )
    except IntegrityError:  # scheduled by another operator at the same moment
        open_slot = JadwalPerekaman.objects.filter(penduduk=person, status=JadwalPerekaman.Status.DIJADWALKAN).first()
        raise _duplicate(person, open_slot) from None


def _duplicate(person: Penduduk, slot: JadwalPerekaman | None) -> BerkasConflict:
    when = f" pada {slot.tanggal:%d-%m-%Y} pukul {slot.jam:%H:%M} di {slot.lokasi}" if slot else ""
    return BerkasConflict(
        f"{person.nama} (NIK {mask_nik(person.nik)}) sudah dijadwalkan perekaman{when}. Tandai jadwal itu "
        "selesai atau tidak hadir lebih dahulu.",
        fields={"nik": ["Sudah dijadwalkan."]},
    )


def _lock_open(jadwal_id: int) -> JadwalPerekaman:
    jadwal = (
        JadwalPerekaman.objects.select_for_update(of=("self",)).select_related("penduduk").filter(pk=jadwal_id).first()
    )
    if jadwal is None:
        raise BerkasInvalid("Jadwal perekaman tidak ditemukan.")
    if jadwal.status != JadwalPerekaman.Status.DIJADWALKAN:
        raise BerkasConflict(f"Jadwal perekaman {jadwal.penduduk.nama} sudah ditandai «{jadwal.get_status_display()}».")
    return jadwal


@transaction.atomic
def perekaman_selesai(*, user: User, jadwal_id: int) -> JadwalPerekaman:
    """The person was recorded in SIAK: close the slot and write the register's perekaman."""
    _ensure(user)
    jadwal = _lock_open(jadwal_id)
    if jadwal.tanggal > timezone.localdate():
        raise BerkasConflict(f"Jadwal ini untuk {jadwal.tanggal:%d-%m-%Y}; perekaman belum dapat ditandai selesai.")
    now = timezone.now()
    person = Penduduk.objects.select_for_update(of=("self",)).get(pk=jadwal.penduduk_id)
    register_change(
        person,
        {"perekaman_pada": now, "perekaman_lokasi": jadwal.lokasi},
        base={"perekaman_pada": None},
        berkas=None,
        user=user,
        sumber=f"Perekaman KTP-el {jadwal.tanggal:%d-%m-%Y} di {jadwal.lokasi}",
    )
    jadwal.status = JadwalPerekaman.Status.SELESAI
    jadwal.operator = user
    jadwal.diproses_pada = now
    jadwal.save(update_fields=["status", "operator", "diproses_pada"])
    return jadwal


@transaction.atomic
def perekaman_tidak_hadir(*, user: User, jadwal_id: int) -> JadwalPerekaman:
    """The person did not come: the slot is closed, the register unchanged; they may be scheduled again."""
    _ensure(user)
    jadwal = _lock_open(jadwal_id)
    jadwal.status = JadwalPerekaman.Status.TIDAK_HADIR
    jadwal.operator = user
    jadwal.diproses_pada = timezone.now()
    jadwal.save(update_fields=["status", "operator", "diproses_pada"])
    return jadwal
