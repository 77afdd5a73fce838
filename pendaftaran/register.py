"""The population register (Keluarga, Penduduk): the one public module other bidang use.

Reads go by NIK and nomor KK (``penduduk_by_nik``, ``keluarga_by_nomor``, ``active_members``,
``snapshot``); writes are field-level change sets (``register_change``, ``register_create_person``):
each changed field carries the value the operator saw (its base) and the new value. At approval a
field is written only if the register still holds its base; if another approved berkas changed it
in between, ``RegisterConflict`` (409) names the field, that berkas and who approved it, and
nothing is written. Fields an entry did not change are never written. Every write is logged in
``PerubahanRegister`` with the berkas and the approver (a perekaman KTP-el done, recorded without a
berkas, names its source instead: ``pendaftaran.perekaman``). Writing what is already there changes
nothing, so a retried approval or a re-approval after a send-back adds nothing twice.
"""

from datetime import date, datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from dukcapil.exceptions import BerkasInvalid, EffectsConflict
from dukcapil.models import Berkas, User
from dukcapil.nik import mask_nik
from dukcapil.services import next_free_number

from .choices import AlasanPengurangan, Hubungan, StatusPenduduk
from .models import ADDRESS_FIELDS, AnggotaKeluarga, Keluarga, Penduduk, PermohonanKK, PerubahanRegister

# What an entry may change of a person, and what a snapshot (the base) holds.
PLACE_FIELDS = ["keluarga", "hubungan", "urutan", "status"]

PERSON_FIELDS = [
    "nama",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "agama",
    "pendidikan",
    "pekerjaan",
    "golongan_darah",
    "status_perkawinan",
    "tanggal_perkawinan",
    "kewarganegaraan",
    "no_paspor",
    "no_kitap",
    "nama_ayah",
    "nama_ibu",
]

SNAPSHOT_FIELDS = [
    *PERSON_FIELDS,
    *PLACE_FIELDS,
    "agama",
    "negara",
    "izin_tinggal_hingga",
    "sponsor",
    "no_akta_kelahiran",
    "no_akta_perkawinan",
    "tanggal_kematian",
    "perekaman_pada",
]
SNAPSHOT_FIELDS = list(dict.fromkeys(SNAPSHOT_FIELDS))
FAMILY_FIELDS = [*ADDRESS_FIELDS, "aktif"]


# --- change sets ----------------------------------------------------------------------------------


class RegisterConflict(EffectsConflict):
    """The register no longer holds what the operator saw: another approved change came first."""


def _plain(value):
    """A register value as it is compared and logged: dates as ISO text, a KK by its number."""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Keluarga):
        return value.nomor_kk
    return value


def snapshot(row: Penduduk | Keluarga) -> dict:
    """The row's values as an operator sees them: the base of a later change set."""
    fields = SNAPSHOT_FIELDS if isinstance(row, Penduduk) else FAMILY_FIELDS
    return {f: _plain(getattr(row, f)) for f in fields}


def _text(row, field: str, value) -> str:
    if value in (None, ""):
        return "-"
    model_field = row._meta.get_field(field)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def _who(row) -> str:
    if isinstance(row, Penduduk):
        return f"{row.nama} (NIK {mask_nik(row.nik)})"
    return f"KK {row.nomor_kk}"


def _owner(row) -> dict:
    return {"penduduk": row} if isinstance(row, Penduduk) else {"keluarga": row}


def _last_change(row, field: str) -> PerubahanRegister | None:
    return (
        PerubahanRegister.objects.filter(field=field, **_owner(row))
        .select_related("berkas", "disetujui_oleh")
        .order_by("-waktu", "-pk")
        .first()
    )


