"""The kinerja demo: a few open berkas of the demo registered days earlier, as if they had waited
since, so the late list (``/kinerja/terlambat/``) has rows to show. Demo seeding only: the berkas's
clock moves back as a whole (registration, kartu kendali, work items, tenggat), no state changes."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from ..choices import Status
from ..hari_kerja import add_hari_kerja, hari_kerja_between
from ..models import Berkas, WorkItem
from ..workflow.models import KartuKendali

# status → days before now the berkas was registered: the first is past its step's SOP minutes,
# the second past its tenggat too
UMUR = {Status.DITERIMA: 3, Status.VERIFIKASI: 8}


def build_kinerja_demo() -> list[WorkItem]:
    """Move back the clock of one demo berkas per status in ``UMUR``; returns their open items."""
    ct = ContentType.objects.get_for_model(Berkas)
    aged = []
    for status, hari in UMUR.items():
        berkas = Berkas.objects.filter(status=status).order_by("pk").first()
        item = (
            WorkItem.objects.filter(content_type=ct, object_id=getattr(berkas, "pk", None), selesai_pada__isnull=True)
            .order_by("pk")
            .first()
        )
        if item is None:
            continue
        geser = timedelta(days=hari)
        tenggat = berkas.tenggat
        if tenggat is not None:  # the same number of hari kerja from the earlier registration day
            jangka = hari_kerja_between(timezone.localdate(berkas.dibuat_pada), tenggat)
            tenggat = add_hari_kerja(timezone.localdate(berkas.dibuat_pada - geser), jangka)
        Berkas.objects.filter(pk=berkas.pk).update(
            dibuat_pada=F("dibuat_pada") - geser, status_sejak=F("status_sejak") - geser, tenggat=tenggat
        )
        KartuKendali.objects.filter(content_type=ct, object_id=berkas.pk).update(
            waktu=F("waktu") - geser, mulai=F("mulai") - geser
        )
        items = WorkItem.objects.filter(content_type=ct, object_id=berkas.pk)
        items.update(sejak=F("sejak") - geser, tenggat=tenggat)
        items.filter(selesai_pada__isnull=False).update(selesai_pada=F("selesai_pada") - geser)
        aged.append(item)
    return aged
