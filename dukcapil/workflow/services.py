"""The one transition runner for every workflow record.

``record_act`` is what a user path calls: it locks the row, refuses a stale page (409), a state
that does not allow the transition (409) or a role the permissions table does not grant (403),
runs the django-fsm transition declared on the model, writes the kartu kendali and moves the work
items, in one transaction. ``record_transition`` does the same without the user checks, for the
system (a Celery task, the sweep) and for services that checked already.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django_fsm import can_proceed, has_transition_perm
from simple_history.utils import bulk_update_with_history

from ..exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from .models import KartuKendali, WorkflowRecord, WorkItem

BASE_FIELDS = ("status", "status_sejak", "catatan")


def record_lock(
    model: type[WorkflowRecord], pk: int, *, related: Sequence[str] = (), label: str = "Berkas"
) -> WorkflowRecord:
    """The record's row under lock. of=("self",): only its own row; with the join PostgreSQL would
    also lock the joined catalogue rows and every record of that layanan would queue behind each other."""
    try:
        return model.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pk)
    except model.DoesNotExist:
        raise BerkasInvalid(f"{label} tidak ditemukan.") from None


def last_card(record: WorkflowRecord) -> KartuKendali | None:
    return (
        KartuKendali.objects.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)
        .select_related("pelaku")
        .order_by("-waktu", "-pk")
        .first()
    )


def _name(record: WorkflowRecord) -> str:
    return str(record._meta.verbose_name).capitalize()


def check_expected(record: WorkflowRecord, expected_status: str | None) -> None:
    """A page acted on the state it showed; if someone acted first, say who and change nothing."""
    if expected_status and record.status != expected_status:
        last = last_card(record)
        who = f" oleh {last.pelaku}" if last and last.pelaku else ""
        raise BerkasConflict(
            f"{_name(record)} {record.nomor} baru saja diproses{who}; statusnya sekarang "
            f"«{record.get_status_display()}». Tindakan Anda tidak dijalankan, tidak ada data "
            "yang hilang. Muat ulang halaman untuk melihat keadaan terbaru."
        )


def check_allowed(record: WorkflowRecord, method: str, user, label: str) -> None:
    """409 when the state does not allow the transition, 403 when the permissions table refuses it."""
    bound = getattr(record, method)
    if not can_proceed(bound):
        raise BerkasConflict(
            f"{_name(record)} berstatus «{record.get_status_display()}»; tindakan «{label}» "
            "tidak dapat dilakukan pada tahap ini."
        )
    if not has_transition_perm(bound, user):
        raise BerkasForbidden(f"Peran Anda tidak berwenang: «{label}» pada tahap ini.")


def _card(record: WorkflowRecord, method: str, user, note: str, at: datetime, ct, *args) -> KartuKendali:
    """Run the transition in memory and return its (unsaved) kartu kendali row."""
    dari, mulai = record.status, record.status_sejak
    getattr(record, method)(*args)
    record.status_sejak = at
    if note:
        record.catatan = note
    return KartuKendali(
        content_type=ct,
        object_id=record.pk,
        transisi=method,
        dari_status=dari,
        ke_status=record.status,
        pelaku=user,
        waktu=at,
        mulai=mulai,
        catatan=note,
    )


def record_transition(
    record: WorkflowRecord,
    method: str,
    user,
    note: str = "",
    *args,
    update_fields: Sequence[str] = (),
    created: bool = False,
) -> KartuKendali:
    """Run a transition the caller has checked (or the system runs), record it and save.

    ``created``: the record was inserted in this transaction (its first transition): it holds no
    open work item yet, so none is closed."""
    at = timezone.now()
    ct = ContentType.objects.get_for_model(record)
    card = _card(record, method, user, note, at, ct, *args)
    card.save()
    record._history_user = user
    record.save(update_fields=[*BASE_FIELDS, *update_fields])
    move_work_items([record], at, ct, close=not created)
    forget_public_answers([record])
    return card


def forget_public_answers(records: Iterable[WorkflowRecord]) -> None:
    """After commit, drop what the public lookups cached about these records (their state moved)."""
    keys = [key for record in records for key in record.public_cache_keys()]
    if keys:
        from dukcapil import status_cache

        transaction.on_commit(lambda: status_cache.forget(keys))


def record_transition_many(records: list[WorkflowRecord], method: str, user, note: str = "") -> None:
    """record_transition for many locked records of one type at once (a batch): bulk writes."""
    if not records:
        return
    at = timezone.now()
    ct = ContentType.objects.get_for_model(records[0])
    KartuKendali.objects.bulk_create([_card(r, method, user, note, at, ct) for r in records])
    # the records now share their new values (catatan only if there is a note): one UPDATE per set
    # of values, not bulk_update's CASE per row and field
    fields = [f for f in BASE_FIELDS if note or f != "catatan"]
    model = type(records[0])
    groups: dict[tuple, list[int]] = {}
    for record in records:
        groups.setdefault(tuple(getattr(record, f) for f in fields), []).append(record.pk)
    with transaction.atomic(savepoint=False):
        for values, pks in groups.items():
            model.objects.filter(pk__in=pks).update(**dict(zip(fields, values, strict=True)))
        if hasattr(model._meta, "simple_history_manager_attribute"):
            bulk_update_with_history(records, model, [], default_user=user)  # their history rows only
    move_work_items(records, at, ct)
    forget_public_answers(records)


def record_act(
    *,
    model: type[WorkflowRecord],
    pk: int,
    method: str,
    user,
    label: str,
    note: str = "",
    expected_status: str | None = None,
) -> WorkflowRecord:
    """The public runner: lock, check the page's state, the FSM state and the table, transition."""
    with transaction.atomic():
        record = record_checked(model=model, pk=pk, method=method, user=user, label=label,
                                expected_status=expected_status)  # fmt: skip
        record_transition(record, method, user, note)
    return record


