"""Whom `vigil serve` believes about the client: the proxies in VIGIL_TRUSTED_PROXIES, through a
chain of them, and nobody else."""

from vigil.ops.proxies import behind_proxies

PROXIES = ["10.0.0.1", "10.0.0.2"]


def seen_by_vigil(peer: str, **headers: str) -> dict:
    """What the web app sees of a request that reached the server from `peer`."""
    seen = {}

    def app(environ, start_response):
        seen.update(environ)
        start_response("200 OK", [])
        return [b""]

    environ = {
        "REMOTE_ADDR": peer,
        "wsgi.url_scheme": "http",
        "SERVER_NAME": "vigil.example.org",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "vigil.example.org",
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    behind_proxies(app, PROXIES)(environ, lambda status, headers: None)
    return seen


def test_through_a_trusted_proxy_the_client_address_and_https_are_taken():
    seen = seen_by_vigil("10.0.0.1", x_forwarded_for="203.0.113.9", x_forwarded_proto="https")
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"]) == ("203.0.113.9", "https")


def test_through_a_chain_of_trusted_proxies_the_client_is_the_first_untrusted_address():
    forwarded = "198.51.100.66, 203.0.113.9, 10.0.0.2"  # the leftmost is the client's own claim
    seen = seen_by_vigil("10.0.0.1", x_forwarded_for=forwarded, x_forwarded_proto="https")
    assert seen["REMOTE_ADDR"] == "203.0.113.9"


def test_anyone_else_cannot_pose_as_another_address_or_as_https():
    seen = seen_by_vigil("203.0.113.50", x_forwarded_for="10.9.9.9", x_forwarded_proto="https")
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"]) == ("203.0.113.50", "http")
    assert "HTTP_X_FORWARDED_FOR" not in seen and "HTTP_X_FORWARDED_PROTO" not in seen
