"""Base classes of the pendaftaran service kinds: the shared flow; each variant overrides what differs.

``PendudukKind``: KTP-el, KIA, pindah and SKTT (one PermohonanPenduduk, the variant's entry form
stored in ``data``). ``KKKind``: the Kartu Keluarga variants (one PermohonanKK with its staged
family).
"""

import re
from typing import ClassVar

from django.conf import settings
from django.utils import timezone

from dukcapil.exceptions import BerkasInvalid
from dukcapil.kinds import ServiceKind, register_kind
from dukcapil.models import Berkas, Dokumen, User
from dukcapil.services import next_serial

from ..choices import Hubungan, StatusPenduduk
from ..forms import PermohonanKKForm
from ..models import ADDRESS_FIELDS, AnggotaKeluarga, Keluarga, Penduduk, PermohonanKK, PermohonanPenduduk, usia
from ..register import (
    PERSON_FIELDS,
    active_members,
    default_kode_wilayah,
    keluarga_by_nomor,
    penduduk_by_nik,
    register_change,
    snapshot,
)


def variant(kode: str, label: str, *layanan: str, **data):
    """Class decorator registering a variant: its code, label, the layanan that offer it (in counter
    order the first registered for a layanan is its default) and the data it differs in from its base."""

    def register(cls: type[ServiceKind]) -> type[ServiceKind]:
        cls.kode, cls.label, cls.layanan = kode, label, layanan
        for name, value in data.items():
            setattr(cls, name, value)
        return register_kind(cls)

    return register


def own_variant(kode: str, label: str, **data):
    """A variant that is its own layanan, berkas family and document (SKPWNI, SKPLN, batal pindah, KIA)."""
    return variant(kode, label, kode, family=f"pendaftaran.{kode}", document_jenis=kode, **data)


# Person fields an entry form may start from what the register holds.
INITIAL_FIELDS = (
    "pekerjaan",
    "status_perkawinan",
    "agama",
    "pendidikan",
    "golongan_darah",
    "negara",
    "no_paspor",
    "no_kitap",
    "sponsor",
    "no_akta_kelahiran",
)


def next_nomor_dokumen(prefix: str) -> str:
    year = timezone.localdate().year
    return f"{prefix}/{settings.OFFICE['kode_wilayah']}/{year}/{next_serial(f'{prefix}-{year}'):05d}"


def change(person, berkas: Berkas, user: User, base: dict | None, **values) -> None:
    register_change(person, values, base=base, berkas=berkas, user=user)


# --- KTP-el, KIA, pindah, SKTT ------------------------------------------------------------------


