import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dukcapil.settings.local")

app = Celery("dukcapil")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _warm_up(**kwargs) -> None:
    """Load the document layouts and URL routes once per worker process, not in the first task."""
    import django
    from django.urls import get_resolver

    django.setup()
    get_resolver().url_patterns  # noqa: B018 - builds the resolver cache
    get_resolver().reverse_dict  # noqa: B018 - and its reverse table (each signed document's verification link)
    from django.apps import apps

    for config in apps.get_app_configs():
        try:
            __import__(f"{config.name}.documents")
        except ImportError:
            continue
    import dukcapil.tte.services  # noqa: F401 - the signing path and pyhanko, before the first chunk
