"""The embedded demo (bin/start): one machine, runserver, SQLite or PostgreSQL.

DEBUG is off unless DEBUG=1; the SECRET_KEY is this install's own (var/secret_key, made on first
start) unless SECRET_KEY is set. Static files are served by WhiteNoise from the app folders, so
the development server needs neither DEBUG nor collectstatic."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES, env, env_bool, secret_key_file

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY") or secret_key_file(Path(env("SECRET_KEY_FILE", str(BASE_DIR / "var" / "secret_key"))))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# SQLite (the demo without DATABASE_URL) cannot enforce the work items' one-open-item constraint,
# which treats NULL persons as equal; PostgreSQL (production, tests) does.
SILENCED_SYSTEM_CHECKS = ["models.W047"]
