"""Signing documents of any signable record (dukcapil.tte.signable): the Kadis's batch, the
per-document step, revocation. Berkas are the first such records; a naskah dinas or a PIAK reply
goes the same way.

Flow: the Kadis selects berkas (or other records) in «tte» and types the passphrase once → ``tte_batch_start``
checks lockout and passphrase, moves each berkas to «cetak», keeps the passphrase for the batch
(session_store) and enqueues chunks → each chunk task opens one signing session and, per berkas,
renders the document with its QR, signs it (PAdES), stores it and moves the berkas to «siap
diambil». A document that cannot be signed goes back to «tte» with the reason; the others go on.
"""

import functools
import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from .. import services as berkas_services
from ..documents_builders import office_read_once
from ..exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from ..models import (
    BatchTTE,
    BatchTTEItem,
    Berkas,
    Dokumen,
    PercobaanTTE,
    SertifikatPenandatangan,
    User,
)
from ..tasks import sign_chunk
from ..workflow.permissions import Aksi, can
from ..workflow.services import record_lock, record_transition, record_transition_many, records_of
from . import session_store
from .backends import PassphraseSalah, SignerUnavailable, SigningSession, SignRequest, TTEError, get_backend
from .signable import Signable

logger = logging.getLogger(__name__)


class TTELocked(BerkasForbidden):
    """Too many wrong passphrases: signing is locked for a while (403)."""


# Why a record went back to «tte» when its batch's signing session ended before its documents
# were made (the broker was down or lost its queue longer than TTE_SESSION_TTL). The kartu
# kendali row and the batch item carry it; the Kadis's kotak masuk counts the records it names.
SESI_BERAKHIR = (
    "Sesi TTE berakhir sebelum dokumen selesai dibuat karena layanan antrean tugas terputus; "
    "perlu ditandatangani ulang."
)


def verification_url(token: uuid.UUID) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("verifikasi-dokumen", args=[token])


# --- lockout -------------------------------------------------------------------------------


def tte_locked_until(user: User, now: datetime | None = None) -> datetime | None:
    """When the signer may try again, if the last attempts were all wrong passphrases."""
    now = now or timezone.now()
    recent = list(
        PercobaanTTE.objects.filter(pengguna=user, waktu__gte=now - settings.TTE_LOCKOUT_WINDOW)
        .order_by("-waktu")
        .values_list("berhasil", "waktu")[: settings.TTE_LOCKOUT_ATTEMPTS]
    )
    if len(recent) < settings.TTE_LOCKOUT_ATTEMPTS or any(ok for ok, _ in recent):
        return None
    until = recent[0][1] + settings.TTE_LOCKOUT_PERIOD
    return until if until > now else None


def _record_attempt(user: User, ok: bool, note: str, count: int = 0) -> None:
    PercobaanTTE.objects.create(pengguna=user, berhasil=ok, keterangan=note[:300], jumlah_berkas=count)


def _certificate(user: User) -> SertifikatPenandatangan:
    cert = SertifikatPenandatangan.objects.filter(pengguna=user, aktif=True).first()
    if cert is None:
        raise BerkasInvalid("Anda belum memiliki sertifikat elektronik untuk menandatangani.")
    return cert


def open_signing_session(user: User, passphrase: str, count: int) -> SigningSession:
    """Check lockout and passphrase; every attempt goes to the audit trail."""
    until = tte_locked_until(user)
    if until is not None:
        raise TTELocked(
            f"Penandatanganan dikunci sampai {timezone.localtime(until):%H.%M} WIB karena passphrase "
            f"salah {settings.TTE_LOCKOUT_ATTEMPTS} kali berturut-turut."
        )
    cert = _certificate(user)
    try:
        session = get_backend().open_session(certificate=cert, passphrase=passphrase)
    except PassphraseSalah as exc:
        _record_attempt(user, False, "Passphrase salah", count)
        left = settings.TTE_LOCKOUT_ATTEMPTS - _consecutive_failures(user)
        suffix = f" Sisa percobaan: {left}." if left > 0 else " Penandatanganan kini dikunci sementara."
        raise BerkasInvalid(exc.message + suffix, fields={"passphrase": [exc.message]}) from None
    except SignerUnavailable as exc:
        raise BerkasInvalid(exc.message) from None
    return session