class PendudukKind(ServiceKind):
    """A variant recorded as a PermohonanPenduduk: whom it concerns, its entry, its register change."""

    document_jenis: ClassVar[str]  # Dokumen.jenis of the product
    registered_subject: ClassVar[bool] = True  # the pemohon is in the register (SKTT: a newcomer)
    needs_family: ClassVar[bool] = False  # the pemohon's KK is concerned (pindah)
    butuh_anggota: ClassVar[bool] = False  # the operator picks which family members the berkas concerns
    rujukan: ClassVar[tuple[str, ...]] = ()  # Dokumen.jenis of the document the berkas refers to by number
    nomor_prefix: ClassVar[str] = ""  # the product's own number; "" for none (cards)
    blangko: ClassVar[str] = ""  # StokBlangko.Jenis a printed card takes; "" for a paper document
    kartu: ClassVar[str] = ""  # the printed card's design (kartu.JENIS_KARTU)
    kartu_hingga_usia: ClassVar[int | None] = None  # the card is valid until this age (KIA); else lifelong/izin
    luar_negeri: ClassVar[bool] = False  # the move is abroad (SKPLN)
    pembatalan: ClassVar[bool] = False  # the document cancels the one it refers to (batal pindah)
    catatan: ClassVar[str] = ""  # footnote of the document; {berlaku} is its validity date

    # at the counter

    def allowed_statuses(self) -> tuple[str, ...]:
        # someone holding an SKPWNI has not left yet: they may still cancel, replace or extend it
        return (StatusPenduduk.AKTIF,) + ((StatusPenduduk.PINDAH, StatusPenduduk.PINDAH_LN) if self.rujukan else ())

    def open(self, berkas: Berkas) -> PermohonanPenduduk:
        """Check the register's preconditions for this variant and open the permohonan."""
        permohonan = PermohonanPenduduk(berkas=berkas, jenis=self.kode)
        if self.registered_subject:
            person = penduduk_by_nik(berkas.pemohon_nik)
            if person.status not in self.allowed_statuses():
                raise BerkasInvalid(
                    f"NIK pemohon berstatus «{person.get_status_display()}» dalam database kependudukan.",
                    fields={"nik": ["Penduduk tidak aktif."]},
                )
            if person.nama != berkas.pemohon_nama or person.tanggal_lahir != berkas.pemohon_tanggal_lahir:
                raise BerkasInvalid(
                    "Nama atau tanggal lahir pemohon tidak sama dengan database kependudukan.",
                    fields={"nama": ["Periksa nama dan tanggal lahir sesuai KK."]},
                )
            self.check_subject(person, berkas)
            permohonan.penduduk = person
            permohonan.keluarga = person.keluarga
        permohonan.save(force_insert=True)  # its key is the new berkas: no UPDATE tried first
        return permohonan

    def check_subject(self, person: Penduduk, berkas: Berkas) -> None:
        """Raise BerkasInvalid when the register says this person cannot have this service."""
        if self.needs_family and person.keluarga is None:
            raise BerkasInvalid("Pemohon tidak tercatat dalam KK mana pun.", fields={"nik": ["Tidak ada KK."]})

    def persyaratan_facts(self, permohonan: PermohonanPenduduk) -> dict:
        return {"usia": usia(permohonan.berkas.pemohon_tanggal_lahir), **super().persyaratan_facts(permohonan)}

    # entry

    def initial(self, permohonan: PermohonanPenduduk) -> dict:
        initial = dict(permohonan.data)
        person = permohonan.penduduk
        if person is not None:
            for name in INITIAL_FIELDS:
                initial.setdefault(name, getattr(person, name))
            if person.izin_tinggal_hingga:
                initial.setdefault("izin_tinggal_hingga", person.izin_tinggal_hingga)
        return initial

    def form(self, permohonan: PermohonanPenduduk, data=None):
        return self.entry_form(data, initial=self.initial(permohonan))

    def family_members(self, permohonan: PermohonanPenduduk) -> list[Penduduk]:
        """The people the operator may pick from (pindah); none for the other variants."""
        if not self.butuh_anggota or permohonan.keluarga_id is None:
            return []
        return list(permohonan.keluarga.anggota.filter(status=StatusPenduduk.AKTIF).order_by("urutan"))

    def rujukan_problem(self, rujukan: Dokumen) -> str:
        """Why the referred document cannot be used; "" when it can."""
        return ""

    def check_data(self, data: dict) -> dict[str, list[str]]:
        """Register checks of the entered data beyond the form's own."""
        return {}

    def validate_entry(
        self, permohonan: PermohonanPenduduk, data: dict, nik_anggota: list[str] | None
    ) -> tuple[dict, dict[str, list[str]]]:
        """Check what the operator entered against the register; sets the chosen members and the
        referred document on the permohonan. Returns the data to store and {field: [problems]}."""
        errors: dict[str, list[str]] = {}
        if self.butuh_anggota:
            family = {p.nik for p in self.family_members(permohonan)}
            chosen = [n for n in (nik_anggota or []) if n]
            if not chosen:
                errors["nik_anggota"] = ["Pilih anggota keluarga yang pindah."]
            elif set(chosen) - family:
                errors["nik_anggota"] = ["Ada NIK yang bukan anggota KK pemohon."]
            permohonan.nik_anggota = chosen
        if self.rujukan:
            nomor = (data.get("nomor_rujukan") or "").strip().upper()
            rujukan = Dokumen.objects.filter(nomor=nomor, jenis__in=self.rujukan).order_by("-dibuat_pada").first()
            problem = self.rujukan_problem(rujukan) if rujukan is not None else ""
            if rujukan is None:
                errors["nomor_rujukan"] = [f"Dokumen nomor {nomor} tidak ditemukan di kantor ini."]
            elif problem:
                errors["nomor_rujukan"] = [problem]
            else:
                permohonan.dokumen_rujukan = rujukan
                data = {**data, "nomor_rujukan": nomor}
        errors.update(self.check_data(data))
        return data, errors

    def missing(self, permohonan: PermohonanPenduduk) -> list[str]:
        form = self.entry_form(permohonan.data)
        missing = [str(form.fields[name].label) for name in form.errors if name in form.fields]
        if self.butuh_anggota and not permohonan.nik_anggota:
            missing.append("anggota keluarga yang pindah")
        if self.rujukan and permohonan.dokumen_rujukan_id is None:
            missing.append("nomor dokumen rujukan")
        return missing

    # approval

    def change_register(self, permohonan: PermohonanPenduduk, user: User) -> None:
        """The variant's register change, as change sets against what the operator saw."""

    def nomor_dokumen(self, permohonan: PermohonanPenduduk) -> str:
        return next_nomor_dokumen(self.nomor_prefix) if self.nomor_prefix else ""

    def apply_effects(self, permohonan: PermohonanPenduduk, user: User) -> None:
        """The register change and the document number. Writing it again changes nothing."""
        self.change_register(permohonan, user)
        if not permohonan.nomor_dokumen:
            permohonan.nomor_dokumen = self.nomor_dokumen(permohonan)
        if permohonan.diterapkan_pada is None:
            permohonan.diterapkan_pada = timezone.now()
        permohonan._history_user = user
        permohonan.save(update_fields=["penduduk", "asal_anggota", "nomor_dokumen", "diterapkan_pada"])