def _conflict(row, field: str, base, current) -> RegisterConflict:
    label = str(row._meta.get_field(field).verbose_name)
    last = _last_change(row, field)
    seen, now = _text(row, field, base), _text(row, field, current)
    if last is not None and last.berkas is None:
        by = (
            f"oleh {last.sumber or 'petugas'} ({last.disetujui_oleh}) "
            f"pada {timezone.localtime(last.waktu):%d-%m-%Y %H:%M}"
        )
    elif last is not None:
        by = (
            f"oleh berkas {last.berkas.nomor_registrasi} yang disetujui {last.disetujui_oleh} "
            f"pada {timezone.localtime(last.waktu):%d-%m-%Y %H:%M}"
        )
    else:
        by = "di luar berkas"
    return RegisterConflict(
        f"«{label.capitalize()}» {_who(row)} sudah diubah {by}: semula «{seen}» (yang dilihat operator), "
        f"sekarang «{now}». Perubahan berkas ini tidak diterapkan; berkas dikembalikan ke operator untuk "
        "dientri ulang dari database kependudukan terkini.",
        field=field,
    )


def _resolve(field: str, value):
    if field == "keluarga" and isinstance(value, str):
        return Keluarga.objects.get(nomor_kk=value)
    return value


def register_change(
    row: Penduduk | Keluarga, new: dict, *, base: dict | None, berkas: Berkas | None, user: User, sumber: str = ""
) -> list[str]:
    """Apply one row's change set; returns the fields written.

    ``berkas`` is the approved berkas; a change recorded outside a berkas (a perekaman KTP-el done)
    passes ``berkas=None`` and names itself in ``sumber``.

    ``base`` holds, per field, what the operator saw; a field missing from it (or ``base=None``)
    is written without that check (a number the system gives, an informational note). A field
    whose new value equals its base was not changed by the entry and is left alone.
    """
    if new and row.pk is not None:
        # compare with the register as it is now, under the row's lock: a concurrent approval waits
        locked = type(row).objects.select_for_update(of=("self",)).get(pk=row.pk)
        for name in new:
            attname = row._meta.get_field(name).attname
            if getattr(row, attname) != getattr(locked, attname):
                setattr(row, attname, getattr(locked, attname))
    log = _stage_change(row, new, base=base, berkas=berkas, user=user, sumber=sumber)
    changed = [entry.field for entry in log]
    if changed:
        row._history_user = user
        row.save(update_fields=changed)
        PerubahanRegister.objects.bulk_create(log)
    return changed


def _stage_change(
    row: Penduduk | Keluarga, new: dict, *, base: dict | None, berkas: Berkas | None, user: User, sumber: str = ""
) -> list[PerubahanRegister]:
    """``register_change`` without the writes: the row (holding the register's current values, under
    its lock) takes the changed fields in memory; the PerubahanRegister rows of the change, unsaved.
    Raises RegisterConflict (nothing written) when a field no longer holds its base."""
    base = base or {}
    log: list[PerubahanRegister] = []
    for field, value in new.items():
        target, current = _plain(value), _plain(getattr(row, field))
        if field in base and target == base[field]:
            continue  # not changed by this entry: whatever the register holds now stays
        if current == target:
            continue
        if field in base and current != base[field]:
            last = _last_change(row, field)
            if last is None or berkas is None or last.berkas_id != berkas.pk or last.nilai_baru != current:
                raise _conflict(row, field, base[field], current)
        setattr(row, field, _resolve(field, value))
        log.append(
            PerubahanRegister(
                field=field,
                label=str(row._meta.get_field(field).verbose_name),
                nilai_lama=current,
                nilai_baru=target,
                teks_lama=_text(row, field, current)[:300],
                teks_baru=_text(row, field, target)[:300],
                berkas=berkas,
                sumber=sumber[:200],
                disetujui_oleh=user,
                **_owner(row),
            )
        )
    return log


def register_create_person(*, nik: str, values: dict, berkas: Berkas, user: User, nik_baru: bool = False) -> Penduduk:
    """A person new to the register (a birth, a newcomer, an orang asing): every field is logged.

    ``nik_baru``: the NIK was just given by ``next_nik`` (which skips NIKs held), not checked again."""
    if not nik_baru and Penduduk.objects.filter(nik=nik).exists():
        raise RegisterConflict(f"NIK {mask_nik(nik)} sudah terdaftar dalam database kependudukan.", field="nik")
    person, log = _new_person(nik=nik, values=values, berkas=berkas, user=user)
    person.save()
    PerubahanRegister.objects.bulk_create(log)
    return person


