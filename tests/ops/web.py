"""A small HTTP client for the tests of a running server: real sockets, a chosen source address
(so one machine can be several clients), cookies kept, redirects not followed."""

import http.client
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from tests.ops.processes import BOUND_SECONDS

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str


class Visitor:
    def __init__(self, port: int, *, source: str = "127.0.0.1", host: str = "127.0.0.1"):
        self.port, self.source, self.host = port, source, host
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, form=None, headers=None) -> Answer:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=BOUND_SECONDS, source_address=(self.source, 0)
        )
        sent = {"Host": self.host, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Answer(response.status, response.headers, text)

    def sign_in(self, username: str, password: str, *, scheme: str = "http", headers=None):
        """Open the sign-in page and send the form, as a browser would (with its Origin)."""
        page = self.request("GET", "/login/", headers=headers)
        assert page.status == 200, page.status
        token = CSRF_FIELD.search(page.text).group(1)
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        origin = {"Origin": f"{scheme}://{self.host}", **(headers or {})}
        return self.request("POST", "/login/", form=form, headers=origin)
