"""`vigil check --deploy` fails, with an error, on a production set-up that cannot work."""

import subprocess
import sys

import pytest

from tests.ops.processes import ROOT, vigil_env
from vigil.ops.checks import check_https_behind_a_proxy


def error_ids(settings, *, https: bool, secure_cookies: bool, proxies: list[str]) -> list[str]:
    settings.SECURE_SSL_REDIRECT = https
    settings.SESSION_COOKIE_SECURE = secure_cookies
    settings.TRUSTED_PROXIES = proxies
    return [error.id for error in check_https_behind_a_proxy(None)]


def test_https_behind_a_trusted_proxy_with_secure_cookies_is_consistent(settings):
    assert error_ids(settings, https=True, secure_cookies=True, proxies=["10.0.0.2"]) == []


@pytest.mark.parametrize(
    ("https", "secure_cookies", "proxies", "expected"),
    [
        (True, True, [], ["vigil.E001"]),  # every request would redirect to itself
        (False, True, [], ["vigil.E002"]),  # nobody could sign in over plain HTTP
        (True, False, ["10.0.0.2"], ["vigil.E003"]),  # the session cookie would leak
    ],
)
def test_an_inconsistent_set_up_is_an_error(settings, https, secure_cookies, proxies, expected):
    assert error_ids(settings, https=https, secure_cookies=secure_cookies, proxies=proxies) == (
        expected
    )


def test_vigil_check_deploy_exits_with_an_error_for_https_without_a_trusted_proxy(tmp_path):
    env = vigil_env(
        tmp_path,
        VIGIL_HTTPS="1",
        VIGIL_SECURE_COOKIES="1",
        VIGIL_SECRET_KEY="a-long-random-production-secret-key-" + "k" * 40,
        VIGIL_ALLOWED_HOSTS="vigil.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-m", "vigil", "check", "--deploy"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "vigil.E001" in result.stderr and "VIGIL_TRUSTED_PROXIES" in result.stderr


def test_a_trusted_proxy_that_is_not_an_address_stops_vigil_at_start_up(tmp_path):
    env = vigil_env(tmp_path, VIGIL_TRUSTED_PROXIES="10.0.0.2, proxy.example.org")
    result = subprocess.run(
        [sys.executable, "-m", "vigil", "check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "VIGIL_TRUSTED_PROXIES must list IP addresses" in result.stderr
    assert "'proxy.example.org' is not one" in result.stderr


def test_a_sqlite_too_old_for_the_verdict_counts_is_named_before_migrating(monkeypatch):
    import sqlite3

    from django.db import connection

    from vigil.ops.checks import check_sqlite_version

    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 37, 2))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.37.2")
    errors = check_sqlite_version(None, databases=["default"])
    if connection.vendor != "sqlite":
        assert errors == []
        return
    assert [error.id for error in errors] == ["vigil.E004"]
    assert "SQLite 3.38 or newer; this Python has 3.37.2" in errors[0].msg
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 40, 1))
    assert check_sqlite_version(None, databases=["default"]) == []