def _new_person(*, nik: str, values: dict, berkas: Berkas, user: User) -> tuple[Penduduk, list[PerubahanRegister]]:
    """A person new to the register, unsaved, and the PerubahanRegister rows of every field given."""
    person = Penduduk(nik=nik, **{f: _resolve(f, v) for f, v in values.items()})
    person._history_user = user
    log = [
        PerubahanRegister(
            penduduk=person,
            field=field,
            label=str(Penduduk._meta.get_field(field).verbose_name),
            nilai_baru=_plain(value),
            teks_baru=_text(person, field, _plain(value))[:300],
            teks_lama="-",
            berkas=berkas,
            disetujui_oleh=user,
        )
        for field, value in values.items()
        if value not in (None, "")
    ]
    return person, log


class RegisterBatch:
    """Register writes of one approval collected and written in bulk: the people new to the register
    in one insert, the changed ones in one update (each with its history row, two inserts), every
    PerubahanRegister row in one insert. A change is staged against the row as it is passed in: rows
    locked in this transaction (``select_for_update``), so the check against the base holds."""

    def __init__(self, *, berkas: Berkas | None, user: User):
        self.berkas, self.user = berkas, user
        self.log: list[PerubahanRegister] = []
        self.created: list[Penduduk] = []
        self.changed: dict[int, Penduduk] = {}
        self.fields: set[str] = set()

    def change(self, person: Penduduk, new: dict, *, base: dict | None) -> None:
        """Stage ``register_change`` of a locked person; RegisterConflict at once, nothing written."""
        person_log = _stage_change(person, new, base=base, berkas=self.berkas, user=self.user)
        if person_log:
            self.changed[person.pk] = person
            self.fields.update(entry.field for entry in person_log)
            self.log.extend(person_log)

    def create(self, *, nik: str, values: dict) -> Penduduk:
        """Stage ``register_create_person`` of a NIK the caller found absent under its lock."""
        person, person_log = _new_person(nik=nik, values=values, berkas=self.berkas, user=self.user)
        self.created.append(person)
        self.log.extend(person_log)
        return person

    def write(self) -> None:
        if self.created:
            bulk_create_with_history(self.created, Penduduk, default_user=self.user)
        if self.changed:
            # rows locked and current: a field changed for one person only is written unchanged for the others
            bulk_update_with_history(list(self.changed.values()), Penduduk, sorted(self.fields), default_user=self.user)
        if self.log:
            PerubahanRegister.objects.bulk_create(self.log)


def register_history(row: Penduduk | Keluarga) -> models.QuerySet[PerubahanRegister]:
    """Who changed what of a person or family, newest first, in labels and names."""
    return PerubahanRegister.objects.filter(**_owner(row)).select_related("berkas", "disetujui_oleh")


def rebase_rows(staged_rows, current: dict[str, dict], fields: list[str], conflict_field: str | None) -> None:
    """After a conflict: staged values the operator had not changed (and the conflicting one) take the
    register's current values, and the base becomes the current register, for the re-entry."""
    for row in staged_rows:
        fresh = current.get(row.nik)
        if not fresh:
            continue
        for f in fields:
            if f in fresh and (_plain(getattr(row, f)) == row.dasar.get(f) or f == conflict_field):
                model_field = row._meta.get_field(f)
                value = fresh[f]
                if isinstance(model_field, models.DateField) and isinstance(value, str):
                    value = date.fromisoformat(value)
                setattr(row, f, value)
        row.dasar = fresh


STATUS_FOR_ALASAN = {
    AlasanPengurangan.MENINGGAL: StatusPenduduk.MENINGGAL,
    AlasanPengurangan.PINDAH: StatusPenduduk.PINDAH,
    AlasanPengurangan.GANDA: StatusPenduduk.GANDA,
    AlasanPengurangan.CERAI: StatusPenduduk.AKTIF,  # leaves this KK, joins or founds another
}


