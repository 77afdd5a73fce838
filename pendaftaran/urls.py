from django.urls import path

from . import views

app_name = "pendaftaran"
urlpatterns = [
    path("kk/<str:nomor>/entri/", views.entri_kk, name="entri-kk"),
]
