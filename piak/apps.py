from django.apps import AppConfig


class PiakConfig(AppConfig):
    name = "piak"
    verbose_name = "Pengelolaan Informasi Administrasi Kependudukan"
