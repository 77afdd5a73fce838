"""PIAK screens; one block per process, each process's views in ``piak/views/<process>.py``."""

from django.urls import path  # noqa: F401

app_name = "piak"

urlpatterns: list = []