class RujukanKind(PendudukKind):
    """A replacement or extension of an SKPWNI: the new document keeps the referred one's number."""

    def nomor_dokumen(self, permohonan: PermohonanPenduduk) -> str:
        return permohonan.dokumen_rujukan.nomor  # same number: the new one replaces it


# --- Kartu Keluarga ---------------------------------------------------------------------------------


class KKKind(ServiceKind):
    """A KK variant: the family staged in a PermohonanKK, written to the register at approval."""

    family = "pendaftaran.kk"
    document_jenis: ClassVar[str] = "kk"
    entry_form = PermohonanKKForm
    datang_form: ClassVar[type | None] = None  # arrival data (SKDWNI/SKDLN)
    luar_negeri: ClassVar[bool] = False  # the family arrives from abroad (SKDLN)
    new_number: ClassVar[bool] = False  # the family gets a new nomor KK (the operator gives the kode wilayah)
    asks_nomor_kk: ClassVar[bool] = True  # the counter asks for an existing KK's number
    takes_alasan: ClassVar[bool] = False  # the counter asks for the alasan pengurangan
    biometrik: ClassVar[bool] = False  # members of 17 and older joining the family get a biometric check
    registered_members_only: ClassVar[bool] = False  # every staged NIK must be a registered member

    # at the counter

    def intake_alasan(self, alasan: str) -> str:
        return ""

    def attach(self, permohonan: PermohonanKK, keluarga: Keluarga) -> None:
        """The registered family this berkas is about, with the register's values as the base."""
        permohonan.dasar = snapshot(keluarga)
        permohonan.keluarga = keluarga
        permohonan.nomor_kk = keluarga.nomor_kk

    def open(self, berkas: Berkas, nomor_kk: str = "", alasan: str = "") -> PermohonanKK:
        """For an existing family the register's data is copied in for the operator."""
        permohonan = PermohonanKK(
            berkas=berkas,
            jenis=self.kode,
            kabupaten_kota=settings.OFFICE["kabupaten_kota"].upper(),
            provinsi=settings.OFFICE["provinsi"].upper(),
            kode_wilayah=default_kode_wilayah() if self.new_number else "",
            alasan=self.intake_alasan(alasan),
        )
        if not self.asks_nomor_kk:
            permohonan.save(force_insert=True)  # its key is the new berkas: no UPDATE tried first
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
        self.attach(permohonan, keluarga)
        permohonan.save(force_insert=True)
        self.stage_family(permohonan, members)
        return permohonan

    def stage_family(self, permohonan: PermohonanKK, members: list[Penduduk]) -> None:
        """The registered members as the operator's starting rows, each with its register values as base."""
        for urutan, person in enumerate(members, start=1):
            AnggotaKeluarga.objects.create(  # one by one: each row's history starts here
                permohonan=permohonan,
                urutan=urutan,
                nik=person.nik,
                hubungan=person.hubungan,
                dasar=snapshot(person),
                **{f: getattr(person, f) for f in PERSON_FIELDS},
            )

    def refresh_from_register(self, permohonan: PermohonanKK) -> bool:
        """Before the operator's first save the entry is the register as it is now (the copy made at
        the counter may be days old when the Kasi and Kabid verify first): members, their values and
        the address, each with the register's value as its base. True when anything was restaged."""
        source = permohonan.keluarga or permohonan.keluarga_asal
        if source is None:
            return False
        members = active_members(source)
        staged = list(permohonan.anggota.order_by("urutan"))
        address = snapshot(source) if permohonan.keluarga_id else permohonan.dasar
        if [(a.nik, a.dasar) for a in staged] == [(p.nik, snapshot(p)) for p in members] and (
            address == permohonan.dasar
        ):
            return False
        if permohonan.keluarga_id:
            for field in ADDRESS_FIELDS:
                setattr(permohonan, field, getattr(source, field))
            permohonan.dasar = address
            permohonan.save(update_fields=[*ADDRESS_FIELDS, "dasar"])
        AnggotaKeluarga.objects.filter(pk__in=[a.pk for a in staged]).delete()
        self.stage_family(permohonan, members)
        return True

    def persyaratan_facts(self, permohonan: PermohonanKK) -> dict:
        words = set(self.kata)
        if permohonan.alasan:
            words |= {permohonan.alasan}
        return {"kata": words}

    # entry

    def staged_members(self, permohonan: PermohonanKK, anggota: list, pengurangan: dict[str, str] | None) -> list:
        """The family as entered; a kurang anggota derives it from the register."""
        return anggota

    def may_stay_in(self, permohonan: PermohonanKK, other: Keluarga) -> bool:
        """A staged person still registered in another active KK ``other`` may join this one."""
        return False

    def check_composition(
        self, permohonan: PermohonanKK, staged: set[str], current: set[str], errors: dict[str, list[str]]
    ) -> None:
        """The variant's rules for who the family is, against the registered members ``current``."""

    def check_family(self, permohonan: PermohonanKK, anggota: list) -> list[str]:
        """The variant's rules on the staged rows (NIK and hubungan), e.g. who heads the family."""
        return []

    def check_members(self, permohonan: PermohonanKK, staged: list[str]) -> dict[str, list[str]]:
        """Register rules for the family the operator entered; {field: [messages]} of what is wrong."""
        errors: dict[str, list[str]] = {}
        keluarga = permohonan.keluarga
        current = {p.nik for p in active_members(keluarga)} if keluarga else set()
        existing = {p.nik: p for p in Penduduk.objects.select_related("keluarga").filter(nik__in=staged)}
        for nik in staged:
            person = existing.get(nik)
            if person is None:
                if self.registered_members_only:
                    errors.setdefault("anggota", []).append(f"NIK {nik} bukan anggota KK ini.")
                continue
            if person.status != StatusPenduduk.AKTIF and person.status != StatusPenduduk.PINDAH:
                errors.setdefault("anggota", []).append(
                    f"NIK {nik} ({person.nama}) berstatus «{person.get_status_display()}» dan tidak dapat "
                    "dimasukkan ke KK."
                )
                continue
            other = person.keluarga
            if other is None or not other.aktif or (keluarga and other.pk == keluarga.pk):
                continue
            if self.may_stay_in(permohonan, other):
                continue
            errors.setdefault("anggota", []).append(
                f"NIK {nik} ({person.nama}) masih tercatat sebagai anggota KK {other.nomor_kk}. "
                "Seseorang hanya boleh tercatat dalam satu KK; ajukan pisah KK atau pengurangan anggota lebih dulu."
            )
        self.check_composition(permohonan, set(staged), current, errors)
        return errors

    def biometric_candidates(self, permohonan: PermohonanKK, anggota: list[AnggotaKeluarga]) -> list[AnggotaKeluarga]:
        """Members of 17 and older who join the family through this berkas (tambah anggota, rentan)."""
        if not self.biometrik:
            return []
        registered = {p.nik for p in active_members(permohonan.keluarga)} if permohonan.keluarga_id else set()
        return [a for a in anggota if a.nik not in registered and usia(a.tanggal_lahir) >= 17]

    def missing_own(self, permohonan: PermohonanKK) -> list[str]:
        return []

    def missing(self, permohonan: PermohonanKK) -> list[str]:
        missing = []
        if self.new_number and not permohonan.kode_wilayah:
            missing.append("kode wilayah kecamatan")
        missing += [PermohonanKK._meta.get_field(f).verbose_name for f in ADDRESS_FIELDS if not getattr(permohonan, f)]
        anggota = list(permohonan.anggota.all())
        if not anggota:
            missing.append("anggota keluarga")
        elif sum(1 for a in anggota if a.hubungan == Hubungan.KEPALA_KELUARGA) != 1:
            missing.append("tepat satu kepala keluarga")
        missing += self.missing_own(permohonan)
        missing += [
            f"cek biometrik {a.nama}" for a in self.biometric_candidates(permohonan, anggota) if not a.biometrik_dicek
        ]
        return missing


class ReprintKK(KKKind):
    """A KK printed again: the family's number and members exactly as registered."""

    registered_members_only = True

    def check_composition(self, permohonan, staged, current, errors) -> None:
        if permohonan.keluarga and staged != current:
            errors.setdefault("anggota", []).append(
                "Susunan anggota harus sama dengan KK terdaftar; gunakan layanan penambahan atau pengurangan anggota."
            )
