from django.urls import path

from . import views

app_name = "ikm"

urlpatterns = [
    # public: the questionnaire from the desk's QR, the resi's link, the kiosk tablet
    path("survei/", views.survei, name="survei"),
    path("survei/terima-kasih/", views.terima_kasih, name="terima-kasih"),
    path("r/<str:token>/", views.survei_resi, name="survei-resi"),
    path("kiosk/", views.kiosk, name="kiosk"),
    path("kiosk/terima-kasih/", views.kiosk_terima_kasih, name="kiosk-terima-kasih"),
    path("qr-loket.svg", views.qr_loket_svg, name="qr-loket-svg"),
    # staff
    path("qr-loket/", views.qr_loket, name="qr-loket"),
    path("hasil/", views.hasil, name="hasil"),
    path("hasil/xlsx/", views.hasil_xlsx, name="hasil-xlsx"),
    path("laporan/baru/", views.laporan_baru, name="laporan-baru"),
    path("laporan/<int:pk>/", views.laporan_detail, name="laporan-detail"),
    path("laporan/<int:pk>/pdf/", views.laporan_pdf, name="laporan-pdf"),
]
