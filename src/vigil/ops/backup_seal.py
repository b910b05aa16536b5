"""Encrypting a backup with a passphrase and signing its manifest.

An encrypted backup (format 3) is one file:

    VIGIL-BACKUP 3 scrypt                     a first line that names the format
    {"scrypt": {"n": …, "r": …, "p": …, "salt": …}, "nonce": …, "wrapped_key": …, "sha256": …}
    (binary)                                  the tar.gz, age-encrypted to the backup's key

The key is made afresh for each backup: an age identity the contents are encrypted to, and a
random signing key for an HMAC-SHA256 of the manifest. It is wrapped (ChaCha20-Poly1305, from
`cryptography`) with a key derived from the passphrase by scrypt, whose parameters and salt the
header records: they are fixed (SCRYPT) when writing and read back, never measured, when
restoring, so a backup written on a fast, idle machine opens on a slow or busy one. The header's
SHA-256 tells a damaged key block from a wrong passphrase.

Format 2 wrapped the key with age's own passphrase recipient, whose work factor age calibrates by
timing the machine, on both sides: a busy machine may refuse one an idle machine chose (see
`_unwrap_format_2`). Vigil still reads format 2; it writes only format 3.
"""

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from django.utils.translation import gettext as _
from pyrage import passphrase as age_passphrase
from pyrage import x25519

MAGIC = b"VIGIL-BACKUP 3 scrypt\n"
MAGIC_FORMAT_2 = b"VIGIL-BACKUP 2 age\n"
HEADER_MAX_BYTES = 4096  # the JSON header is about 400 bytes
KEY_END = b"-----END AGE ENCRYPTED FILE-----\n"
KEY_MAX_LINES = 64  # a format-2 armoured key is a dozen lines; more means this is no Vigil backup
# age calibrates afresh on each try, so a refusal caused by a moment's load may pass on the next.
FORMAT_2_TRIES = 5


class SealError(ValueError):
    """The encrypted backup cannot be opened or trusted; the message says why."""


@dataclass(frozen=True)
class ScryptParameters:
    """scrypt's cost (n), block size (r) and parallelism (p); memory is about 128·n·r bytes."""

    n: int
    r: int
    p: int

    # No backup Vigil writes asks for more: a header that does is hostile or damaged.
    MAX_MEMORY = 2**30
    MAX_WORK = 2**24

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        """The 32-byte key these parameters derive from `passphrase` and `salt`."""
        return hashlib.scrypt(
            passphrase.encode(),
            salt=salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=self.MAX_MEMORY + 2**20,
            dklen=32,
        )

    def acceptable(self) -> bool:
        values = (self.n, self.r, self.p)
        if not all(type(value) is int and value >= 1 for value in values):
            return False
        power_of_two = self.n >= 2 and self.n & (self.n - 1) == 0
        return (
            power_of_two
            and 128 * self.r * (self.n + self.p) <= self.MAX_MEMORY
            and self.n * self.r * self.p <= self.MAX_WORK
        )


# 128 MiB and a few tenths of a second on an idle server (seconds on a busy one): the cost scrypt
# is commonly recommended at for passphrases, the same on every machine that writes a backup.
SCRYPT = ScryptParameters(n=2**17, r=8, p=1)


@dataclass(frozen=True)
class BackupKey:
    identity: x25519.Identity
    signing_key: bytes

    @classmethod
    def generate(cls) -> "BackupKey":
        return cls(x25519.Identity.generate(), secrets.token_bytes(32))

    def sign(self, manifest: bytes) -> str:
        return hmac.new(self.signing_key, manifest, hashlib.sha256).hexdigest()

    def signed(self, manifest: bytes, signature: str) -> bool:
        return hmac.compare_digest(self.sign(manifest), signature)

    def secret(self) -> bytes:
        return json.dumps(
            {"identity": str(self.identity), "signing_key": self.signing_key.hex()}
        ).encode()

    @classmethod
    def from_secret(cls, secret: bytes) -> "BackupKey":
        try:
            fields = json.loads(secret)
            return cls(
                x25519.Identity.from_str(fields["identity"]), bytes.fromhex(fields["signing_key"])
            )
        except (KeyError, TypeError, ValueError, pyrage.IdentityError) as error:
            raise SealError(_("the backup's key block is not one Vigil wrote")) from error


def _checksum(fields: dict) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def _associated_data(parameters: dict) -> bytes:
    # Binds the recorded parameters to the wrapped key: altering them fails like any damage.
    return MAGIC + json.dumps(parameters, sort_keys=True).encode()


