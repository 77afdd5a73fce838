from django.urls import path

from . import views

app_name = "pendaftaran"
urlpatterns = [
    path("kk/<str:nomor>/entri/", views.entri_kk, name="entri-kk"),
    path("berkas/<str:nomor>/entri/", views.entri, name="entri"),
    path("blangko/", views.blangko, name="blangko"),
    path("perekaman/", views.perekaman, name="perekaman"),
    path("database/", views.register, name="register"),
]
