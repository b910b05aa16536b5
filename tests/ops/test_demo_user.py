"""`vigil demo-user` never prints a password the demonstration account does not accept."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path / "var"
    settings.DATA_DIR.mkdir()
    monkeypatch.delenv("VIGIL_DEMO_PASSWORD", raising=False)
    monkeypatch.delenv("VIGIL_DEMO_USER", raising=False)
    return settings.DATA_DIR


def demo_user() -> str:
    out = io.StringIO()
    call_command("demo_user", stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str | None:
    found = re.search(r"password '([^']+)'", output)
    return found.group(1) if found else None


def demo_account():
    return get_user_model().objects.get(username="demo")


def test_the_printed_password_signs_in_and_stays_the_same(data_dir):
    first = printed_password(demo_user())
    assert demo_account().check_password(first)
    assert (data_dir / "demo-password").stat().st_mode & 0o777 == 0o600
    assert printed_password(demo_user()) == first


def test_after_wipe_and_restore_the_restored_password_is_kept_and_said_so(data_dir, tmp_path):
    original = printed_password(demo_user())
    backup = tmp_path / "vigil.tar.gz"
    call_command("backup", str(backup), "--unencrypted", stdout=io.StringIO())
    # A wiped installation: a new data directory, an empty database, then the restore.
    (data_dir / "demo-password").unlink()
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(backup), "--no-input", "--unencrypted", stdout=io.StringIO())
    output = demo_user()
    assert printed_password(output) is None
    assert "'demo' already has a password of its own" in output and "it was kept" in output
    assert demo_account().check_password(original)


def test_a_given_password_resets_the_existing_account_and_says_so(monkeypatch):
    get_user_model().objects.create_superuser("demo", password="restored-password", email="")
    monkeypatch.setenv("VIGIL_DEMO_PASSWORD", "a-new-demo-password")
    output = demo_user()
    assert printed_password(output) == "a-new-demo-password"
    assert "reset to VIGIL_DEMO_PASSWORD" in output
    assert demo_account().check_password("a-new-demo-password")
