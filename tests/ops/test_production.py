"""The README's production settings, end to end: `vigil serve` behind a reverse proxy over real
sockets answers without a redirect loop, sends HSTS, redirects plain HTTP that comes straight to
it, and locks sign-in per client address, not everyone at once."""

from tests.ops.processes import Spawned, create_user, run_vigil, vigil_env
from tests.ops.proxy import ReverseProxy
from tests.ops.web import Visitor
from tests.personas import PASSWORD

HOST = "vigil.example.org"
PROXY = "127.0.0.2"  # the proxy connects from here; the "clients" below from other addresses


def production_settings(data_dir) -> dict[str, str]:
    """What the README's Production section says to set."""
    return {
        "VIGIL_SECRET_KEY": "a-long-random-production-secret-key-" + "k" * 40,
        "VIGIL_ALLOWED_HOSTS": HOST,
        "VIGIL_HTTPS": "1",
        "VIGIL_SECURE_COOKIES": "1",
        "VIGIL_TRUSTED_PROXIES": PROXY,
        "DATABASE_URL": f"sqlite:///{data_dir / 'vigil.sqlite3'}",
        "VIGIL_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def test_behind_a_proxy_vigil_answers_over_https_and_locks_out_per_client(data_dir):
    env = vigil_env(data_dir, **production_settings(data_dir))
    assert "no issues" in run_vigil(env, "check", "--deploy", "--fail-level", "WARNING")
    create_user(env, "carol", PASSWORD)
    server, port = Spawned.server(env, "--no-worker")
    try:
        with ReverseProxy(port, source=PROXY) as proxy:
            page = Visitor(proxy.port, host=HOST).request("GET", "/login/")
            assert page.status == 200
            assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")

            straight = Visitor(port, host=HOST)
            plain = straight.request("GET", "/login/")
            assert (plain.status, plain.headers["Location"]) == (301, f"https://{HOST}/login/")
            posing = straight.request("GET", "/login/", headers={"X-Forwarded-Proto": "https"})
            assert posing.status == 301  # only the proxy is believed

            guesser = Visitor(proxy.port, source="127.0.0.10", host=HOST)
            # Five failures (VIGIL_LOCKOUT_FAILURES), each on another account: the fifth locks.
            answers = [guesser.sign_in(f"guess{n}", "wrong", scheme="https") for n in range(5)]
            assert [answer.status for answer in answers] == [200, 200, 200, 200, 429]
            locked = guesser.sign_in("carol", PASSWORD, scheme="https")
            assert locked.status == 429
            assert "Sign-in is locked for now" in locked.text
            forged = {"X-Forwarded-For": "127.0.0.12"}  # the proxy appends the real address
            assert guesser.sign_in("carol", PASSWORD, scheme="https", headers=forged).status == 429

            carol = Visitor(proxy.port, source="127.0.0.11", host=HOST)
            signed_in = carol.sign_in("carol", PASSWORD, scheme="https")
            assert (signed_in.status, signed_in.headers["Location"]) == (302, "/cases/")
            assert carol.request("GET", "/cases/").status == 200
    finally:
        server.stop()
