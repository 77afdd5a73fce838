"""Settings shared by every environment; everything deployment-specific comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def secret_key_file(path: Path) -> str:
    """The install's own SECRET_KEY: read from ``path``, or generated there on first start
    (owner-only, mode 600) and reused on every later start."""
    if path.exists():
        key = path.read_text().strip()
        if key:
            return key
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    os.chmod(path, 0o600)
    return key


# The key published in this repository: never valid outside tests (system check dukcapil.E010).
# The embedded demo (settings/local.py) generates its own into var/secret_key; production requires SECRET_KEY.
PUBLIC_DEFAULT_SECRET_KEY = "dev-only-insecure-key-change-me"
SECRET_KEY = env("SECRET_KEY", PUBLIC_DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "rest_framework.authtoken",
    # before dukcapil: its permissions must exist when dukcapil's post_migrate syncs the role groups
    "dukcapil.audit",
    "dukcapil",
    "dukcapil.warga",
    "dukcapil.ikm",
    "pendaftaran",
    "pencatatan_sipil",
    "piak",
    "sekretariat",
    "dukcapil.kinerja",
    "dukcapil.antrian",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # a citizen's session reaches the citizen's pages and the public ones only
    "dukcapil.warga.middleware.WargaTerpisahMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: answers a locked-out login with its page.
    "axes.middleware.AxesMiddleware",
]

# --- Login protection (django-axes) -------------------------------------------------------
# A failed password counts against the account and, separately, against the address; either
# reaching AXES_FAILURE_LIMIT locks it for AXES_COOLOFF_TIME. Admin unlocks under "Axes".
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = "dukcapil.api.authentication.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "dukcapil.errors.login_locked"
AXES_CLIENT_IP_CALLABLE = "dukcapil.ratelimit.request_ip"
AXES_VERBOSE = False  # its log lines name the username and address; the audit trail keeps them
AXES_DISABLE_ACCESS_LOG = True  # logins and logouts go to the audit trail (dukcapil.audit) instead

# --- Content-Security-Policy (django-csp) and the other response headers ---------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing here uses the camera, microphone, location or payment; the kiosk and display neither.
PERMISSIONS_POLICY = {"camera": [], "microphone": [], "geolocation": [], "payment": [], "usb": []}

ROOT_URLCONF = "dukcapil.urls"
WSGI_APPLICATION = "dukcapil.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dukcapil.context_processors.office",
                "dukcapil.context_processors.izin",
                "dukcapil.context_processors.notifikasi",
                "dukcapil.warga.context_processors.warga",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
if env("DATABASE_REPLICA_URL"):
    # a streaming read replica for the public lookups and the dashboards (dukcapil/db_router.py)
    DATABASES["replica"] = dj_database_url.parse(
        env("DATABASE_REPLICA_URL"), conn_max_age=int(env("DB_CONN_MAX_AGE", "60"))
    )
DATABASE_ROUTERS = ["dukcapil.db_router.ReplicaRouter"]
if env_bool("DB_PGBOUNCER", False):
    # PgBouncer in transaction mode: a transaction may move to another server connection, so no
    # server-side cursors (which outlive a transaction) and no session state
    for _alias in DATABASES.values():
        _alias["DISABLE_SERVER_SIDE_CURSORS"] = True
for _alias in DATABASES.values():
    if _alias["ENGINE"].endswith("postgresql") and not env_bool("DB_PGBOUNCER", False):
        # PostgreSQL's JIT compiles any query its planner thinks costly: on the kinerja aggregates
        # that compilation took ~0.9 s of a 1.5 s query (bench/kinerja.py); an OLTP office system
        # gains nothing from it. (PgBouncer refuses this startup option: docker-compose.yml sets
        # jit=off on the servers instead.)
        _alias.setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "dukcapil.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "kotak-masuk"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Redis serves as Celery broker and cache when configured; without it the office runs
# with in-process tasks and a local-memory cache (single-machine demo mode).
REDIS_URL = env("REDIS_URL")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BEAT_SCHEDULE = {
    "sweep-berkas-menunggu-dokumen": {
        "task": "dukcapil.tasks.sweep_pending_documents",
        "schedule": crontab(minute="*/2"),
    },
    "sweep-pesan-keluar": {"task": "dukcapil.tasks.sweep_outbox", "schedule": crontab(minute="*/2")},
    "sweep-cetakan": {"task": "dukcapil.tasks.sweep_cetakan", "schedule": crontab(minute="*/2")},
    "bersihkan-cetakan": {"task": "dukcapil.tasks.bersihkan_cetakan", "schedule": crontab(hour=2, minute=15)},
    # perencanaan dan pelaporan: reminders before due dates (once per document per day)
    "ingatkan-perencanaan": {"task": "sekretariat.tasks.ingatkan_perencanaan", "schedule": crontab(hour=7, minute=0)},
    # PIAK kerja sama: end agreements past their term, remind 90 and 30 days before (once each)
    "kerjasama-harian": {"task": "piak.tasks.kerjasama_harian", "schedule": crontab(hour=6, minute=30)},
    # kinerja layanan: daily roll-ups (yesterday and every day changed since its roll-up)
    "kinerja-rekap-harian": {"task": "kinerja.rekap_harian", "schedule": crontab(hour=0, minute=30)},
}
# Documents produced on request (dukcapil.cetakan): an identical request within REUSE while the
# earlier one still waits gets that one, a request still waiting after SWEEP is published again,
# files older than KEEP are deleted (nightly).
CETAKAN_REUSE_AFTER = timedelta(seconds=int(env("CETAKAN_REUSE_SECONDS", "30")))
CETAKAN_SWEEP_AFTER = timedelta(minutes=int(env("CETAKAN_SWEEP_AFTER_MINUTES", "2")))
CETAKAN_KEEP = timedelta(days=int(env("CETAKAN_KEEP_DAYS", "7")))
# A berkas waiting this long in "cetak" (or for its resi) is re-enqueued by the sweep.
DOCUMENT_SWEEP_AFTER = timedelta(minutes=int(env("DOCUMENT_SWEEP_AFTER_MINUTES", "5")))
# Scans of surat masuk (sekretariat): the largest upload accepted, in MB.
SEKRETARIAT_UPLOAD_MAX_MB = int(env("SEKRETARIAT_UPLOAD_MAX_MB", "10"))
# Layanan online warga (dukcapil.warga): the largest upload per persyaratan, in MB; the one-time
# code's life, wrong tries allowed and the wait after them; the least time between two codes sent.
WARGA_UPLOAD_MAX_MB = int(env("WARGA_UPLOAD_MAX_MB", "2"))
WARGA_OTP_BERLAKU = timedelta(minutes=int(env("WARGA_OTP_BERLAKU_MENIT", "10")))
WARGA_OTP_MAKS_PERCOBAAN = int(env("WARGA_OTP_MAKS_PERCOBAAN", "5"))
WARGA_OTP_TUNGGU = timedelta(minutes=int(env("WARGA_OTP_TUNGGU_MENIT", "15")))
WARGA_OTP_JEDA_KIRIM = timedelta(seconds=int(env("WARGA_OTP_JEDA_KIRIM_DETIK", "60")))
# Kepegawaian: how many months before the batas usia pensiun the MPP (masa persiapan pensiun) may be asked for
KEPEGAWAIAN_MPP_BULAN = int(env("KEPEGAWAIAN_MPP_BULAN", "12"))

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Dukcapil <noreply@localhost>")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
# The outbox (dukcapil.notifikasi): a queued message whose task was lost is sent by the sweep after
# RETRY_AFTER; a failed attempt is tried again after BACKOFF, doubling each time up to BACKOFF_MAX;
# after MAX_ATTEMPTS (or at once, when the channel refuses it for good) it is «gagal» in the admin.
NOTIFIKASI_RETRY_AFTER = timedelta(
    minutes=int(env("NOTIFIKASI_RETRY_AFTER_MINUTES", env("EMAIL_RETRY_AFTER_MINUTES", "2")))
)
NOTIFIKASI_MAX_ATTEMPTS = int(env("NOTIFIKASI_MAX_ATTEMPTS", env("EMAIL_MAX_ATTEMPTS", "20")))
NOTIFIKASI_BACKOFF = timedelta(seconds=int(env("NOTIFIKASI_BACKOFF_SECONDS", "60")))
NOTIFIKASI_BACKOFF_MAX = timedelta(seconds=int(env("NOTIFIKASI_BACKOFF_MAX_SECONDS", str(6 * 3600))))
# Messages to citizens by phone (dukcapil.notifikasi.kanal): the first channel here whose gateway
# is configured carries them; a permanent failure there (number not on WhatsApp) falls back to the
# next. A gateway without URL is off: no rows are written for it.
NOTIFIKASI_KANAL_TELEPON = env_list("NOTIFIKASI_KANAL_TELEPON", "whatsapp,sms")
WHATSAPP_GATEWAY_URL = env("WHATSAPP_GATEWAY_URL", "")
WHATSAPP_GATEWAY_TOKEN = env("WHATSAPP_GATEWAY_TOKEN", "")
WHATSAPP_GATEWAY_SENDER = env("WHATSAPP_GATEWAY_SENDER", "")
WHATSAPP_GATEWAY_TIMEOUT = float(env("WHATSAPP_GATEWAY_TIMEOUT", "10"))
SMS_GATEWAY_URL = env("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = env("SMS_GATEWAY_TOKEN", "")
SMS_GATEWAY_SENDER = env("SMS_GATEWAY_SENDER", "")
SMS_GATEWAY_TIMEOUT = float(env("SMS_GATEWAY_TIMEOUT", "10"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Session (the screens) or token (other systems); never HTTP Basic: a password per request
        # would bypass the login lockout. Failed tokens count toward the address's lockout.
        "rest_framework.authentication.SessionAuthentication",
        "dukcapil.api.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "dukcapil.api.schema.DukcapilAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "dukcapil.api.pagination.QueuePagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "dukcapil.api.exception_handler.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"status_publik": env("STATUS_THROTTLE_RATE", "30/min")},
    # Reverse proxies in front of gunicorn (nginx: 1); throttles then key on the forwarded address.
    "NUM_PROXIES": int(env("NUM_PROXIES", "0")),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Layanan Dukcapil",
    "DESCRIPTION": "Status berkas untuk pemohon dan antrian berkas untuk petugas.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# The office whose SOP catalogue (fixtures/offices/<slug>.json) the demo loads; a deployment
# runs `manage.py load_office <slug>` once. OFFICE_* are fallbacks for an empty office profile.
OFFICE_SLUG = env("OFFICE_SLUG", "bintan")
# Offices whose SOPs serve, in this order, the layanan the active office's catalogue lacks.
SOP_FALLBACK_OFFICES = [
    s.strip()
    for s in env("SOP_FALLBACK_OFFICES", "lumajang,probolinggo,loket-sederhana,pekanbaru").split(",")
    if s.strip()
]
OFFICE = {
    "pemerintah": env("OFFICE_PEMERINTAH", "PEMERINTAH KABUPATEN BINTAN"),
    "nama_dinas": env("OFFICE_NAMA_DINAS", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"),
    "alamat": env("OFFICE_ALAMAT", "Jl. Raya Tanjung Uban Km. 42, Bintan, Kepulauan Riau"),
    "kabupaten_kota": env("OFFICE_KABUPATEN_KOTA", "Kabupaten Bintan"),
    "provinsi": env("OFFICE_PROVINSI", "Kepulauan Riau"),
    "tempat_terbit": env("OFFICE_TEMPAT_TERBIT", "Bintan"),
    "kepala_dinas_nama": env("OFFICE_KADIS_NAMA", "Kepala Dinas (isi di pengaturan)"),
    "kepala_dinas_nip": env("OFFICE_KADIS_NIP", "-"),
    # Kemendagri code of the kabupaten/kota (4 digits): the start of every nomor KK issued here.
    "kode_wilayah": env("OFFICE_KODE_WILAYAH", "2102"),
}
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}


def require(name: str) -> str:
    value = env(name)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value


# When Redis is down, give up publishing quickly: the committed berkas is the outbox and the
# sweep re-enqueues it, so the officer's request must not hang.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}

# Tanda tangan elektronik (TTE). Backends: dukcapil.tte.backends.LocalPadesBackend (the signer's
# PKCS#12 on this server) or dukcapil.tte.backends.BsreBackend (the office's BSrE Esign Client
# Service at TTE_BSRE_URL). Trust roots verify uploaded PDFs on the public verification page.
TTE_BACKEND = env("TTE_BACKEND", "dukcapil.tte.backends.LocalPadesBackend")
TTE_BSRE_URL = env("TTE_BSRE_URL", "http://127.0.0.1:8080")
TTE_BSRE_TIMEOUT = float(env("TTE_BSRE_TIMEOUT", "30"))
TTE_DIR = Path(env("TTE_DIR", str(BASE_DIR / "var" / "tte")))
TTE_TRUST_ROOTS = env_list("TTE_TRUST_ROOTS", str(TTE_DIR / "dev-root-ca.pem"))
TTE_SESSION_TTL = int(env("TTE_SESSION_TTL_SECONDS", "900"))
# Key of the encrypted signing sessions in the database (SesiTTE); derived from SECRET_KEY when unset.
TTE_SESSION_KEY = env("TTE_SESSION_KEY", "")
TTE_CHUNK_SIZE = int(env("TTE_CHUNK_SIZE", "50"))
TTE_LOCKOUT_ATTEMPTS = int(env("TTE_LOCKOUT_ATTEMPTS", "3"))
TTE_LOCKOUT_WINDOW = timedelta(minutes=int(env("TTE_LOCKOUT_WINDOW_MINUTES", "15")))
TTE_LOCKOUT_PERIOD = timedelta(minutes=int(env("TTE_LOCKOUT_PERIOD_MINUTES", "30")))
TTE_VERIFY_MAX_BYTES = 10 * 1024 * 1024

# PIAK operasional: a backup without a successful restore test within this many days is flagged
PIAK_BATAS_UJI_PEMULIHAN_HARI = int(env("PIAK_BATAS_UJI_PEMULIHAN_HARI", "90"))
# Anjab/ABK (sekretariat/models/anjab.py): waktu kerja efektif per year, 1.250 jam = 75.000 menit
# (PermenPAN-RB 1/2020); set in minutes.
ANJAB_WAKTU_KERJA_EFEKTIF_MENIT = int(env("ANJAB_WAKTU_KERJA_EFEKTIF_MENIT", "75000"))

# --- antrian (dukcapil/antrian/) ---
# the ticket this many places behind the one just called gets «segera dipanggil» (once)
ANTRIAN_KABARI_SEGERA = int(env("ANTRIAN_KABARI_SEGERA", "3"))
# online tickets: today or the next N working days of the office calendar
ANTRIAN_ONLINE_HARI_KERJA = int(env("ANTRIAN_ONLINE_HARI_KERJA", "5"))
# a kiosk left mid-flow returns to its start screen after this many seconds without a tap
ANTRIAN_KIOSK_DIAM_DETIK = int(env("ANTRIAN_KIOSK_DIAM_DETIK", "30"))
# the waiting-room display asks for new calls this often (short polling)
ANTRIAN_LAYAR_INTERVAL_MS = int(env("ANTRIAN_LAYAR_INTERVAL_MS", "2000"))
