from django.urls import path

from . import views

app_name = "antrian"

urlpatterns = [
    path("kiosk/", views.kiosk, name="kiosk"),
    path("kiosk/tiket/<uuid:token>/", views.kiosk_tiket, name="kiosk-tiket"),
    path("ambil/", views.ambil, name="ambil"),
    path("tiket/<uuid:token>/", views.tiket, name="tiket"),
    path("tiket/<uuid:token>/batal/", views.tiket_batal, name="tiket-batal"),
    path("loket/", views.loket_list, name="loket-list"),
    path("loket/<int:pk>/", views.loket, name="loket"),
    path("loket/<int:pk>/panggil/", views.loket_panggil, name="loket-panggil"),
    path("loket/<int:pk>/tiket/<int:tiket_id>/<slug:aksi>/", views.loket_aksi, name="loket-aksi"),
    path("layar/", views.layar, name="layar"),
    path("layar/panggilan/", views.layar_panggilan, name="layar-panggilan"),
    path("statistik/", views.statistik, name="statistik"),
    path("statistik/xlsx/", views.statistik_xlsx, name="statistik-xlsx"),
]