def _consecutive_failures(user: User) -> int:
    count = 0
    for ok in (
        PercobaanTTE.objects.filter(pengguna=user, waktu__gte=timezone.now() - settings.TTE_LOCKOUT_WINDOW)
        .order_by("-waktu")
        .values_list("berhasil", flat=True)
    ):
        if ok:
            break
        count += 1
    return count


# --- batch -----------------------------------------------------------------------------------


def record_ref(record) -> str:
    """How a page names a record to sign: «<content type id>-<pk>» (records of any type in one batch)."""
    return f"{ContentType.objects.get_for_model(record).pk}-{record.pk}"


def _parse_refs(refs: list[str], berkas_ids: list) -> dict[ContentType, list[int]]:
    wanted: dict[ContentType, set[int]] = {}
    if berkas_ids:
        wanted[ContentType.objects.get_for_model(Berkas)] = {int(i) for i in berkas_ids}
    for ref in refs:
        ct_id, _, pk = str(ref).partition("-")
        ct = ContentType.objects.get_for_id(int(ct_id))
        model = ct.model_class()
        if model is None or not issubclass(model, Signable):
            raise ValueError(ref)
        wanted.setdefault(ct, set()).add(int(pk))
    return {ct: sorted(pks) for ct, pks in wanted.items()}


def tte_batch_start(*, user: User, passphrase: str, berkas_ids: list = (), records: list[str] = ()) -> BatchTTE:
    """The Kadis signs the chosen records (berkas, naskah, …) in one batch with one passphrase.

    Raises ValueError for a malformed record reference."""
    if not can(user, Aksi.TTE):
        raise BerkasForbidden("Hanya Kepala Dinas yang menandatangani dokumen.")
    wanted = _parse_refs(list(records), list(berkas_ids))
    count = sum(len(pks) for pks in wanted.values())
    if not count:
        raise BerkasInvalid("Pilih minimal satu berkas untuk ditandatangani.", fields={"berkas": ["Belum dipilih."]})
    if not passphrase:
        raise BerkasInvalid("Passphrase wajib diisi.", fields={"passphrase": ["Passphrase wajib diisi."]})
    open_signing_session(user, passphrase, count)  # nothing moves on a wrong passphrase
    _record_attempt(user, True, "Passphrase benar; batch dimulai", count)
    with transaction.atomic():
        batch = BatchTTE.objects.create(penandatangan=user)
        items: list[BatchTTEItem] = []
        for ct, pks in wanted.items():
            model = ct.model_class()
            taken = [
                record
                for record in model.objects.select_for_update().filter(pk__in=pks).order_by("pk")
                # skipped: someone else's batch took it, or it was sent back meanwhile
                if record.status == model.TTE_STATUS and can(user, Aksi.TTE, record.bidang_id)
            ]
            record_transition_many(taken, "sign", user, f"Disetujui untuk TTE (batch #{batch.pk}).")
            items += [BatchTTEItem(batch=batch, content_type=ct, object_id=record.pk) for record in taken]
        if not items:
            raise BerkasConflict("Tidak ada berkas terpilih yang masih menunggu TTE; mungkin sudah diproses.")
        items = BatchTTEItem.objects.bulk_create(items)
        session_store.put(batch.pk, passphrase)
        # chunks spread the batch over every worker process; each opens one signing session
        pks, size = [item.pk for item in items], settings.TTE_CHUNK_SIZE
        chunks = [pks[start : start + size] for start in range(0, len(pks), size)]
        transaction.on_commit(functools.partial(_publish_chunks, batch.pk, chunks))
    return batch


def _publish_chunks(batch_id: int, chunks: list[list[int]]) -> None:
    """After commit: enqueue the chunks; once the broker refuses one, leave the rest to the sweep
    (the records wait in «cetak», the session in the database), so the Kadis is not kept waiting
    for a publish retry per chunk."""
    for chunk in chunks:
        if not sign_chunk.publish(batch_id, chunk):
            return


