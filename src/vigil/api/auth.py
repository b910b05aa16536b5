"""Who is calling: a personal API token (Authorization: Bearer) or a signed-in browser session.

Either way `request.user` is the person, so every endpoint asks the same permission functions
as the pages. A token's requests are counted (429 past the limit) and a read-only token may
only read. A session must send the CSRF token with every request that changes something.
"""

from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.apikey import APIKeyCookie
from ninja.utils import check_csrf

from vigil.api import tokens

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        record = tokens.active_token(token)
        if record is None:
            return None
        tokens.admit_request(record)
        if request.method not in SAFE_METHODS and not record.may_write:
            raise HttpError(403, "This token is read-only: make a read-write token to change data.")
        request.user = record.user
        request.api_token = record
        return record


class SessionAuth(APIKeyCookie):
    """The browser's session (for the interactive documentation, and scripts in the page)."""

    param_name = "sessionid"

    def __init__(self):
        super().__init__(csrf=True)

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        # The views are exempt from the middleware's check; a session still needs it.
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header.")
        return request.user

    def authenticate(self, request, key):  # pragma: no cover (__call__ decides)
        return request.user if request.user.is_authenticated else None
