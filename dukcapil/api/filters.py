from datetime import datetime, time, timedelta

import django_filters
from django.utils import timezone

from dukcapil.choices import FINAL_STATUSES, Status
from dukcapil.models import Berkas


def _day_start(day) -> datetime:
    """Midnight of an office day (Asia/Jakarta) as an aware datetime: a range on the indexed column,
    never ``date(dibuat_pada)``, which no index can answer."""
    return timezone.make_aware(datetime.combine(day, time.min))


class QueueFilter(django_filters.FilterSet):
    """Open berkas by default (what a queue is); ``status`` names the states wanted, closed ones too."""

    # distinct=False: a filter on the berkas's own column never duplicates rows, and DISTINCT made
    # PostgreSQL sort the whole result on disk at a million berkas
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, distinct=False)
    layanan = django_filters.CharFilter(field_name="layanan__kode", distinct=False)
    bidang = django_filters.CharFilter(field_name="bidang__kode", distinct=False)
    dibuat_sejak = django_filters.DateFilter(method="filter_dibuat_sejak")
    dibuat_sampai = django_filters.DateFilter(method="filter_dibuat_sampai")

    class Meta:
        model = Berkas
        fields = ["status", "layanan", "bidang", "dibuat_sejak", "dibuat_sampai"]

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status__in=FINAL_STATUSES)
        return queryset

    def filter_dibuat_sejak(self, queryset, name, value):
        return queryset.filter(dibuat_pada__gte=_day_start(value))

    def filter_dibuat_sampai(self, queryset, name, value):
        return queryset.filter(dibuat_pada__lt=_day_start(value + timedelta(days=1)))