@dataclass(frozen=True)
class BatchProgress:
    batch: BatchTTE
    total: int
    berhasil: int
    gagal: int

    @property
    def selesai(self) -> bool:
        return self.berhasil + self.gagal >= self.total


def batch_progress(batch: BatchTTE) -> BatchProgress:
    """n of N signed and failed, counted in one query (a batch of 1,000 is polled every 2 s)."""
    counts = batch.items.aggregate(
        total=Count("pk"),
        berhasil=Count("pk", filter=Q(status=BatchTTEItem.Status.BERHASIL)),
        gagal=Count("pk", filter=Q(status=BatchTTEItem.Status.GAGAL)),
    )
    return BatchProgress(batch, counts["total"], counts["berhasil"], counts["gagal"])


def batch_failures(progress: BatchProgress, limit: int = 50) -> list[tuple[str, str]]:
    """The failed records of a batch as (nomor, reason), oldest first; no query when none failed."""
    if not progress.gagal:
        return []
    items = list(progress.batch.items.filter(status=BatchTTEItem.Status.GAGAL).order_by("pk")[:limit])
    records_of(items, {})
    return [(item.record.nomor if item.record else "-", item.pesan) for item in items]


def tte_sign_chunk(*, batch_id: int, item_ids: list[int]) -> None:
    """Sign the still-pending records of one chunk with one session (the key is parsed once).

    Per-document errors (the service refuses a file) send that record back to «tte» and go on.
    Transient errors (storage, service unreachable) leave the record in «cetak» and are raised
    after the chunk, so the task retries just those.
    """
    pending = list(
        BatchTTEItem.objects.filter(batch_id=batch_id, pk__in=item_ids, status=BatchTTEItem.Status.MENUNGGU)
        .select_related("batch__penandatangan")
        .order_by("pk")
    )
    if not pending:
        return
    batch = pending[0].batch
    passphrase = session_store.get(batch_id)
    if passphrase is None:
        for item in pending:
            _fail(item, SESI_BERAKHIR)
        _finish_if_done(batch)
        return
    try:
        session = get_backend().open_session(certificate=_certificate(batch.penandatangan), passphrase=passphrase)
    except (PassphraseSalah, BerkasInvalid) as exc:
        message = getattr(exc, "message", str(exc))
        if isinstance(exc, PassphraseSalah):
            _record_attempt(batch.penandatangan, False, "Passphrase ditolak layanan TTE", len(pending))
        for item in pending:
            _fail(item, message)
        _finish_if_done(batch)
        return
    signer = _certificate(batch.penandatangan)
    system = berkas_services.system_user()
    records, stored = _chunk_rows(pending)
    transient: Exception | None = None
    with office_read_once():  # the kop of every document in the chunk from one read
        for item in pending:
            key = (item.content_type_id, item.object_id)
            try:
                record_sign_documents(
                    item=item, session=session, signer=signer, system=system, record=records.get(key), done=stored[key]
                )
            except (SignerUnavailable, OSError) as exc:
                # storage or signing service down: leave it in «cetak», the task retries it
                logger.warning("signing item %s hit a transient error: %s", item.pk, type(exc).__name__)
                transient = exc
            except PassphraseSalah as exc:
                _record_attempt(batch.penandatangan, False, "Passphrase ditolak layanan TTE", 1)
                _fail(item, exc.message)
            except TTEError as exc:
                _fail(item, exc.message)
            except Exception as exc:  # one broken document must not stop the others
                logger.exception("document of item %s could not be produced", item.pk)
                _fail(item, f"Dokumen tidak dapat dibuat ({type(exc).__name__}); periksa data berkas.")
    _finish_if_done(batch)
    if transient is not None:
        raise transient


