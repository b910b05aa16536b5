"""Shared fixtures: named personas, a case, and a real Chromium for browser tests."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from tests import personas
from tests.personas import PASSWORD
from vigil.cases.models import Case
from vigil.evidence import services
from vigil.evidence.models import Source
from vigil.law.models import Crime, Element
from vigil.law.reference import install_reference_data
from vigil.recognition.actors import install_states

pytest_plugins = ["tests.published"]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# alongside it are still synchronous, so Django's async guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def pytest_configure(config):
    """The translation catalogues are compiled as `make test` does, so that a run of pytest alone
    shows the pages in every language too (only catalogues changed since are compiled again)."""
    script = ROOT / "scripts" / "compile-messages.sh"
    subprocess.run([shutil.which("bash"), str(script)], check=True)


@pytest.fixture(autouse=True, scope="session")
def tables_emptied_in_name_order():
    """After a transactional test Django empties every table with one DELETE each, in the order
    of a set of table names, which changes with each process's hash seed. On SQLite, deleting the
    matrix's tallies before the links let the links' trigger count them down into a row of -1,
    which the next transactional test's `vigil verify` reported as a tally problem (about one run
    in four). In a fixed order, the kept counts' tables (named "...tally") last and the others by
    name, what they count is gone before them, as in a real deletion."""
    from django.db.backends.base.introspection import BaseDatabaseIntrospection

    with pytest.MonkeyPatch.context() as patch:
        unordered = BaseDatabaseIntrospection.django_table_names
        patch.setattr(
            BaseDatabaseIntrospection,
            "django_table_names",
            lambda self, *args, **kwargs: sorted(
                unordered(self, *args, **kwargs), key=lambda name: (name.endswith("tally"), name)
            ),
        )
        yield


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """The test client serves pages in the test's own thread, and a page activates its language
    there: each test starts in Vigil's default language, as each request does."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow by design; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def archive_dir(settings, tmp_path):
    """Each test archives into its own folder."""
    settings.ARCHIVE_DIR = tmp_path / "archive"
    settings.CHECKPOINT_DIR = tmp_path / "checkpoints"  # and keeps its own audit checkpoints
    return settings.ARCHIVE_DIR


@pytest.fixture
def alice(case):
    """A researcher of the test case (tests/personas.py)."""
    return personas.alice(case)


@pytest.fixture
def bob(case):
    """A viewer of the test case (tests/personas.py)."""
    return personas.bob(case)


@pytest.fixture
def dora(case):
    """A second researcher of the test case, who reviews what alice records (tests/personas.py)."""
    return personas.dora(case)


def signed_in(user, *, second_factor: bool = True) -> Client:
    """A client signed in as `user`; with second_factor, as after entering a valid TOTP code
    (what administrators and coordinators must do before anything else)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    if second_factor:
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="test phone", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def administrator(db):
    return personas.root()


@pytest.fixture
def administrator_client(administrator):
    return signed_in(administrator)


@pytest.fixture
def alice_client(alice):
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob):
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def case(db):
    return Case.objects.create(slug="test-case", title="Test case", place="Somewhere")


def make_source(case, text="Some text.", title="A report", **metadata) -> Source:
    """A text source in the case, stored through the same service the upload form uses."""
    fields = {
        "kind": "report",
        "title": title,
        "reliability_grade": "B",
        "reliability_reason": "test",
        "access_level": "public",
        **metadata,
    }
    return services.add_source_from_bytes(
        case, data=text.encode(), filename=f"{title}.txt", metadata=fields
    ).source


def add_reviewed_claim(
    source, *, fields: dict, figure: dict | None = None, publish=False, user=None
):
    """A claim recorded by one researcher (`user`, else "claim-author") and reviewed to the
    status `fields` give by another ("claim-reviewer"), as the two-person rule requires;
    `publish` also publishes it (it must then be verified)."""
    from django.contrib.auth import get_user_model

    from vigil.dossier import publishing

    users = get_user_model().objects
    author = user or users.get_or_create(username="claim-author")[0]
    reviewer, _new = users.get_or_create(username="claim-reviewer")
    fields = dict(fields)
    status = fields.pop("review_status", "proposed")
    note = fields.pop("review_note", "") or ("test dispute" if status == "disputed" else "")
    claim = services.add_claim(source, fields=fields, figure=figure, user=author)
    if status != "proposed":
        services.review_claim(claim, status=status, user=reviewer, note=note)
    if publish:
        publishing.publish_claims(source.case, [claim], user=reviewer)
    return claim


@pytest.fixture
def source(case):
    return make_source(case, text="On 26 February 1992 many civilians were killed in the town.")


@pytest.fixture
def law(db):
    """The reference data (tests that flush the database lose what migrate installed)."""
    install_reference_data()


@pytest.fixture
def genocide_by_killing(law):
    return Crime.objects.get(code="RS-6-a")


@pytest.fixture
def killing(genocide_by_killing):
    return Element.objects.get(crime=genocide_by_killing, number=1)


@pytest.fixture
def states(db):
    """The preloaded states (tests that flush the database lose what migrate installed)."""
    install_states()


def chromium_path() -> str | None:
    return (
        os.environ.get("VIGIL_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium via Playwright; skipped, or failed when required, if absent."""
    path = chromium_path()
    if path is None:
        message = "no Chromium on this machine (install Debian's chromium package)"
        if os.environ.get("VIGIL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required (VIGIL_REQUIRE_BROWSER=1) but {message}")
        pytest.skip(f"browser tests skipped: {message}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def body(response) -> str:
    """A response's text, whole, whether it was sent at once or streamed (the exports)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def screenshot(page, name: str) -> Path:
    """Keep a screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/cases/")


def in_language(language: str, message: str, **values) -> str:
    """`message` as the catalogue of `language` words it, filled in: what a page in that language
    should say."""
    with translation.override(language):
        return translation.gettext(message) % values
