"""Taking the client's address and scheme from the reverse proxies in VIGIL_TRUSTED_PROXIES, and
from nobody else.

Behind a TLS proxy every request reaches Vigil over plain HTTP from the proxy's address. The
proxy says who the client is and which scheme it used in X-Forwarded-For and X-Forwarded-Proto;
believed from anyone else, those headers would let a client pose as another address (and so dodge
the sign-in lockout) or as HTTPS. Waitress, which serves Vigil, can trust one address; this does
the same for several, with waitress's own parsing.
"""

from collections.abc import Iterable

from waitress.proxy_headers import proxy_headers_middleware

FORWARDED_HEADERS = {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"}


def _hops(forwarded_for: str) -> list[str]:
    return [hop.strip().strip("[]") for hop in forwarded_for.split(",") if hop.strip()]


def proxies_in_chain(forwarded_for: str, trusted: frozenset[str]) -> int:
    """How many trusted proxies a request passed: the one that connected, and each trusted one
    it names at the end of X-Forwarded-For. The address before them is the client's; anything
    further left came from the client and is not believed."""
    count = 1
    for hop in reversed(_hops(forwarded_for)[1:]):
        if hop not in trusted:
            break
        count += 1
    return count


def behind_proxies(app, proxies: Iterable[str]):
    """`app` (WSGI) with REMOTE_ADDR and the URL scheme taken from the forwarded headers when the
    peer is one of `proxies`; from any other peer those headers are removed unread."""
    trusted = frozenset(proxies)
    untrusting = proxy_headers_middleware(app, trusted_proxy=None, clear_untrusted=True)
    trusting: dict[int, object] = {}

    def serve(environ, start_response):
        if environ.get("REMOTE_ADDR") not in trusted:
            return untrusting(environ, start_response)
        count = proxies_in_chain(environ.get("HTTP_X_FORWARDED_FOR", ""), trusted)
        if count not in trusting:
            trusting[count] = proxy_headers_middleware(
                app,
                trusted_proxy="*",  # the peer was checked above
                trusted_proxy_count=count,
                trusted_proxy_headers=FORWARDED_HEADERS,
                clear_untrusted=True,
            )
        return trusting[count](environ, start_response)

    return serve
