"""Every state change of a berkas goes through here: lock the row, transition, record, enqueue."""

import hashlib
import logging
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, Model, OuterRef
from django.utils import timezone

from . import catalogue
from .choices import FINAL_STATUSES, KategoriBatal, Status
from .exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid, DuplicateBerkas, EffectsConflict
from .hari_kerja import add_hari_kerja
from .models import (
    Berkas,
    Dokumen,
    Layanan,
    NomorUrut,
    Pengambilan,
    User,
)
from .nik import clean_nik, nik_mismatches
from .notifikasi.warga import berkas_kabari
from .penduduk import household_niks
from .persyaratan import persyaratan_wajib
from .registry import get_kind, registered_hooks
from .workflow.permissions import Aksi, can, transition_actions
from .workflow.services import check_allowed, check_expected, record_lock, record_transition

logger = logging.getLogger(__name__)

SYSTEM_USERNAME = "sistem"
RESI = "resi"


@dataclass(frozen=True)
class PemohonData:
    nik: str
    nama: str
    tanggal_lahir: date
    jenis_kelamin: str
    telepon: str = ""
    email: str = ""


@dataclass(frozen=True)
class Action:
    """A user-facing transition: what the button says and what it needs."""

    key: str
    method: str
    label: str
    note_required: bool = False
    note_label: str = "Catatan"
    danger: bool = False

    @property
    def aksi(self) -> tuple[str, ...]:
        """The actions of the permissions table that the transition's FSM permission asks for."""
        return transition_actions(Berkas)[self.method]


# Handing documents over is not here: it goes only through the pickup desk (berkas_serahkan), which
# checks the recipient and writes the register pengambilan.
ACTIONS: dict[str, Action] = {
    a.key: a
    for a in [
        Action("entri-selesai", "complete_entry", "Selesai entri, kirim ke Kasi"),
        Action("verifikasi", "verify", "Verifikasi dan paraf (Kasi)"),
        Action("validasi", "validate", "Validasi dan paraf (Kabid)"),
        Action(
            "koreksi",
            "send_back",
            "Kembalikan ke operator untuk perbaikan",
            note_required=True,
            note_label="Yang harus diperbaiki",
            danger=True,
        ),
        Action(
            "batalkan",
            "cancel",
            "Batalkan berkas",
            note_required=True,
            note_label="Alasan pembatalan",
            danger=True,
        ),
    ]
}


def system_user() -> User:
    user, _ = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "Sistem", "is_active": False},
    )
    return user


# --- helpers -------------------------------------------------------------------------


def lock_berkas(berkas_id: int) -> Berkas:
    return record_lock(Berkas, berkas_id, related=["layanan"])


_check_expected = check_expected


# While the berkas is with the operator (entry or correction), its data may change.
ENTRY_STATUSES = (Status.DITERIMA, Status.PERBAIKAN)


def berkas_lock_for_entry(*, berkas_id: int, user: User, what: str = "") -> Berkas:
    """Lock the berkas for an operator's entry: 403 for another role or bidang, 409 when it is not
    with the operator (call inside a transaction)."""
    berkas = lock_berkas(berkas_id)
    if not can(user, Aksi.ENTRI, berkas.bidang_id):
        raise BerkasForbidden(f"Hanya operator SIAK bidang ini yang dapat mengentri {what or 'data berkas'}.")
    if berkas.status not in ENTRY_STATUSES:
        raise BerkasConflict(
            f"Berkas berstatus «{berkas.get_status_display()}»; {what or 'data'} hanya dapat diubah "
            "saat berkas berada di operator."
        )
    return berkas


_SAVED = ["persyaratan_kurang", "kategori_batal"]  # berkas fields a transition may set besides the status


def run_transition(berkas: Berkas, method: str, user: User, note: str, *args) -> None:
    """Run a transition already checked by the caller, record it and save."""
    record_transition(berkas, method, user, note, *args, update_fields=_SAVED)


