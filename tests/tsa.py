"""A real RFC 3161 time-stamping authority for tests: a throw-away CA and TSA certificate made
with the `cryptography` library, OpenSSL's `openssl ts -reply` signing each query, served over
HTTP on 127.0.0.1 by a server thread that stops with the test (or after a bounded lifetime)."""

import datetime
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
LIFETIME_SECONDS = 120  # the server shuts itself down after this, whatever the test does

OPENSSL_CONFIG = """
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = {folder}/serial
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha512
accuracy = secs:1
ess_cert_id_alg = sha256
"""


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject, issuer, public_key, signing_key, *, ca: bool):
    now = datetime.datetime.now(tz=datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
        builder = builder.add_extension(usage, critical=True)
    return builder.sign(signing_key, hashes.SHA256())


def _pem(path: Path, *objects) -> Path:
    blobs = []
    for item in objects:
        if isinstance(item, x509.Certificate):
            blobs.append(item.public_bytes(serialization.Encoding.PEM))
        else:
            blobs.append(
                item.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
    path.write_bytes(b"".join(blobs))
    return path


class LocalTSA:
    """A CA, a TSA certificate it issued, and `sign(query) -> response` through `openssl ts`."""

    def __init__(self, folder: Path, name: str = "Vigil Test TSA"):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        ca_key = ec.generate_private_key(ec.SECP256R1())
        tsa_key = ec.generate_private_key(ec.SECP256R1())
        ca = _certificate(f"{name} CA", f"{name} CA", ca_key.public_key(), ca_key, ca=True)
        tsa = _certificate(name, f"{name} CA", tsa_key.public_key(), ca_key, ca=False)
        self.ca_cert = _pem(folder / "ca.pem", ca)
        self.tsa_cert = _pem(folder / "tsa.pem", tsa)
        self.tsa_key = _pem(folder / "tsa.key", tsa_key)
        self.config = folder / "openssl.cnf"
        self.config.write_text(OPENSSL_CONFIG.format(folder=folder))
        (folder / "serial").write_text("01\n")
        self.broken = False  # when set, the server answers 500 instead of a token
        self._lock = threading.Lock()

    def sign(self, query: bytes) -> bytes:
        with self._lock:  # openssl ts keeps its serial number in one file
            (self.folder / "query.tsq").write_bytes(query)
            subprocess.run(
                [OPENSSL, "ts", "-reply", "-config", str(self.config),
                 "-queryfile", str(self.folder / "query.tsq"),
                 "-signer", str(self.tsa_cert), "-inkey", str(self.tsa_key),
                 "-out", str(self.folder / "reply.tsr")],
                check=True, capture_output=True, timeout=30,
            )  # fmt: skip
            return (self.folder / "reply.tsr").read_bytes()


def serve(tsa: LocalTSA) -> tuple[http.server.HTTPServer, str]:
    """Serve `tsa` on a free port of 127.0.0.1; returns the server and its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            query = self.rfile.read(int(self.headers["Content-Length"]))
            if tsa.broken:
                self.send_error(500, "out of order")
                return
            reply = tsa.sign(query)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    deadline = threading.Timer(LIFETIME_SECONDS, server.shutdown)
    deadline.daemon = True
    deadline.start()
    server.deadline = deadline
    return server, f"http://127.0.0.1:{server.server_address[1]}/tsa"


def stop(server: http.server.HTTPServer) -> None:
    server.deadline.cancel()
    server.shutdown()
    server.server_close()