def wrap(key: BackupKey, passphrase: str, scrypt: ScryptParameters = SCRYPT) -> bytes:
    """The format-3 header line holding `key`, locked with `passphrase`."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    parameters = {"n": scrypt.n, "r": scrypt.r, "p": scrypt.p, "salt": salt.hex()}
    wrapped = ChaCha20Poly1305(scrypt.derive(passphrase, salt)).encrypt(
        nonce, key.secret(), _associated_data(parameters)
    )
    fields = {"scrypt": parameters, "nonce": nonce.hex(), "wrapped_key": wrapped.hex()}
    return json.dumps({**fields, "sha256": _checksum(fields)}, sort_keys=True).encode() + b"\n"


def unwrap(header: bytes, passphrase: str) -> BackupKey:
    """The key in a format-3 header line, derived with the scrypt parameters it records."""
    damaged = SealError(_("the backup's key block is damaged"))
    try:
        fields = json.loads(header)
        checksum = fields.pop("sha256")
        parameters = fields["scrypt"]
        scrypt = ScryptParameters(parameters["n"], parameters["r"], parameters["p"])
        salt, nonce = bytes.fromhex(parameters["salt"]), bytes.fromhex(fields["nonce"])
        wrapped = bytes.fromhex(fields["wrapped_key"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise damaged from error
    if not hmac.compare_digest(_checksum(fields), str(checksum)):
        raise damaged
    if not scrypt.acceptable() or len(nonce) != 12:
        raise SealError(_("the backup's key block asks for key derivation Vigil never uses"))
    try:
        secret = ChaCha20Poly1305(scrypt.derive(passphrase, salt)).decrypt(
            nonce, wrapped, _associated_data(parameters)
        )
    except InvalidTag as error:
        # The block is intact (its SHA-256 matches), so the passphrase is what differs.
        raise SealError(_("wrong passphrase")) from error
    return BackupKey.from_secret(secret)


def is_sealed(path: Path) -> bool:
    with path.open("rb") as stream:
        first = stream.readline(64)
    return first in (MAGIC, MAGIC_FORMAT_2)


def seal(
    plain: Path, out, key: BackupKey, passphrase: str, scrypt: ScryptParameters = SCRYPT
) -> None:
    """Write the encrypted form of the file `plain` to the binary stream `out` (format 3)."""
    out.write(MAGIC)
    out.write(wrap(key, passphrase, scrypt))
    with plain.open("rb") as source:
        pyrage.encrypt_io(source, out, [key.identity.to_public()])


def unseal(path: Path, passphrase: str, plain: Path) -> BackupKey:
    """Decrypt the backup at `path` (format 3 or 2) into the file `plain`; return its key. Raises
    SealError for a wrong passphrase and for a damaged, truncated or altered file."""
    with path.open("rb") as stream:
        first = stream.readline(64)
        if first == MAGIC:
            header = stream.readline(HEADER_MAX_BYTES)
            if not header.endswith(b"\n"):
                raise SealError(_("the backup's key block is damaged"))
            key = unwrap(header, passphrase)
        elif first == MAGIC_FORMAT_2:
            key = _unwrap_format_2(_read_format_2_key_block(stream), passphrase)
        else:
            raise SealError(_("not an encrypted Vigil backup"))
        try:
            with plain.open("wb") as out:
                pyrage.decrypt_io(stream, out, [key.identity])
        except (pyrage.DecryptError, OSError) as error:
            raise SealError(
                _("the encrypted contents are damaged or truncated (%(error)s)") % {"error": error}
            ) from error
    return key


def _unwrap_format_2(wrapped: bytes, passphrase: str) -> BackupKey:
    """A format-2 key: age's passphrase recipient, which refuses a work factor more than 16 times
    what this machine, timed a moment before, does in a second ("Excessive work")."""
    for _try in range(FORMAT_2_TRIES):
        try:
            return BackupKey.from_secret(age_passphrase.decrypt(wrapped, passphrase))
        except pyrage.DecryptError as error:
            if not str(error).startswith("Excessive work"):
                raise SealError(_("wrong passphrase (or a damaged key block)")) from error
        except SealError:
            raise
        except ValueError as error:  # pyrage's reading of the armour
            raise SealError(_("the backup's key block cannot be read")) from error
    raise SealError(
        _(
            "this machine refused the work factor of the backup's passphrase: the backup is in "
            "format 2, whose work factor age sets by timing the machine that wrote it, and this "
            "one is slower or busier; try again when it is less busy, or on a faster machine"
        )
    )


def _read_format_2_key_block(stream) -> bytes:
    lines = []
    while len(lines) < KEY_MAX_LINES:
        line = stream.readline(256)
        lines.append(line)
        if line == KEY_END:
            return b"".join(lines)
        if not line:
            break
    raise SealError(_("the backup's key block is missing or damaged"))