def next_serial(key: str) -> int:
    """The next number of a named counter in one statement (an upsert that holds the row's lock to
    the end of the transaction): concurrent callers never share one, a rollback gives it back."""
    table = connection.ops.quote_name(NomorUrut._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (kunci, terakhir) VALUES (%s, 1) "  # noqa: S608 (the table name is ours)
            f"ON CONFLICT (kunci) DO UPDATE SET terakhir = {table}.terakhir + 1 RETURNING terakhir",
            [key],
        )
        return cursor.fetchone()[0]


def next_free_number(key: str, prefix: str, model: type[Model], field: str) -> str:
    """``prefix`` + the next serial of counter ``key`` (four digits) that no ``model`` row holds in
    ``field`` (numbers a migrated register already holds are skipped): the upsert and the check in
    one statement per number tried."""
    if connection.vendor != "postgresql":  # SQLite (the quick start) has no INSERT inside WITH
        while True:
            number = f"{prefix}{next_serial(key):04d}"
            if not model._default_manager.filter(**{field: number}).exists():
                return number
    table = connection.ops.quote_name(NomorUrut._meta.db_table)
    held = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.get_field(field).column)
    sql = (
        f"WITH n AS (INSERT INTO {table} (kunci, terakhir) VALUES (%s, 1) "  # noqa: S608 (names are ours)
        f"ON CONFLICT (kunci) DO UPDATE SET terakhir = {table}.terakhir + 1 RETURNING terakhir) "
        f"SELECT terakhir, EXISTS (SELECT 1 FROM {held} WHERE {column} = "
        f"%s || LPAD(terakhir::text, GREATEST(4, LENGTH(terakhir::text)), '0')) FROM n"
    )
    with connection.cursor() as cursor:
        while True:
            cursor.execute(sql, [key, prefix])
            serial, taken = cursor.fetchone()
            if not taken:
                return f"{prefix}{serial:04d}"


def _next_nomor(prefix: str, day: date) -> str:
    key = f"{prefix}-{day:%y%m%d}"
    return f"{key}-{next_serial(key):04d}"


def _clean_nik_into(errors: dict[str, list[str]], field: str, value: str) -> str | None:
    """The cleaned NIK, or None with the reason written into ``errors[field]``."""
    try:
        return clean_nik(value)
    except ValidationError as exc:
        errors[field] = exc.messages
        return None


def validate_pemohon(pemohon: PemohonData) -> PemohonData:
    errors: dict[str, list[str]] = {}
    nik = _clean_nik_into(errors, "nik", pemohon.nik)
    if nik is not None:
        for problem in nik_mismatches(nik, pemohon.tanggal_lahir, pemohon.jenis_kelamin):
            field = "tanggal_lahir" if "Tanggal" in problem else "jenis_kelamin"
            errors.setdefault(field, []).append(problem)
    if not pemohon.nama.strip():
        errors["nama"] = ["Nama pemohon wajib diisi."]
    if errors:
        raise BerkasInvalid("Data pemohon belum benar.", fields=errors)
    return PemohonData(**{**pemohon.__dict__, "nik": nik, "nama": pemohon.nama.strip().upper()})


def _apply_checklist(
    berkas: Berkas, user: User, persyaratan_ids: set[int], note: str, created: bool = False, berlaku=None
) -> None:
    """Accept or return the berkas on its persyaratan; ``created``: registered in this transaction;
    ``berlaku``: the layanan's persyaratan when the caller has read them already."""
    kind = get_kind(berkas.layanan.jenis_berkas)
    facts = kind.persyaratan_facts(berkas) if kind.persyaratan_facts else {}
    wajib = persyaratan_wajib(berkas.layanan, facts, berlaku)
    missing = [p.nama for p in wajib if p.pk not in persyaratan_ids]
    if missing:
        reason = "Persyaratan belum lengkap: " + "; ".join(missing)
        note = "\n".join(filter(None, [reason, note]))
        record_transition(berkas, "return_to_pemohon", user, note, missing, update_fields=_SAVED, created=created)
        berkas_kabari(berkas, "dikembalikan")
    else:
        wait = bool(kind.needs_confirmation and kind.needs_confirmation(berkas))
        record_transition(berkas, "accept", user, note, wait, update_fields=_SAVED, created=created)
        berkas_kabari(berkas, "diterima")
        from .tasks import produce_resi

        produce_resi.delay_on_commit(berkas.pk)