def default_kode_wilayah() -> str:
    return settings.OFFICE["kode_wilayah"] + "01"


def next_nomor_kk(kode_wilayah: str, day=None) -> str:
    """Nomor KK: 6-digit kode wilayah kecamatan + date of issue (DDMMYY) + 4-digit serial.

    The serial comes from a locked counter per wilayah and day, so two KK issued at once never
    share a number.
    """
    day = day or timezone.localdate()
    return next_free_number(f"NOMOR-KK-{kode_wilayah}{day:%d%m%y}", f"{kode_wilayah}{day:%d%m%y}", Keluarga, "nomor_kk")


def keluarga_by_nomor(nomor_kk: str) -> Keluarga:
    keluarga = Keluarga.objects.filter(nomor_kk=nomor_kk).first()
    if keluarga is None:
        raise BerkasInvalid(
            f"Nomor KK {nomor_kk} tidak ada dalam database kependudukan.",
            fields={"nomor_kk": ["Nomor KK tidak ditemukan."]},
        )
    if not keluarga.aktif:
        raise BerkasInvalid(f"KK {nomor_kk} sudah tidak aktif.", fields={"nomor_kk": ["KK ini sudah tidak aktif."]})
    return keluarga


def penduduk_by_nik(nik: str, *, field: str = "nik") -> Penduduk:
    penduduk = Penduduk.objects.select_related("keluarga").filter(nik=nik).first()
    if penduduk is None:
        raise BerkasInvalid(
            f"NIK {nik} tidak ada dalam database kependudukan.", fields={field: ["NIK tidak ditemukan."]}
        )
    return penduduk


def active_members(keluarga: Keluarga) -> list[Penduduk]:
    return list(keluarga.anggota.filter(status=StatusPenduduk.AKTIF).order_by("urutan", "pk"))


@transaction.atomic(savepoint=False)  # a conflict rolls back the approval's whole transaction
def apply_permohonan_kk(permohonan: PermohonanKK, user: User) -> Keluarga:
    """Write the KK entry's change set: only what the operator changed, each against its base.

    In bulk: the members new to the register in one insert, the changed ones in one update (each
    with its history row), every PerubahanRegister row in one insert; a new family is inserted
    with its address."""
    berkas = permohonan.berkas
    address = {f: getattr(permohonan, f) for f in ADDRESS_FIELDS}
    log: list[PerubahanRegister] = []
    new_family = permohonan.keluarga_id is None
    if new_family:
        nomor = permohonan.nomor_kk or next_nomor_kk(permohonan.kode_wilayah or default_kode_wilayah())
        keluarga = Keluarga(nomor_kk=nomor)
        log += _stage_change(keluarga, {**address, "aktif": True}, base=permohonan.dasar, berkas=berkas, user=user)
        keluarga._history_user = user
        if permohonan.nomor_kk and Keluarga.objects.filter(nomor_kk=nomor).exists():  # a number typed in
            raise BerkasInvalid(f"Nomor KK {nomor} sudah dipakai KK lain.")
        keluarga.save()
        permohonan.keluarga = keluarga
        permohonan.nomor_kk = nomor
    else:
        # the family under its lock: a concurrent approval of the same KK waits
        keluarga = Keluarga.objects.select_for_update().get(pk=permohonan.keluarga_id)
        permohonan.keluarga = keluarga
        family_log = _stage_change(
            keluarga, {**address, "aktif": True}, base=permohonan.dasar, berkas=berkas, user=user
        )
        if family_log:
            keluarga._history_user = user
            keluarga.save(update_fields=[entry.field for entry in family_log])
            log += family_log
    staged: list[AnggotaKeluarga] = list(permohonan.anggota.order_by("urutan"))
    staged_niks = {a.nik for a in staged}
    locked = Penduduk.objects.select_for_update(of=("self",)).select_related("keluarga")
    people = {p.nik: p for p in locked.filter(nik__in=staged_niks)}
    batch = RegisterBatch(berkas=berkas, user=user)
    batch.log.extend(log)  # the family's
    for a in staged:
        values = {f: getattr(a, f) for f in PERSON_FIELDS}
        # the family itself (logged by its nomor): no lookup by number per member
        values.update(keluarga=keluarga, hubungan=a.hubungan, urutan=a.urutan, status=StatusPenduduk.AKTIF)
        person = people.get(a.nik)
        if person is None:
            batch.create(nik=a.nik, values=values)
            continue
        if person.keluarga_id and person.keluarga_id != keluarga.pk:
            values["keterangan_status"] = f"Pindah dari KK {person.keluarga.nomor_kk} ({berkas})"
        batch.change(person, values, base=a.dasar)
    leaving = (
        []
        if new_family  # nobody belongs to a family inserted just now
        else locked.filter(keluarga=keluarga, status=StatusPenduduk.AKTIF).exclude(nik__in=staged_niks)
    )
    for person in leaving:
        alasan = permohonan.pengurangan.get(person.nik, AlasanPengurangan.PINDAH)
        batch.change(
            person,
            {
                "status": STATUS_FOR_ALASAN[alasan],
                "keterangan_status": f"{AlasanPengurangan(alasan).label} ({berkas})",
                "keluarga": None,
                "hubungan": "",
            },
            base={"status": StatusPenduduk.AKTIF, "keluarga": keluarga.nomor_kk},
        )
    batch.write()
    asal = permohonan.keluarga_asal
    if asal is not None and asal.aktif and not asal.anggota.filter(status=StatusPenduduk.AKTIF).exists():
        register_change(asal, {"aktif": False}, base=None, berkas=berkas, user=user)
    if permohonan.diterapkan_pada is None:
        permohonan.diterapkan_pada = timezone.now()
    permohonan._history_user = user
    permohonan.save(update_fields=["keluarga", "nomor_kk", "diterapkan_pada"])
    return keluarga


