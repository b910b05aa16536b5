"""Encrypting a backup with a passphrase and signing its manifest, with age (the pyrage library).

An encrypted backup is one file:

    VIGIL-BACKUP 2 age                        a first line that names the format
    -----BEGIN AGE ENCRYPTED FILE----- …      the backup's key, encrypted with the passphrase
    (binary)                                  the tar.gz, age-encrypted to that key, streamed

The key is made afresh for each backup: an age identity the contents are encrypted to, and a
random signing key for an HMAC-SHA256 of the manifest. Only the passphrase unlocks either, so
without it nobody can read the backup, nor alter it and sign the change. Both parts are standard
age files: split at the key's END line, the `age` tool opens them by hand.
"""

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

MAGIC = b"VIGIL-BACKUP 2 age\n"
KEY_END = b"-----END AGE ENCRYPTED FILE-----\n"
KEY_MAX_LINES = 64  # an armoured key is a dozen lines; more means this is no Vigil backup


class SealError(ValueError):
    """The encrypted backup cannot be opened or trusted; the message says why."""


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

    def wrapped(self, passphrase: str) -> bytes:
        secret = {"identity": str(self.identity), "signing_key": self.signing_key.hex()}
        return age_passphrase.encrypt(json.dumps(secret).encode(), passphrase, armored=True)

    @classmethod
    def unwrapped(cls, wrapped: bytes, passphrase: str) -> "BackupKey":
        try:
            secret = json.loads(age_passphrase.decrypt(wrapped, passphrase))
        except pyrage.DecryptError as error:
            raise SealError("wrong passphrase (or a damaged key block)") from error
        except ValueError as error:
            raise SealError(f"the backup's key block cannot be read ({error})") from error
        try:
            return cls(
                x25519.Identity.from_str(secret["identity"]),
                bytes.fromhex(secret["signing_key"]),
            )
        except (KeyError, TypeError, ValueError, pyrage.IdentityError) as error:
            raise SealError("the backup's key block is not one Vigil wrote") from error


def is_sealed(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(MAGIC)) == MAGIC


def seal(plain: Path, out, key: BackupKey, passphrase: str) -> None:
    """Write the encrypted form of the file `plain` to the binary stream `out`."""
    out.write(MAGIC)
    out.write(key.wrapped(passphrase))
    with plain.open("rb") as source:
        pyrage.encrypt_io(source, out, [key.identity.to_public()])


def unseal(path: Path, passphrase: str, plain: Path) -> BackupKey:
    """Decrypt the backup at `path` into the file `plain`; return its key. Raises SealError for a
    wrong passphrase and for a damaged, truncated or altered file."""
    with path.open("rb") as stream:
        if stream.readline() != MAGIC:
            raise SealError("not an encrypted Vigil backup")
        key = BackupKey.unwrapped(_read_key_block(stream), passphrase)
        try:
            with plain.open("wb") as out:
                pyrage.decrypt_io(stream, out, [key.identity])
        except (pyrage.DecryptError, OSError) as error:
            raise SealError(f"the encrypted contents are damaged or truncated ({error})") from error
    return key


def _read_key_block(stream) -> bytes:
    lines = []
    while len(lines) < KEY_MAX_LINES:
        line = stream.readline(256)
        lines.append(line)
        if line == KEY_END:
            return b"".join(lines)
        if not line:
            break
    raise SealError("the backup's key block is missing or damaged")