def _chunk_rows(items: list[BatchTTEItem]) -> tuple[dict[tuple, object], dict[tuple, dict[str, Dokumen]]]:
    """The chunk's records (with their layanan) and the documents they already have, in one query
    per record type and one for the documents, instead of two per record."""
    records: dict[tuple, object] = {}
    stored: dict[tuple, dict[str, Dokumen]] = {(i.content_type_id, i.object_id): {} for i in items}
    by_ct: dict[int, list[int]] = {}
    for item in items:
        by_ct.setdefault(item.content_type_id, []).append(item.object_id)
    for ct_id, pks in by_ct.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        queryset = model.objects.select_related("layanan") if model is Berkas else model.objects.all()
        records.update({(ct_id, pk): record for pk, record in queryset.in_bulk(pks).items()})
        for dokumen in Dokumen.objects.filter(content_type_id=ct_id, object_id__in=pks):
            stored[(ct_id, dokumen.object_id)][dokumen.jenis] = dokumen
    return records, stored


def _lock_item_record(item: BatchTTEItem):
    model = ContentType.objects.get_for_id(item.content_type_id).model_class()
    related = ["layanan"] if model is Berkas else []
    return record_lock(model, item.object_id, related=related)


def record_sign_documents(
    *,
    item: BatchTTEItem,
    session: SigningSession,
    signer: SertifikatPenandatangan | None = None,
    system: User | None = None,
    record=None,
    done: dict[str, Dokumen] | None = None,
) -> Dokumen | None:
    """Render, sign and store every document of the record; then the record moves on
    (``Signable.signing_completed``: a berkas «cetak» → «siap diambil»).

    Rendering and signing (possibly an HTTP call to the BSrE service) happen before any row is
    locked; storing and the state change happen under the record's lock, after checking that it is
    still in «cetak». Idempotent per record and per document: a retry signs only what is not stored
    yet. Returns the first document (the main product). ``record`` and ``done`` (its documents
    already stored, any jenis) may come prefetched for a whole chunk.
    """
    if record is None:
        model = ContentType.objects.get_for_id(item.content_type_id).model_class()
        record = model.objects.get(pk=item.object_id)
    specs = record.signing_documents()
    before = _stored(item, specs) if done is None else {s.jenis: done[s.jenis] for s in specs if s.jenis in done}
    signed: dict[str, tuple] = {}
    if record.status == record.CETAK_STATUS:
        signer = signer or SertifikatPenandatangan.objects.get(pengguna_id=item.batch.penandatangan_id)
        for spec in specs:
            if spec.jenis in before:
                continue
            token = uuid.uuid4()
            rendered = spec.render(record, verification_url=verification_url(token), signer=signer)
            pdf = session.sign(
                SignRequest(
                    pdf=rendered.pdf,
                    reason=f"Penerbitan {spec.label} {rendered.nomor}".strip(),
                    location=settings.OFFICE["tempat_terbit"],
                )
            )
            signed[spec.jenis] = (rendered.nomor, pdf, token, spec.replaces_same_nomor)
    with transaction.atomic():
        record = _lock_item_record(item)
        if record.status != record.CETAK_STATUS:
            stored = _stored(item, specs)
            if stored:
                _mark(item, BatchTTEItem.Status.BERHASIL, "")
            return next((stored[s.jenis] for s in specs if s.jenis in stored), None)
        # still in «cetak» under the lock: no other worker stored anything since ``before`` was read
        # (documents are stored only together with the state change, in one transaction)
        stored = dict(before)
        for jenis, (nomor, pdf, token, replaces) in signed.items():
            stored[jenis] = _store_signed(record, jenis, nomor, pdf, token, signer, system, replaces)
        system = system or berkas_services.system_user()
        first = stored[specs[0].jenis]
        labels = ", ".join(spec.label for spec in specs)
        record.signing_completed(
            stored, system, f"Dokumen {labels} ditandatangani secara elektronik oleh {first.ditandatangani_oleh}."
        )
        _mark(item, BatchTTEItem.Status.BERHASIL, "")
    return first


def _stored(item: BatchTTEItem, specs) -> dict[str, Dokumen]:
    found = Dokumen.objects.filter(
        content_type_id=item.content_type_id, object_id=item.object_id, jenis__in=[s.jenis for s in specs]
    )
    return {d.jenis: d for d in found}


