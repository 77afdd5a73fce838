"""The population register (Keluarga, Penduduk): its rules, and how approved berkas change it.

Effects are declarative: applying a permohonan makes the register match what the operator
entered, so running it a second time (a retried step, a correction after the Kadis sent the
berkas back) changes nothing more.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasInvalid
from dukcapil.models import User
from dukcapil.services import next_serial

from .choices import AlasanPengurangan, Hubungan, JenisPermohonanKK, StatusPenduduk
from .models import ADDRESS_FIELDS, AnggotaKeluarga, Keluarga, Penduduk, PermohonanKK

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

# KK variants that keep the family's number and members exactly as registered.
REPRINT = (JenisPermohonanKK.HILANG, JenisPermohonanKK.RUSAK)
# ... that create a new family (and a new number).
NEW_FAMILY = (JenisPermohonanKK.BARU, JenisPermohonanKK.RENTAN, JenisPermohonanKK.PISAH)

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
    key = f"NOMOR-KK-{kode_wilayah}{day:%d%m%y}"
    while True:  # skip numbers a migrated register already holds
        nomor = f"{kode_wilayah}{day:%d%m%y}{next_serial(key):04d}"
        if not Keluarga.objects.filter(nomor_kk=nomor).exists():
            return nomor


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


def check_kk_members(permohonan: PermohonanKK, staged: list[str]) -> dict[str, list[str]]:
    """Register rules for the family the operator entered; {field: [messages]} of what is wrong."""
    errors: dict[str, list[str]] = {}
    jenis = permohonan.jenis
    keluarga = permohonan.keluarga
    current = {p.nik for p in active_members(keluarga)} if keluarga else set()
    existing = {p.nik: p for p in Penduduk.objects.select_related("keluarga").filter(nik__in=staged)}
    for nik in staged:
        person = existing.get(nik)
        if person is None:
            if jenis in REPRINT + (JenisPermohonanKK.PERUBAHAN_DATA, JenisPermohonanKK.KURANG_ANGGOTA):
                errors.setdefault("anggota", []).append(f"NIK {nik} bukan anggota KK ini.")
            continue
        if person.status != StatusPenduduk.AKTIF and person.status != StatusPenduduk.PINDAH:
            errors.setdefault("anggota", []).append(
                f"NIK {nik} ({person.nama}) berstatus «{person.get_status_display()}» dan tidak dapat dimasukkan ke KK."
            )
            continue
        other = person.keluarga
        if other is None or not other.aktif or (keluarga and other.pk == keluarga.pk):
            continue
        if jenis == JenisPermohonanKK.PISAH and permohonan.keluarga_asal_id == other.pk:
            continue
        errors.setdefault("anggota", []).append(
            f"NIK {nik} ({person.nama}) masih tercatat sebagai anggota KK {other.nomor_kk}. "
            "Seseorang hanya boleh tercatat dalam satu KK; ajukan pisah KK atau pengurangan anggota lebih dulu."
        )
    staged_set = set(staged)
    if jenis in REPRINT + (JenisPermohonanKK.PERUBAHAN_DATA,) and keluarga and staged_set != current:
        errors.setdefault("anggota", []).append(
            "Susunan anggota harus sama dengan KK terdaftar; gunakan layanan penambahan atau pengurangan anggota."
        )
    if jenis == JenisPermohonanKK.TAMBAH_ANGGOTA and keluarga:
        if not current <= staged_set:
            errors.setdefault("anggota", []).append("Penambahan anggota tidak boleh mengurangi anggota yang ada.")
        if staged_set == current:
            errors.setdefault("anggota", []).append("Belum ada anggota baru yang ditambahkan.")
    if jenis == JenisPermohonanKK.KURANG_ANGGOTA and keluarga:
        removed = current - staged_set
        if not removed:
            errors.setdefault("anggota", []).append("Pilih anggota yang dikurangi beserta alasannya.")
        if not staged_set <= current:
            errors.setdefault("anggota", []).append("Pengurangan anggota tidak boleh menambah anggota baru.")
        for nik in removed:
            if permohonan.pengurangan.get(nik) not in AlasanPengurangan.values:
                errors.setdefault("pengurangan", []).append(f"Alasan pengurangan untuk NIK {nik} wajib dipilih.")
        if not staged_set:
            errors.setdefault("anggota", []).append("KK tidak boleh kosong; sisakan sedikitnya satu anggota.")
    if jenis == JenisPermohonanKK.PISAH:
        asal = permohonan.keluarga_asal
        if asal is None:
            errors.setdefault("nomor_kk_asal", []).append("Nomor KK asal wajib diisi untuk pisah KK.")
        else:
            from_asal = {p.nik for p in active_members(asal)} & staged_set
            if not from_asal:
                errors.setdefault("anggota", []).append(f"Sedikitnya satu anggota KK asal {asal.nomor_kk} harus pisah.")
            elif from_asal == {p.nik for p in active_members(asal)}:
                errors.setdefault("anggota", []).append(
                    "Semua anggota KK asal ikut pisah; itu perubahan data KK, bukan pisah KK."
                )
    return errors


def _set_fields(row, values: dict) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    return changed


@transaction.atomic
def apply_permohonan_kk(permohonan: PermohonanKK, user: User) -> Keluarga:
    """Make the register match the family entered on this KK berkas. Idempotent."""
    keluarga = permohonan.keluarga
    if keluarga is None:
        nomor = permohonan.nomor_kk or next_nomor_kk(permohonan.kode_wilayah or default_kode_wilayah())
        try:
            with transaction.atomic():
                keluarga = Keluarga.objects.create(nomor_kk=nomor)
        except IntegrityError:
            raise BerkasInvalid(f"Nomor KK {nomor} sudah dipakai KK lain.") from None
        permohonan.keluarga = keluarga
        permohonan.nomor_kk = nomor
    address = {f: getattr(permohonan, f) for f in ADDRESS_FIELDS}
    if _set_fields(keluarga, {**address, "aktif": True}):
        keluarga._history_user = user
        keluarga.save()
    staged: list[AnggotaKeluarga] = list(permohonan.anggota.order_by("urutan"))
    staged_niks = {a.nik for a in staged}
    people = {p.nik: p for p in Penduduk.objects.filter(nik__in=staged_niks)}
    for a in staged:
        person = people.get(a.nik) or Penduduk(nik=a.nik)
        values = {f: getattr(a, f) for f in PERSON_FIELDS}
        values.update(keluarga=keluarga, hubungan=a.hubungan, urutan=a.urutan, status=StatusPenduduk.AKTIF)
        if person.pk and person.keluarga_id and person.keluarga_id != keluarga.pk:
            values["keterangan_status"] = f"Pindah dari KK {person.keluarga.nomor_kk} ({permohonan.berkas})"
        if _set_fields(person, values) or person.pk is None:
            person._history_user = user
            person.save()
    for person in keluarga.anggota.exclude(nik__in=staged_niks).filter(status=StatusPenduduk.AKTIF):
        alasan = permohonan.pengurangan.get(person.nik, AlasanPengurangan.PINDAH)
        person.status = STATUS_FOR_ALASAN[alasan]
        person.keterangan_status = f"{AlasanPengurangan(alasan).label} ({permohonan.berkas})"
        person.keluarga = None
        person.hubungan = ""
        person._history_user = user
        person.save()
    if permohonan.keluarga_asal_id:
        asal = permohonan.keluarga_asal
        if not asal.anggota.filter(status=StatusPenduduk.AKTIF).exists() and asal.aktif:
            asal.aktif = False
            asal._history_user = user
            asal.save()
    if permohonan.diterapkan_pada is None:
        permohonan.diterapkan_pada = timezone.now()
    permohonan._history_user = user
    permohonan.save()
    return keluarga


def kepala_keluarga(keluarga: Keluarga) -> Penduduk | None:
    return keluarga.anggota.filter(status=StatusPenduduk.AKTIF, hubungan=Hubungan.KEPALA_KELUARGA).first()


def next_nik(kode_wilayah: str, tanggal_lahir, jenis_kelamin: str) -> str:
    """A new NIK: 6-digit kode wilayah kecamatan + DDMMYY (day + 40 for women) + 4-digit serial.

    The serial comes from a locked counter per wilayah and birth date, skipping NIK already held.
    """
    day = tanggal_lahir.day + (40 if jenis_kelamin == "P" else 0)
    key = f"NIK-{kode_wilayah}{day:02d}{tanggal_lahir:%m%y}"
    while True:
        nik = f"{kode_wilayah}{day:02d}{tanggal_lahir:%m%y}{next_serial(key):04d}"
        if not Penduduk.objects.filter(nik=nik).exists():
            return nik
