import django_filters

from dukcapil.choices import Status
from dukcapil.models import Berkas


class QueueFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    layanan = django_filters.CharFilter(field_name="layanan__kode")
    bidang = django_filters.CharFilter(field_name="bidang__kode")
    dibuat_sejak = django_filters.DateFilter(field_name="dibuat_pada", lookup_expr="date__gte")
    dibuat_sampai = django_filters.DateFilter(field_name="dibuat_pada", lookup_expr="date__lte")

    class Meta:
        model = Berkas
        fields = ["status", "layanan", "bidang", "dibuat_sejak", "dibuat_sampai"]