def _store_signed(
    record,
    jenis: str,
    nomor: str,
    pdf: bytes,
    token: uuid.UUID,
    cert: SertifikatPenandatangan,
    system: User | None = None,
    replaces_same_nomor: bool = True,
) -> Dokumen:
    dokumen = Dokumen(
        record=record,
        subjek_nama=record.signing_subject()[:200],
        jenis=jenis,
        nomor=nomor,
        token=token,
        sha256=hashlib.sha256(pdf).hexdigest(),
        ditandatangani_oleh=cert.nama,
        jabatan_penandatangan=cert.jabatan,
    )
    filename = f"{record.nomor}-{jenis}.pdf".replace("/", "-")
    _drop_orphan_file(dokumen, filename)
    dokumen.berkas_pdf.save(filename, ContentFile(pdf), save=False)
    dokumen._history_user = system or berkas_services.system_user()
    dokumen.save()
    if nomor and replaces_same_nomor:
        # a newer document with the same number (a KK after perubahan data) replaces the old one
        for old in Dokumen.objects.filter(jenis=jenis, nomor=nomor, status=Dokumen.Status.BERLAKU).exclude(
            pk=dokumen.pk
        ):
            dokumen_revoke(dokumen=old, reason=f"Diganti oleh dokumen {record.nomor}.", replaced_by=dokumen)
    return dokumen


def _drop_orphan_file(dokumen: Dokumen, filename: str) -> None:
    """A worker killed between writing the file and committing its row leaves the file behind;
    the retry (under the record's lock) removes it instead of storing a second copy beside it."""
    field = dokumen.berkas_pdf
    name = field.field.generate_filename(dokumen, filename)
    if field.storage.exists(name) and not Dokumen.objects.filter(berkas_pdf=name).exists():
        field.storage.delete(name)


def _mark(item: BatchTTEItem, status: str, message: str) -> None:
    item.status, item.pesan, item.diproses_pada = status, message[:300], timezone.now()
    item.save(update_fields=["status", "pesan", "diproses_pada"])


def _fail(item: BatchTTEItem, message: str) -> None:
    with transaction.atomic():
        record = _lock_item_record(item)
        if record.status == record.CETAK_STATUS:
            record_transition(record, "signing_failed", berkas_services.system_user(), f"TTE gagal: {message}")
        _mark(item, BatchTTEItem.Status.GAGAL, message)


def _finish_if_done(batch: BatchTTE) -> None:
    if batch.selesai_pada is None and not batch.items.filter(status=BatchTTEItem.Status.MENUNGGU).exists():
        batch.selesai_pada = timezone.now()
        batch.save(update_fields=["selesai_pada"])
        session_store.drop(batch.pk)


def record_is_stuck(record, now: datetime | None = None) -> bool:
    """In «cetak» longer than the sweep waits: its document task was lost (broker down, worker died)."""
    cutoff = (now or timezone.now()) - settings.DOCUMENT_SWEEP_AFTER
    return record.status == record.CETAK_STATUS and record.status_sejak < cutoff


def tte_produce_again(*, record, user: User) -> str:
    """«Produksi ulang» for one record stuck in «cetak» (the sweep's step, run now by a Kasi or admin):
    its signing task is sent again while the Kadis's signing session lasts, else it goes back to the
    Kadis's kotak masuk. Idempotent: a record no longer stuck is left alone. Returns what was done."""
    if not can(user, Aksi.PRODUKSI_ULANG, record.bidang_id):
        raise BerkasForbidden("Peran Anda tidak berwenang memproduksi ulang dokumen.")
    if not record_is_stuck(record):
        raise BerkasConflict(f"{record.nomor} tidak tertahan di «cetak»; tidak ada yang diproduksi ulang.")
    ct = ContentType.objects.get_for_model(record)
    item = (
        BatchTTEItem.objects.filter(content_type=ct, object_id=record.pk, status=BatchTTEItem.Status.MENUNGGU)
        .select_related("batch")
        .order_by("-pk")
        .first()
    )
    if item is not None and session_store.get(item.batch_id) is not None:
        sign_chunk.publish(item.batch_id, [item.pk])
        return "Dokumen dikirim ulang ke antrean produksi."
    if item is not None:
        _fail(item, SESI_BERAKHIR)
        _finish_if_done(item.batch)
    else:
        with transaction.atomic():
            locked = record_lock(type(record), record.pk)
            if locked.status == locked.CETAK_STATUS:
                record_transition(locked, "signing_failed", user, "Produksi ulang: kembali ke TTE Kadis.")
    return "Sesi TTE sudah berakhir; berkas kembali ke kotak masuk Kadis untuk ditandatangani ulang."


