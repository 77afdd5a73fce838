"""Production-like settings for the benchmark (DEBUG off, Redis cache, PostgreSQL)."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dukcapil_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/12")

from dukcapil.settings.base import *  # noqa: E402,F403
from dukcapil.settings.base import REST_FRAMEWORK  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
# The production throttle stays on (its Redis round trips are part of the real cost); the load
# comes from many client addresses forwarded by one reverse proxy, as citizens behind nginx.
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": 1}
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "WARNING", "handlers": []}}
# pages render without a collectstatic manifest (the bench measures views, not static files)
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
