"""Trusted timestamps (RFC 3161) for archived files and audit checkpoints.

With `VIGIL_TSA_URL` set, `stamp_pending()` gathers every archived file not yet timestamped and
the audit chain's head, puts their hashes under one Merkle root and asks the time-stamping
authority (TSA) to sign that root: one request however many files arrived since the last. A token
is kept only once it checks out against the root and the TSA's trusted certificate
(`VIGIL_TSA_CERT`); anything else is reported and the hashes stay pending for the next run.
"""

import hashlib
import urllib.error
import urllib.parse
import urllib.request
from functools import lru_cache

from cryptography import x509
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rfc3161_client import (
    HashAlgorithm,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

from vigil.audit import checkpoints
from vigil.evidence.models import ArchivedFile, FileTimestamp, TimestampToken

MAX_LEAVES = 10_000  # hashes under one token, so its list of leaves stays a modest row
REQUEST_SECONDS = 30


class TimestampError(Exception):
    """The TSA could not be reached, refused, or answered with a token that does not check out."""


def merkle_root(leaves: list[str]) -> str:
    """The root over hex SHA-256 leaves; leaves and nodes are hashed apart (0x00 / 0x01 prefix)
    so that no inner node can pass for a leaf."""
    level = [hashlib.sha256(b"\x00" + bytes.fromhex(leaf)).digest() for leaf in leaves]
    while len(level) > 1:
        paired = [
            hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest()
            for i in range(0, len(level) - 1, 2)
        ]
        level = paired + ([level[-1]] if len(level) % 2 else [])
    return level[0].hex()


@lru_cache(maxsize=4)
def _trusted_certificates(path: str) -> tuple[x509.Certificate, ...]:
    with open(path, "rb") as handle:
        return tuple(x509.load_pem_x509_certificates(handle.read()))


def _verifier(nonce: int | None = None):
    if not settings.TSA_CERT:
        raise TimestampError(_("VIGIL_TSA_CERT is not set, so no timestamp can be checked"))
    builder = VerifierBuilder()
    for certificate in _trusted_certificates(settings.TSA_CERT):
        builder = builder.add_root_certificate(certificate)
    if nonce is not None:
        builder = builder.nonce(nonce)
    return builder.build()


def check_response(der: bytes, root: str, nonce: int | None = None):
    """The decoded response, if it is a valid token over `root` signed under the trusted
    certificate; TimestampError naming the reason otherwise."""
    try:
        response = decode_timestamp_response(der)
        _verifier(nonce).verify_message(response, bytes.fromhex(root))
    except (VerificationError, ValueError) as error:
        reason = {"reason": error}
        raise TimestampError(_("the token does not check out: %(reason)s") % reason) from None
    return response


def _signer_name(response) -> str:
    """The common name of the certificate that signed the token (the TSA's own name for itself)."""
    signer = next(iter(response.signed_data.signer_infos))
    for der in response.signed_data.certificates:
        certificate = x509.load_der_x509_certificate(der)
        if certificate.serial_number == signer.serial_number:
            names = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
            if names:
                return str(names[0].value)
    return urllib.parse.urlsplit(settings.TSA_URL).hostname or settings.TSA_URL


def request_token(root: str):
    """Ask the TSA to sign `root`; the checked response, or TimestampError."""
    query = TimestampRequestBuilder().data(bytes.fromhex(root))
    query = query.hash_algorithm(HashAlgorithm.SHA256).build()
    # The scheme is http or https: settings refuse any other VIGIL_TSA_URL.
    request = urllib.request.Request(  # noqa: S310
        settings.TSA_URL,
        data=query.as_bytes(),
        headers={"Content-Type": "application/timestamp-query"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_SECONDS) as answer:  # noqa: S310
            der = answer.read()
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise TimestampError(
            _("the TSA at %(url)s did not answer: %(reason)s")
            % {"url": settings.TSA_URL, "reason": reason}
        ) from None
    return check_response(der, root, nonce=query.nonce), der


def _pending_leaves() -> tuple[object, list[ArchivedFile]]:
    head = checkpoints.chain_head()
    if head is not None and TimestampToken.objects.filter(chain_seq=head.seq).exists():
        head = None
    files = list(
        ArchivedFile.objects.filter(trusted_timestamp__isnull=True)
        .order_by("pk")
        .only("pk", "sha256")[: MAX_LEAVES - 1]
    )
    return head, files


def stamp_pending() -> list[TimestampToken]:
    """Timestamp every pending file and the chain head; the tokens made (none when nothing was
    pending). Raises TimestampError when the TSA fails: what was pending stays pending."""
    if not settings.TSA_URL:
        return []
    made = []
    while True:
        head, files = _pending_leaves()
        if head is None and not files:
            return made
        leaves = ([head.entry_hash] if head else []) + [f.sha256 for f in files]
        root = merkle_root(leaves)
        response, der = request_token(root)
        with transaction.atomic():
            token = TimestampToken.objects.create(
                merkle_root=root,
                leaves=leaves,
                chain_seq=head.seq if head else None,
                response=der,
                tsa_name=_signer_name(response)[:300],
                tsa_url=settings.TSA_URL[:500],
                gen_time=response.tst_info.gen_time,
            )
            FileTimestamp.objects.bulk_create(
                FileTimestamp(archived_file=f, token=token) for f in files
            )
        if head:
            checkpoints.write_checkpoint(head.seq, head.entry_hash, timestamp_root=root)
        made.append(token)


def _token_problems(token: TimestampToken) -> list[str]:
    name = _("trusted timestamp #%(pk)s (%(tsa)s)") % {"pk": token.pk, "tsa": token.tsa_name}
    if merkle_root(token.leaves) != token.merkle_root:
        return [_("%(name)s: its list of hashes was altered") % {"name": name}]
    try:
        check_response(bytes(token.response), token.merkle_root)
    except TimestampError as error:
        return [f"{name}: {error}"]
    if token.chain_seq is not None:
        from vigil.audit.models import AuditEntry

        entry = AuditEntry.objects.filter(seq=token.chain_seq).first()
        if entry is None or entry.entry_hash != token.leaves[0]:
            return [
                _("%(name)s: audit entry #%(seq)s is not the one it timestamped")
                % {"name": name, "seq": token.chain_seq}
            ]
    return []


def timestamp_problems() -> list[str]:
    """One line per token that fails its check, and per file its token does not cover."""
    problems = []
    covered: dict[int, set[str]] = {}
    for token in TimestampToken.objects.order_by("pk").iterator(chunk_size=20):
        problems.extend(_token_problems(token))
        covered[token.pk] = set(token.leaves)
    roots = {c.timestamp_root for c in checkpoints.read_checkpoints()[0] if c.timestamp_root}
    stored = set(TimestampToken.objects.filter(merkle_root__in=roots).values_list("merkle_root"))
    for root in roots - {root for (root,) in stored}:
        problems.append(
            _("the trusted timestamp of checkpoint root %(root)s is gone from the database")
            % {"root": root}
        )
    links = FileTimestamp.objects.values_list("token_id", "archived_file__sha256")
    for token_id, sha256 in links.iterator(chunk_size=2000):
        if sha256 not in covered.get(token_id, ()):
            problems.append(
                _("archived file %(sha)s is not among the hashes its timestamp covers")
                % {"sha": sha256}
            )
    return problems


def status_line() -> str:
    """What `vigil verify` says about timestamps, configured or not."""
    if not settings.TSA_URL:
        return _(
            "No time-stamping authority is configured (VIGIL_TSA_URL): archived files and "
            "checkpoints carry no trusted timestamp."
        )
    pending = ArchivedFile.objects.filter(trusted_timestamp__isnull=True).count()
    tokens = TimestampToken.objects.count()
    checked = ngettext(
        "%(n)s trusted timestamp checked", "%(n)s trusted timestamps checked", tokens
    ) % {"n": tokens}
    waiting = ngettext(
        "%(n)s archived file awaits one", "%(n)s archived files await one", pending
    ) % {"n": pending}
    return _("%(checked)s; %(waiting)s (`vigil timestamp` requests them).") % {
        "checked": checked,
        "waiting": waiting,
    }


def file_timestamp(archived_file: ArchivedFile) -> TimestampToken | None:
    link = FileTimestamp.objects.filter(archived_file=archived_file).select_related("token")
    found = link.first()
    return found.token if found else None
