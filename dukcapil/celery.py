import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dukcapil.settings.local")

app = Celery("dukcapil")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
