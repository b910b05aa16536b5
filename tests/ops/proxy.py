"""A reverse proxy of a few lines, standing in for the TLS-terminating one in front of Vigil in
production: it listens on 127.0.0.1, forwards every request to Vigil from an address of its own,
and adds X-Forwarded-For (the client's address) and X-Forwarded-Proto: https."""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.ops.processes import BOUND_SECONDS

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class _Forward(BaseHTTPRequestHandler):
    def do_GET(self):
        self._forward()

    def do_POST(self):
        self._forward()

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        client = self.client_address[0]
        earlier = self.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = f"{earlier}, {client}" if earlier else client
        headers["X-Forwarded-Proto"] = "https"
        headers["Host"] = self.headers["Host"]
        backend = http.client.HTTPConnection(
            "127.0.0.1",
            self.server.backend_port,
            timeout=BOUND_SECONDS,
            source_address=(self.server.source, 0),
        )
        try:
            backend.request(self.command, self.path, body=body, headers=headers)
            response = backend.getresponse()
            data = response.read()
        finally:
            backend.close()
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # quiet: the test reads what matters
        pass


class ReverseProxy:
    """Forwards to 127.0.0.1:`backend_port`, connecting from `source` (so Vigil can tell the
    proxy from a client on the same machine)."""

    def __init__(self, backend_port: int, source: str):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Forward)
        self.server.backend_port, self.server.source = backend_port, source
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "ReverseProxy":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=BOUND_SECONDS)