def record_checked(
    *, model: type[WorkflowRecord], pk: int, method: str, user, label: str, expected_status: str | None = None,
    lock_label: str = "Berkas", related: Sequence[str] = (),
) -> WorkflowRecord:  # fmt: skip
    """The row under lock, once the page's state (409), the FSM state (409) and the table (403)
    allow ``method``; inside the caller's transaction.atomic()."""
    record = record_lock(model, pk, related=related, label=lock_label)
    check_expected(record, expected_status)
    check_allowed(record, method, user, label)
    return record


def record_checker(
    model: type[WorkflowRecord], *, labels: dict[str, str], lock_label: str, related: Sequence[str] = ()
) -> Callable[..., WorkflowRecord]:
    """``record_checked`` bound to one record type: ``check(user, pk, method, expected_status)``, the
    refusal naming the action by its label in ``labels`` (a process's buttons)."""

    def check(user, pk: int, method: str, expected_status: str | None = None) -> WorkflowRecord:
        return record_checked(model=model, pk=pk, method=method, user=user, label=labels.get(method, method),
                              expected_status=expected_status, lock_label=lock_label, related=related)  # fmt: skip

    return check


def move_work_items(
    records: Iterable[WorkflowRecord], at: datetime, ct: ContentType | None = None, *, close: bool = True
) -> None:
    """Close what the records were waiting for and open what their new state waits for (one
    statement each, none when there is nothing to open)."""
    records = list(records)
    if not records:
        return
    ct = ct or ContentType.objects.get_for_model(records[0])
    if close:
        WorkItem.objects.filter(
            content_type=ct, object_id__in=[r.pk for r in records], selesai_pada__isnull=True
        ).update(selesai_pada=at)
    opened = [item for r in records for item in open_items(r, at, ct)]
    if opened:
        WorkItem.objects.bulk_create(opened)


def open_items(record: WorkflowRecord, at: datetime, ct: ContentType) -> list[WorkItem]:
    aksi = record.KOTAK_MASUK.get(record.status)
    if aksi is None:
        return []
    return [
        WorkItem(
            content_type=ct,
            object_id=record.pk,
            bidang_id=record.bidang_id,
            aksi=aksi,
            status=record.status,
            sejak=at,
            standar_menit=record.standard_minutes(),
            tenggat=record.tenggat,
        )
    ]


def records_of(items: Sequence[WorkItem], querysets: dict[type[models.Model], models.QuerySet]) -> None:
    """Attach each work item's record, one query per record type (``item.record`` then costs nothing)."""
    by_ct: dict[int, list[WorkItem]] = {}
    for item in items:
        by_ct.setdefault(item.content_type_id, []).append(item)
    for ct_id, group in by_ct.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        qs = querysets.get(model, model._default_manager.all())
        found = qs.in_bulk([i.object_id for i in group])
        for item in group:
            item._state.fields_cache["record"] = found.get(item.object_id)
