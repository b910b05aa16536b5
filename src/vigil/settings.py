"""Django settings for Vigil. Every value a deployment may change comes from the environment;
the README lists them all (tests/test_docs.py keeps that list true)."""

import datetime
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from vigil.env import env_addresses, env_bool, env_int, env_list, env_str
from vigil.private_files import private_folder, private_sqlite_database, write_private_text

BASE_DIR = Path(__file__).resolve().parent

DATA_DIR = Path(env_str("VIGIL_DATA_DIR", "var")).resolve()
private_folder(DATA_DIR)  # owner-only: the database, the archive and the secret key live here
ARCHIVE_DIR = DATA_DIR / "archive"


def _secret_key() -> str:
    """The key from VIGIL_SECRET_KEY, else one generated once and kept in the data directory."""
    given = env_str("VIGIL_SECRET_KEY", "")
    if given:
        return given
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        write_private_text(key_file, secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("VIGIL_DEBUG", False)
ALLOWED_HOSTS = env_list("VIGIL_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("VIGIL_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "vigil.accounts.admin_site.VigilAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "vigil.audit",
    "vigil.public_cache",
    "vigil.accounts",
    "vigil.cases",
    "vigil.evidence",
    "vigil.law",
    "vigil.recognition",
    "vigil.campaigns",
    "vigil.dossier",
    "vigil.ingest",
    "vigil.api",
    # Before django_tasks_db: its `db_worker` command is replaced by one that outlasts a busy
    # database.
    "vigil.ops",
    "vigil.demo",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    # The API's interactive documentation: Swagger UI's files from the installed package.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for visitors without a session, from the cache: nothing below runs for them.
    "vigil.public_cache.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vigil.accounts.middleware.SessionRefreshMiddleware",
    # Django's LocaleMiddleware with Vigil's rule: the public pages' language from their address,
    # every other page's from the person's choice (vigil.accounts.language_choice).
    "vigil.accounts.language_choice.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads a form: every GET and POST value arrives without control characters.
    "vigil.text_input.ControlCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "vigil.accounts.middleware.SecondFactorMiddleware",
    "vigil.accounts.middleware.SessionRotationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "vigil.accounts.middleware.AuditActorMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vigil.urls"
WSGI_APPLICATION = "vigil.wsgi.application"

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
                "django.template.context_processors.i18n",
                "vigil.accounts.context_processors.roles",
            ],
        },
    },
]

_sqlite_path = DATA_DIR / "vigil.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{_sqlite_path}"), conn_max_age=60
    )
}
# How long a write waits for a lock another transaction holds before giving up; the web app then
# answers 503 with Retry-After (vigil/ops/views.py). Every write transaction Vigil makes is short
# (bulk writes commit in batches of a fraction of a second, see vigil/database.py), so 5 s is
# ample for waiting on one another, yet short enough that nobody stares at a hanging page.
DB_WAIT_SECONDS = env_int("VIGIL_DB_WAIT_SECONDS", 5, minimum=1)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each server thread keeps its connection, as on PostgreSQL: opening one (and its PRAGMAs)
    # cost more than serving a cached public page.
    private_sqlite_database(Path(DATABASES["default"]["NAME"]))
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE avoids "database is locked"
        # when two transactions both try to upgrade a read lock.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": DB_WAIT_SECONDS,
    }
else:
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _lock_timeout = f"-c lock_timeout={DB_WAIT_SECONDS}s"
    _options["options"] = f"{_options.get('options', '')} {_lock_timeout}".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The public pages served from the cache (vigil/public_cache/cache.py). The database cache, because
# every server process and machine shares it; its table is made by a migration (dossier 0002), so
# `vigil migrate` sets it up.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "vigil_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

