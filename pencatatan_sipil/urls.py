from django.urls import path

from . import views

app_name = "pencatatan_sipil"
urlpatterns = [
    path("berkas/<str:nomor>/entri/", views.entri, name="entri"),
    path("register/", views.register_akta, name="register"),
]
