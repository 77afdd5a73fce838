import os
from pathlib import Path

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dukcapil")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")

from .base import *  # noqa: E402,F403
from .base import BASE_DIR  # noqa: E402

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY") or "test-suite-only-key-never-deployed"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests run tasks in-process unless a test starts a real worker (see tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = os.environ.get("CELERY_TASK_ALWAYS_EAGER", "1") == "1"
CELERY_TASK_EAGER_PROPAGATES = True
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "var" / "test-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TTE_DIR = Path(os.environ.get("TTE_DIR", str(BASE_DIR / "var" / "test-tte")))
TTE_TRUST_ROOTS = [str(TTE_DIR / "dev-root-ca.pem")]
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"status_publik": "1000/min"}}  # noqa: F405
# A record type that is not a berkas, added as a later bidang app would (tests/signable_app).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.signable_app.apps.SignableAppConfig"]  # noqa: F405
