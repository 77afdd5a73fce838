"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path

from .views import gangguan

app_name = "piak"

urlpatterns: list = [
    # gangguan SIAK, jaringan dan perangkat
    path("gangguan/", gangguan.gangguan_list, name="gangguan-list"),
    path("gangguan/lapor/", gangguan.gangguan_lapor, name="gangguan-lapor"),
    path("gangguan/<int:pk>/", gangguan.gangguan_detail, name="gangguan-detail"),
    path("gangguan/<int:pk>/aksi/<slug:aksi>/", gangguan.gangguan_aksi, name="gangguan-aksi"),
    path("gangguan/<int:pk>/laporan-rekanan/", gangguan.gangguan_rekanan_berkas, name="gangguan-rekanan-berkas"),
    path("gangguan/monitoring/", gangguan.monitoring, name="gangguan-monitoring"),
    path("gangguan/monitoring/xlsx/", gangguan.monitoring_xlsx, name="gangguan-monitoring-xlsx"),
    path("gangguan/monitoring/ajukan/", gangguan.monitoring_ajukan, name="gangguan-monitoring-ajukan"),
    # --- end gangguan
]
