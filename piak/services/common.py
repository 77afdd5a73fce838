"""Helpers the PIAK services share: a field error, a transition that also writes fields, and the
jenis naskah a process drafts its letter or report with."""

from dukcapil.exceptions import BerkasInvalid
from dukcapil.workflow.models import WorkflowRecord
from dukcapil.workflow.services import record_transition
from sekretariat.models import JenisNaskah
from sekretariat.services.keuangan import sop_minutes


def invalid(field: str, message: str) -> BerkasInvalid:
    """A 400 naming the form field at fault."""
    return BerkasInvalid(message, fields={field: [message]})


def transition_with(record: WorkflowRecord, method: str, user, note: str, **fields) -> WorkflowRecord:
    """Set ``fields`` on the locked ``record`` and run ``method`` saving them with the state."""
    for name, value in fields.items():
        setattr(record, name, value)
    record_transition(record, method, user, note, update_fields=list(fields))
    return record


def jenis_naskah(kode: str) -> JenisNaskah:
    """The jenis naskah ``kode`` (default data); a clear 400 when the office removed it."""
    jenis = JenisNaskah.objects.filter(kode=kode).first()
    if jenis is None:
        raise BerkasInvalid(f"Jenis naskah «{kode}» belum tersedia.")
    return jenis


def stage_minutes(sop_slug: str, steps: dict[str, int]) -> dict[str, int]:
    """{stage: standard minutes} from the SOP ``sop_slug`` of the active office (or a fallback's):
    ``steps`` names the SOP step (urutan) that times each stage; empty when the SOP is not loaded."""
    minutes = sop_minutes(sop_slug)
    return {stage: minutes[step] for stage, step in steps.items() if step in minutes}