def tte_sweep_stale(*, now: datetime | None = None) -> list[int]:
    """Records stuck in «cetak»: re-enqueue while their batch session lives, else back to «tte».

    Returns the ids of the records handled."""
    cutoff = (now or timezone.now()) - settings.DOCUMENT_SWEEP_AFTER
    pending = list(BatchTTEItem.objects.filter(status=BatchTTEItem.Status.MENUNGGU).select_related("batch"))
    stuck: list[BatchTTEItem] = []
    by_ct: dict[int, list[BatchTTEItem]] = {}
    for item in pending:
        by_ct.setdefault(item.content_type_id, []).append(item)
    for ct_id, items in by_ct.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        late = set(
            model.objects.filter(
                pk__in=[i.object_id for i in items], status=model.CETAK_STATUS, status_sejak__lt=cutoff
            ).values_list("pk", flat=True)
        )
        stuck += [i for i in items if i.object_id in late]
    for item in stuck:
        if session_store.get(item.batch_id) is not None:
            sign_chunk.publish(item.batch_id, [item.pk])
        else:
            _fail(item, SESI_BERAKHIR)
            _finish_if_done(item.batch)
    session_store.drop_expired()
    return [item.object_id for item in stuck]


# --- revocation --------------------------------------------------------------------------------


def dokumen_revoke(
    *, dokumen: Dokumen, reason: str, replaced_by: Dokumen | None = None, user: User | None = None
) -> Dokumen:
    if not reason.strip():
        raise BerkasInvalid("Alasan pencabutan wajib diisi.")
    with transaction.atomic():
        locked = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
        if locked.status != Dokumen.Status.BERLAKU:
            return locked
        locked.status = Dokumen.Status.DIGANTI if replaced_by else Dokumen.Status.DICABUT
        locked.diganti_oleh = replaced_by
        locked.dicabut_pada = timezone.now()
        locked.alasan_pencabutan = reason
        locked._history_user = user or berkas_services.system_user()
        locked.save(update_fields=["status", "diganti_oleh", "dicabut_pada", "alasan_pencabutan"])
    return locked


# --- development certificates ---------------------------------------------------------------------


def install_dev_certificate(
    *,
    user: User,
    passphrase: str,
    nama: str | None = None,
    nik: str = "",
    nip: str = "",
    jabatan: str = "Kepala Dinas",
) -> SertifikatPenandatangan:
    """Create the development CA once (in TTE_DIR) and a PKCS#12 for ``user``; demo and tests only."""
    from . import devca
    from .backends import clear_session_cache

    directory = settings.TTE_DIR
    ca = devca.load_ca(directory)
    if ca is None:
        ca = devca.create_ca()
        devca.write_ca(ca, directory)
    nama = nama or user.get_full_name() or user.username
    p12 = devca.issue_signer_p12(ca, nama=nama, nik=nik, passphrase=passphrase)
    path = directory / f"{user.username}.p12"
    path.write_bytes(p12)
    path.chmod(0o600)
    cert, _ = SertifikatPenandatangan.objects.update_or_create(
        pengguna=user,
        defaults={"nama": nama, "nik": nik, "nip": nip, "p12_path": str(path), "jabatan": jabatan, "aktif": True},
    )
    clear_session_cache()
    return cert