def rebase_permohonan_kk(permohonan: PermohonanKK, conflict: RegisterConflict) -> None:
    """Back to the operator after a conflict: the entry starts again from the register as it is now."""
    rows = list(permohonan.anggota.order_by("urutan"))
    current = {p.nik: snapshot(p) for p in Penduduk.objects.filter(nik__in=[a.nik for a in rows])}
    rebase_rows(rows, current, [*PERSON_FIELDS, "hubungan"], conflict.field)
    for row in rows:
        row.save(update_fields=[*PERSON_FIELDS, "hubungan", "dasar"])
    if permohonan.keluarga_id:
        fresh = snapshot(permohonan.keluarga)
        for f in ADDRESS_FIELDS:
            if getattr(permohonan, f) == permohonan.dasar.get(f) or f == conflict.field:
                setattr(permohonan, f, fresh[f])
        permohonan.dasar = fresh
        permohonan.save(update_fields=[*ADDRESS_FIELDS, "dasar"])


def kepala_keluarga(keluarga: Keluarga) -> Penduduk | None:
    return keluarga.anggota.filter(status=StatusPenduduk.AKTIF, hubungan=Hubungan.KEPALA_KELUARGA).first()


def next_nik(kode_wilayah: str, tanggal_lahir, jenis_kelamin: str) -> str:
    """A new NIK: 6-digit kode wilayah kecamatan + DDMMYY (day + 40 for women) + 4-digit serial.

    The serial comes from a locked counter per wilayah and birth date, skipping NIK already held.
    """
    day = tanggal_lahir.day + (40 if jenis_kelamin == "P" else 0)
    prefix = f"{kode_wilayah}{day:02d}{tanggal_lahir:%m%y}"
    return next_free_number(f"NIK-{prefix}", prefix, Penduduk, "nik")


def household_niks(nik: str) -> frozenset[str] | None:
    """The active members (NIKs) of the person's KK, for the pickup desk; None if not in an active KK."""
    try:
        penduduk = penduduk_by_nik(nik)
    except BerkasInvalid:
        return None
    if penduduk.keluarga is None or not penduduk.keluarga.aktif:
        return None
    return frozenset(p.nik for p in active_members(penduduk.keluarga))
