from django.apps import AppConfig


class PencatatanSipilConfig(AppConfig):
    name = "pencatatan_sipil"
    verbose_name = "Pelayanan Pencatatan Sipil"