def _valid_persyaratan_ids(layanan: Layanan, ids: Iterable[int], berlaku=None) -> set[int]:
    """The ids handed in, all of them the layanan's (``berlaku``: its persyaratan, if read already)."""
    wanted = {int(i) for i in ids}
    if berlaku is not None:
        known = wanted & {p.pk for p in berlaku}
    else:
        known = set(layanan.persyaratan_berlaku().filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - known:
        raise BerkasInvalid(
            "Ada persyaratan yang bukan milik layanan ini.", fields={"persyaratan": ["Pilihan tidak dikenal."]}
        )
    return known


# --- services --------------------------------------------------------------------------


def berkas_register(
    *,
    layanan: Layanan,
    pemohon: PemohonData,
    persyaratan_ids: Iterable[int],
    user: User,
    detail: dict | None = None,
    note: str = "",
    started_at: datetime | None = None,
    intake_token: uuid.UUID | None = None,
) -> Berkas:
    """Register a berkas at the counter: accepted if every wajib persyaratan is there, else returned.

    The pemohon is told of the acceptance (or the return) here, unless an app registered as the
    teller of that event for this berkas tells them itself (``registry.register_teller``: an online
    application's message points to the citizen's account). The registration hooks
    (``registry.register_registered_hook``: the queue ticket being served) run in its transaction.

    The same intake_token registers once: a double click returns the berkas already made. Another
    intake for a subject that has an open berkas of the layanan (the kind's subject key) is refused
    with DuplicateBerkas (409) naming it; a partial unique index holds the rule under concurrent submits.
    """
    if not (can(user, Aksi.TERIMA, layanan.bidang_id)):
        raise BerkasForbidden("Anda tidak berwenang menerima berkas untuk layanan ini.")
    if not layanan.menerima_berkas:
        raise BerkasInvalid("Layanan ini belum dapat didaftarkan melalui sistem.")
    pemohon = validate_pemohon(pemohon)
    berlaku = list(layanan.persyaratan_berlaku())  # read once: the ids checked, then what applies
    ids = _valid_persyaratan_ids(layanan, persyaratan_ids, berlaku)
    kind = get_kind(layanan.jenis_berkas)
    if intake_token is not None:
        existing = Berkas.objects.filter(intake_token=intake_token).first()
        if existing is not None:
            return existing
    now = timezone.now()
    if started_at is None or not (now - timedelta(hours=4) <= started_at <= now):
        started_at = now
    try:
        return _register(layanan, kind, pemohon, ids, user, detail, note, started_at, intake_token, now, berlaku)
    except (IntegrityError, DuplicateBerkas) as exc:
        # the other click of a double click won the race (its berkas has this intake_token)
        existing = Berkas.objects.filter(intake_token=intake_token).first() if intake_token else None
        if existing is not None:
            return existing
        if isinstance(exc, DuplicateBerkas):
            raise
        # or another intake for the same subject committed first
        key = kind.key_of_subject(Berkas(layanan=layanan, pemohon_nik=pemohon.nik), detail or {})
        _refuse_open_duplicate(key)
        raise


def open_berkas_of_subject(key: str | None) -> Berkas | None:
    """The open (not diserahkan, not dibatalkan) berkas with this subject key, if any."""
    if not key:
        return None
    return Berkas.objects.filter(kunci_subjek=key).exclude(status__in=FINAL_STATUSES).first()


def _refuse_open_duplicate(key: str | None) -> None:
    other = open_berkas_of_subject(key)
    if other is not None:
        raise DuplicateBerkas(
            f"Sudah ada berkas {other.layanan.nama} yang masih berjalan untuk pemohon/subjek yang sama: "
            f"{other.nomor_registrasi} ({other.get_status_display()}). Lanjutkan berkas itu; "
            "jangan mendaftarkan berkas baru.",
            nomor=other.nomor_registrasi,
        )


def _register(layanan, kind, pemohon, ids, user, detail, note, started_at, intake_token, now, berlaku) -> Berkas:
    standar_waktu, jangka = catalogue.sop_timings(layanan)
    with transaction.atomic():
        berkas = Berkas(
            intake_token=intake_token,
            nomor_registrasi=_next_nomor(layanan.prefix_nomor, timezone.localdate(now)),
            layanan=layanan,
            bidang_id=layanan.bidang_id,
            **{f"pemohon_{name}": value for name, value in asdict(pemohon).items()},
            alur=layanan.alur,
            standar_waktu=standar_waktu,
            jangka_waktu_hari_kerja=jangka,
            tenggat=None if jangka is None else add_hari_kerja(timezone.localdate(started_at), jangka),
            dibuat_oleh=user,
            dibuat_pada=started_at,
            status_sejak=started_at,
        )
        # a subject with an open berkas of the layanan: the partial unique index refuses the insert
        # (IntegrityError, then DuplicateBerkas naming the other berkas in berkas_register)
        berkas.kunci_subjek = kind.key_of_subject(berkas, detail or {})
        berkas._history_user = user
        berkas.save()
        berkas.persyaratan_diserahkan.add(*ids)  # a new berkas: nothing to compare with, one insert
        kind.create_detail(berkas=berkas, **(detail or {}))
        _apply_checklist(berkas, user, ids, note, created=True, berlaku=berlaku)
        for hook in registered_hooks():
            hook(berkas=berkas, user=user)
    return berkas


def berkas_resubmit(
    *,
    berkas_id: int,
    persyaratan_ids: Iterable[int],
    user: User,
    note: str = "",
    expected_status: str | None = Status.DIKEMBALIKAN,
) -> Berkas:
    """The applicant comes back with the missing items: the same berkas is checked again."""
    with transaction.atomic():
        berkas = lock_berkas(berkas_id)
        if not (can(user, Aksi.TERIMA, berkas.bidang_id)):
            raise BerkasForbidden("Anda tidak berwenang menerima berkas ini.")
        _check_expected(berkas, expected_status)
        if berkas.status != Status.DIKEMBALIKAN:
            raise BerkasConflict(
                f"Berkas berstatus «{berkas.get_status_display()}», bukan dikembalikan; tidak dapat diajukan ulang."
            )
        ids = _valid_persyaratan_ids(berkas.layanan, persyaratan_ids)
        berkas.persyaratan_diserahkan.add(*ids)
        all_ids = set(berkas.persyaratan_diserahkan.values_list("pk", flat=True))
        _apply_checklist(berkas, user, all_ids, note)
    return berkas


def berkas_transition(
    *,
    berkas_id: int,
    action: str,
    user: User,
    note: str = "",
    expected_status: str | None = None,
    kategori: str = KategoriBatal.LAINNYA,
) -> Berkas:
    """Run one of ACTIONS on a berkas. 403 if the role may not, 409 if the state does not allow.

    kategori: for a cancellation, the category of the reason the citizen sees on the status page."""
    if action == "batalkan" and kategori not in KategoriBatal.values:
        raise BerkasInvalid("Pilih kategori alasan pembatalan.", fields={"kategori": ["Pilih kategori."]})
    spec = ACTIONS.get(action)
    if spec is None:
        raise BerkasInvalid(f"Tindakan «{action}» tidak dikenal.")
    note = (note or "").strip()
    try:
        with transaction.atomic():
            berkas = lock_berkas(berkas_id)
            if not any(can(user, aksi, berkas.bidang_id) for aksi in spec.aksi):
                raise BerkasForbidden(f"Peran Anda tidak berwenang: «{spec.label}».")
            _check_expected(berkas, expected_status)
            check_allowed(berkas, spec.method, user, spec.label)
            if spec.note_required and not note:
                raise BerkasInvalid(
                    f"{spec.note_label} wajib diisi.", fields={"catatan": [f"{spec.note_label} wajib diisi."]}
                )
            kind = get_kind(berkas.layanan.jenis_berkas)
            if spec.method == "complete_entry":
                missing = kind.missing_data(berkas)
                if missing:
                    raise BerkasInvalid("Data belum lengkap: " + "; ".join(missing), fields={"data": missing})
            seen = berkas.status
            extra = (kategori,) if spec.method == "cancel" else ()
            record_transition(berkas, spec.method, user, note, *extra, update_fields=_SAVED)
            if berkas.status == Status.DIKEMBALIKAN:  # manual verification first: back to the pemohon
                berkas_kabari(berkas, "dikembalikan")
            if spec.method == "cancel" and kind.on_cancel is not None:
                kind.on_cancel(berkas, user, note)
            if berkas.status == Status.TTE and kind.apply_effects is not None:
                # approved: the register changes now, in this transaction, so the Kadis signs what is recorded
                kind.apply_effects(berkas, user)
    except EffectsConflict as conflict:
        # the whole transaction rolled back (no savepoint on the common path); the refusal is recorded in a new one
        with transaction.atomic():
            _return_after_conflict(berkas_id, kind, user, conflict, seen)
        raise
    return berkas


def _return_after_conflict(berkas_id: int, kind, user: User, conflict: EffectsConflict, seen: str) -> None:
    """The approval was refused: the berkas goes back to the operator with the conflict as its note,
    and its entry is rebased on the register as it is now (nothing of the other change is lost).
    Unless someone acted on it since (its state is no longer ``seen``): their action stands."""
    berkas = lock_berkas(berkas_id)
    if berkas.status != seen:
        return
    if kind.rebase is not None:
        kind.rebase(berkas, conflict)
    if berkas.status in (Status.VERIFIKASI, Status.VALIDASI, Status.TTE):
        run_transition(berkas, "send_back", user, conflict.message)
    else:  # the operator's own completion (manual verification first): it stays with the operator
        berkas.catatan = conflict.message
        berkas._history_user = user
        berkas.save(update_fields=["catatan"])


def activation_required(kind, berkas: Berkas) -> bool:
    """Cards activated at the pickup desk in front of their owner (fingerprint match); the kind says which."""
    return kind.activation_required is not None and kind.activation_required(berkas)


@dataclass(frozen=True)
class PenerimaData:
    nama: str
    nik: str
    hubungan: str  # Pengambilan.Hubungan
    aktivasi_ktp_el: bool = False
    catatan: str = ""
    # a penerima kuasa: the surat kuasa's number and date (required) and, if brought, its scan
    surat_kuasa_nomor: str = ""
    surat_kuasa_tanggal: date | None = None
    surat_kuasa_scan: File | None = None  # as uploaded


SURAT_KUASA_MAX_BYTES = 2 * 1024 * 1024
# what a scan may be, by its first bytes (the name and the browser's content type are not trusted)
SURAT_KUASA_FORMATS = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


def _check_surat_kuasa(errors: dict[str, list[str]], penerima: PenerimaData) -> str | None:
    """Number and date of the surat kuasa are required; a scan, if any, is a PDF/JPEG/PNG of at most
    2 MB. Returns the scan's extension (None without a scan)."""
    if not penerima.surat_kuasa_nomor.strip():
        errors["surat_kuasa_nomor"] = ["Nomor surat kuasa wajib diisi untuk penerima kuasa."]
    if penerima.surat_kuasa_tanggal is None:
        errors["surat_kuasa_tanggal"] = ["Tanggal surat kuasa wajib diisi untuk penerima kuasa."]
    elif penerima.surat_kuasa_tanggal > timezone.localdate():
        errors["surat_kuasa_tanggal"] = ["Tanggal surat kuasa tidak boleh setelah hari ini."]
    scan = penerima.surat_kuasa_scan
    if not scan:
        return None
    if scan.size > SURAT_KUASA_MAX_BYTES:
        errors["surat_kuasa_scan"] = ["Pindaian surat kuasa terlalu besar (maksimal 2 MB)."]
        return None
    scan.seek(0)
    head = scan.read(8)
    scan.seek(0)
    ext = next((e for magic, e in SURAT_KUASA_FORMATS.items() if head.startswith(magic)), None)
    if ext is None:
        errors["surat_kuasa_scan"] = ["Pindaian surat kuasa harus berupa PDF, JPEG, atau PNG."]
    return ext


def _check_penerima(berkas: Berkas, nik: str, hubungan: str) -> None:
    """The recipient against the berkas and the population register: the pemohon in person, an active
    member of the pemohon's KK, or a kuasa (whose surat kuasa is checked before)."""
    if hubungan == Pengambilan.Hubungan.SENDIRI and nik != berkas.pemohon_nik:
        raise BerkasInvalid(
            "Penerima bukan pemohon: NIK penerima berbeda dengan NIK pemohon.",
            fields={
                "penerima_nik": [
                    "NIK penerima bukan NIK pemohon. Bila yang mengambil orang lain, pilih anggota keluarga "
                    "atau penerima kuasa."
                ]
            },
        )
    if hubungan == Pengambilan.Hubungan.KELUARGA:
        members = household_niks(berkas.pemohon_nik)
        if members is None:
            raise BerkasInvalid(
                "Pemohon tidak tercatat dalam KK aktif di database kependudukan; anggota keluarga tidak "
                "dapat diperiksa. Dokumen hanya dapat diambil pemohon sendiri atau penerima kuasa.",
                fields={"hubungan": ["Pemohon tidak tercatat dalam KK aktif; gunakan surat kuasa."]},
            )
        if nik not in members:
            raise BerkasInvalid(
                "Penerima bukan anggota keluarga pemohon: NIK penerima tidak tercatat aktif dalam KK pemohon.",
                fields={"penerima_nik": ["NIK penerima tidak tercatat sebagai anggota aktif KK pemohon."]},
            )


def berkas_serahkan(
    *, berkas_id: int, user: User, penerima: PenerimaData, expected_status: str | None = None
) -> Pengambilan:
    """Release at the pickup desk against the bukti pengambilan; a cancelled berkas is handed back.

    A KTP-el goes only to its owner in person, after activation (Lumajang, SOP Penerbitan KTP-el
    WNI step 4); other documents may go to a family member or a holder of a surat kuasa.
    """
    errors: dict[str, list[str]] = {}
    nik = _clean_nik_into(errors, "penerima_nik", penerima.nik)
    if not penerima.nama.strip():
        errors["penerima_nama"] = ["Nama penerima wajib diisi."]
    if penerima.hubungan not in Pengambilan.Hubungan.values:
        errors["hubungan"] = ["Pilih hubungan penerima dengan pemohon."]
    kuasa = penerima.hubungan == Pengambilan.Hubungan.KUASA
    scan_ext = _check_surat_kuasa(errors, penerima) if kuasa else None
    if errors:
        raise BerkasInvalid("Data penerima belum benar.", fields=errors)
    with transaction.atomic():
        berkas = lock_berkas(berkas_id)
        if not (can(user, Aksi.SERAHKAN, berkas.bidang_id)):
            raise BerkasForbidden("Peran Anda tidak berwenang menyerahkan dokumen.")
        _check_expected(berkas, expected_status)
        # handed over: «diserahkan», or a cancelled berkas (it stays «dibatalkan») with its pengambilan
        if berkas.status == Status.DISERAHKAN or (
            berkas.status == Status.DIBATALKAN and Pengambilan.objects.filter(berkas=berkas).exists()
        ):
            raise BerkasConflict(f"Berkas {berkas.nomor_registrasi} sudah diserahkan sebelumnya.")
        kind = get_kind(berkas.layanan.jenis_berkas)
        if berkas.status == Status.DIBATALKAN:
            jenis = Pengambilan.Jenis.BERKAS_BATAL
            _check_penerima(berkas, nik, penerima.hubungan)
            note = f"Berkas batal dikembalikan kepada {penerima.nama.strip().upper()}. Alasan batal: {berkas.catatan}"
        elif berkas.status == Status.SIAP_DIAMBIL:
            jenis = Pengambilan.Jenis.DOKUMEN
            if activation_required(kind, berkas):
                if penerima.hubungan != Pengambilan.Hubungan.SENDIRI or nik != berkas.pemohon_nik:
                    raise BerkasInvalid(
                        "KTP-el hanya dapat diserahkan kepada pemiliknya sendiri (tidak dapat dikuasakan).",
                        fields={"penerima_nik": ["NIK penerima harus NIK pemilik KTP-el."]},
                    )
                if not penerima.aktivasi_ktp_el:
                    raise BerkasInvalid(
                        "Aktivasi KTP-el (verifikasi sidik jari pemilik) belum dilakukan.",
                        fields={"aktivasi_ktp_el": ["Lakukan aktivasi di hadapan pemilik."]},
                    )
            _check_penerima(berkas, nik, penerima.hubungan)
            note = (
                f"Diserahkan kepada {penerima.nama.strip().upper()} ({Pengambilan.Hubungan(penerima.hubungan).label})."
            )
            run_transition(berkas, "hand_over", user, note)
            berkas_kabari(berkas, "selesai")
        else:
            raise BerkasConflict(
                f"Berkas berstatus «{berkas.get_status_display()}»; belum ada dokumen yang dapat diserahkan."
            )
        record = Pengambilan(
            berkas=berkas,
            jenis=jenis,
            penerima_nama=penerima.nama.strip().upper(),
            penerima_nik=nik,
            hubungan=penerima.hubungan,
            aktivasi_ktp_el=penerima.aktivasi_ktp_el and jenis == Pengambilan.Jenis.DOKUMEN,
            catatan="\n".join(filter(None, [note, penerima.catatan.strip()])),
            petugas=user,
        )
        if kuasa:
            record.surat_kuasa_nomor = penerima.surat_kuasa_nomor.strip().upper()
            record.surat_kuasa_tanggal = penerima.surat_kuasa_tanggal
            if scan_ext:
                record.surat_kuasa_scan.save(
                    f"{berkas.nomor_registrasi}-surat-kuasa.{scan_ext}", penerima.surat_kuasa_scan, save=False
                )
        record.save()
        return record


def store_document(berkas: Berkas, jenis: str, pdf: bytes) -> Dokumen:
    dokumen = Dokumen(
        record=berkas, subjek_nama=berkas.pemohon_nama, jenis=jenis, sha256=hashlib.sha256(pdf).hexdigest()
    )
    dokumen.berkas_pdf.save(f"{berkas.nomor_registrasi}-{jenis}.pdf", ContentFile(pdf), save=False)
    dokumen.save()
    return dokumen


def berkas_produce_resi(*, berkas_id: int) -> Dokumen | None:
    from .documents_builders import build_resi_pdf

    with transaction.atomic():
        berkas = lock_berkas(berkas_id)
        existing = Dokumen.objects.filter(berkas=berkas, jenis=RESI).first()
        if existing or berkas.status in (Status.BARU, Status.DIKEMBALIKAN, Status.DIBATALKAN):
            return existing
        return store_document(berkas, RESI, build_resi_pdf(berkas))


def berkas_sweep_pending_documents(*, now: datetime | None = None) -> list[int]:
    """Re-enqueue what a lost task left behind (broker down, worker died).

    The berkas state is the outbox: a berkas in «cetak» for longer than DOCUMENT_SWEEP_AFTER
    gets its signing task again while its TTE session lives, else goes back to «tte»; an accepted
    berkas still without resi gets its resi task again.
    """
    from .tasks import produce_resi
    from .tte.services import tte_sweep_stale

    now = now or timezone.now()
    cutoff = now - settings.DOCUMENT_SWEEP_AFTER
    stuck = tte_sweep_stale(now=now)
    berkas_ct = ContentType.objects.get_for_model(Berkas)
    no_resi = list(
        Berkas.objects.filter(dibuat_pada__lt=cutoff)
        .exclude(status__in=[Status.BARU, Status.DIKEMBALIKAN, Status.DIBATALKAN])
        .filter(~Exists(Dokumen.objects.filter(content_type=berkas_ct, object_id=OuterRef("pk"), jenis=RESI)))
        .values_list("pk", flat=True)
    )
    for pk in no_resi:
        produce_resi.publish(pk)
    if stuck or no_resi:
        logger.info("sweep handled %d berkas in cetak and re-enqueued %d resi tasks", len(stuck), len(no_resi))
    return stuck