# Argon2 for every new or changed password; older hashes still verify and are upgraded at sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account or address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout after repeated failed sign-ins, counted per account and, separately, per address.
AXES_FAILURE_LIMIT = env_int("VIGIL_LOCKOUT_FAILURES", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("VIGIL_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The address is REMOTE_ADDR alone: `vigil serve` sets it to the forwarded client address when,
# and only when, the request came from one of VIGIL_TRUSTED_PROXIES (vigil/ops/proxies.py).
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Sessions end after this many hours without a request, and when the browser closes.
SESSION_COOKIE_AGE = env_int("VIGIL_SESSION_HOURS", 8, minimum=1) * 3600
# Saved only when changed, so reading never writes; SessionRefreshMiddleware saves a signed-in
# session again once this many seconds old, to keep its idle expiry moving.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 300
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Invitations by email are valid this many days, and once.
INVITATION_DAYS = env_int("VIGIL_INVITATION_DAYS", 7, minimum=1)

# Public event replies: an unconfirmed reply holds its place this long; replies a client address
# may send per event and across events in an hour.
RSVP_HOLD_MINUTES = env_int("VIGIL_RSVP_HOLD_MINUTES", 30, minimum=1)
RSVP_REPLIES_PER_EVENT = env_int("VIGIL_RSVP_REPLIES_PER_EVENT", 5, minimum=1)
RSVP_REPLIES_PER_ADDRESS = env_int("VIGIL_RSVP_REPLIES_PER_ADDRESS", 20, minimum=1)
# Requests one API token may make in a minute (429 with Retry-After past it).
API_REQUESTS_PER_MINUTE = env_int("VIGIL_API_REQUESTS_PER_MINUTE", 120, minimum=1)
# Where people reach this installation: the start of every record's address in files the command
# line exports (on the web, the address a request came to).
BASE_URL = env_str("VIGIL_BASE_URL", "http://127.0.0.1:8000")
PASSWORD_RESET_TIMEOUT = 3 * 3600
OTP_TOTP_ISSUER = "Vigil"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = env_str("VIGIL_LANGUAGE", "en")
# The languages of Vigil's users (issue #17). Each has a catalogue in src/vigil/locale/, compiled
# to .mo by `make demo` and `make test` (scripts/compile-messages.sh): the .mo files are built, not
# kept in git, so they always match their .po files.
LANGUAGES = [
    ("en", _("English")),
    ("az", _("Azerbaijani")),
    ("ur", _("Urdu")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"VIGIL_LANGUAGE must be one of {', '.join(dict(LANGUAGES))}; got {LANGUAGE_CODE!r}"
    )
TIME_ZONE = env_str("VIGIL_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# Dates, times and numbers: one policy for pages, dossiers and e-mails (see vigil/formats).
FORMAT_MODULE_PATH = ["vigil.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # The Urdu fonts from Debian's package, as vigil/fonts/... (see vigil.static_fonts).
    "vigil.static_fonts.UrduFontFinder",
]
STATIC_ROOT = DATA_DIR / "static"
private_folder(STATIC_ROOT)  # WhiteNoise serves from the finders but expects this folder
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the installed packages, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MAX_UPLOAD_MB = env_int("VIGIL_MAX_UPLOAD_MB", 50, minimum=1)
# The languages (ISO 639-1) a scan is read in with OCR when its source's language is not known.
OCR_LANGUAGES = env_list("VIGIL_OCR_LANGUAGES", ["en", "ru"])
# Uploads bigger than this stream to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The case matrix's status rule (see vigil/law/matrix.py for what each part means).
MATRIX_RULE = {
    "min_claims": env_int("VIGIL_MATRIX_MIN_CLAIMS", 2, minimum=1),
    "min_sources": env_int("VIGIL_MATRIX_MIN_SOURCES", 2, minimum=1),
    "grades": env_str("VIGIL_MATRIX_GRADES", "ABC").upper(),
}

# Ingestion bounds: files in one zip archive, and its total unpacked size.
INGEST_MAX_FILES = env_int("VIGIL_INGEST_MAX_FILES", 500, minimum=1)
INGEST_MAX_TOTAL_MB = env_int("VIGIL_INGEST_MAX_TOTAL_MB", 500, minimum=1)

# People who must agree before a claim is verified: its author plus REVIEWERS - 1 others. 1 lets a
# single-person project verify its own claims, shown as "self-verified" wherever they appear.
REVIEWERS = env_int("VIGIL_REVIEWERS", 2, minimum=1)

# How many verified claims the dossier lists as key claims, with their footnotes.
DOSSIER_KEY_CLAIMS = env_int("VIGIL_DOSSIER_KEY_CLAIMS", 40, minimum=1)

# Tamper evidence: checkpoints of the audit chain's head go to this folder every
# CHECKPOINT_EVERY entries (and at each `vigil verify`); in production, storage apart from the
# database. With a time-stamping authority (RFC 3161), archived files and checkpoints get tokens
# signed by it, checked against its trusted certificate.
CHECKPOINT_DIR = Path(env_str("VIGIL_CHECKPOINT_DIR", str(DATA_DIR / "checkpoints"))).resolve()
CHECKPOINT_EVERY = env_int("VIGIL_CHECKPOINT_EVERY", 100, minimum=1)
TSA_URL = env_str("VIGIL_TSA_URL", "")
TSA_CERT = env_str("VIGIL_TSA_CERT", "")
if TSA_URL and not TSA_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"VIGIL_TSA_URL must be an http:// or https:// address; got {TSA_URL!r}"
    )
if TSA_URL and not TSA_CERT:
    raise ImproperlyConfigured("VIGIL_TSA_URL needs VIGIL_TSA_CERT, the TSA's trusted certificate")

# Background work (dossiers, ingestion) goes through a queue in the database, so several
# `vigil db_worker` processes, on one machine or many, can share it.
TASKS = {"default": {"BACKEND": env_str("VIGIL_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A worker renews its lease a few times within this; a job whose worker lets it lapse is resumed
# by another worker (or marked failed after WORKER_ATTEMPTS tries).
WORKER_LEASE_SECONDS = env_int("VIGIL_WORKER_LEASE_SECONDS", 30, minimum=1)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("VIGIL_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind TLS (VIGIL_HTTPS=1): redirect plain HTTP and tell browsers to use HTTPS only.
SECURE_SSL_REDIRECT = env_bool("VIGIL_HTTPS", False)
SECURE_HSTS_SECONDS = 31_536_000 if SECURE_SSL_REDIRECT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_SSL_REDIRECT
SECURE_HSTS_PRELOAD = SECURE_SSL_REDIRECT
# The reverse proxies in front of Vigil: `vigil serve` takes the client's address and scheme from
# their X-Forwarded-For and X-Forwarded-Proto, and drops those headers from anyone else. (So
# SECURE_PROXY_SSL_HEADER is not set: the server has already set the scheme it may trust.)
TRUSTED_PROXIES = env_addresses("VIGIL_TRUSTED_PROXIES")

# Content Security Policy: scripts only from Vigil's own files, never inline. Inline styles
# are allowed because the maps and charts are SVG drawn with style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

EMAIL_BACKEND = env_str("VIGIL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("VIGIL_FROM_EMAIL", "vigil@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("VIGIL_LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every rendering step at INFO; its warnings are what matter.
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # it narrates every sign-in at INFO
    },
}
