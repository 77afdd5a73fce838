"""The kinerja demo: a few open berkas of the demo aged as if they had waited for days, so the late
list (``/kinerja/terlambat/``) has rows to show. Demo seeding only: it moves clocks, no state."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from ..choices import Status
from ..models import Berkas, WorkItem

# status → (days the open step has waited, days past the berkas's tenggat or None)
UMUR = {Status.DITERIMA: (3, None), Status.VERIFIKASI: (6, 2)}


def build_kinerja_demo() -> list[WorkItem]:
    """Age the open work item of one demo berkas per status in ``UMUR``; returns the aged items."""
    ct = ContentType.objects.get_for_model(Berkas)
    now, today = timezone.now(), timezone.localdate()
    aged = []
    for status, (hari, lewat) in UMUR.items():
        berkas = Berkas.objects.filter(status=status).order_by("pk").first()
        item = (
            WorkItem.objects.filter(content_type=ct, object_id=getattr(berkas, "pk", None), selesai_pada__isnull=True)
            .order_by("pk")
            .first()
        )
        if item is None:
            continue
        tenggat = today - timedelta(days=lewat) if lewat is not None else item.tenggat
        WorkItem.objects.filter(pk=item.pk).update(sejak=now - timedelta(days=hari), tenggat=tenggat)
        if lewat is not None:
            Berkas.objects.filter(pk=berkas.pk).update(tenggat=tenggat)
        aged.append(item)
    return aged
