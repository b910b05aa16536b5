"""The encrypted backup's envelope: format 3 records the scrypt parameters its key was derived
with, and restore derives with those, whatever the machine; a format-2 backup still restores; a
wrong passphrase, a damaged key block and a machine too busy for a format-2 key are told apart."""

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from django.core.management import CommandError, call_command
from pyrage import passphrase as age_passphrase

from tests.ops.test_backup import PASSPHRASE, everything, rewrite
from vigil.evidence.models import Source
from vigil.ops.backup_seal import BackupKey, ScryptParameters, seal, unseal

pytestmark = pytest.mark.django_db(transaction=True)

FIRST_LINE = b"VIGIL-BACKUP 3 scrypt\n"


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("VIGIL_BACKUP_PASSPHRASE", PASSPHRASE)


def envelope(backup: Path) -> tuple[bytes, dict, bytes]:
    """The first line, the JSON header and the age-encrypted contents of a format-3 backup."""
    first, header, contents = backup.read_bytes().split(b"\n", 2)
    return first + b"\n", json.loads(header), contents


def test_a_backup_records_the_scrypt_parameters_that_open_it(published, tmp_path):
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    first, header, contents = envelope(backup)
    assert first == FIRST_LINE
    recorded = header["scrypt"]
    assert (recorded["n"], recorded["r"], recorded["p"]) == (2**17, 8, 1)
    salt = bytes.fromhex(recorded["salt"])
    assert len(salt) == 16
    # Opened by hand from what the header says, as backup_seal's docstring describes it:
    derived = hashlib.scrypt(
        PASSPHRASE.encode(), salt=salt, n=2**17, r=8, p=1, maxmem=2**28, dklen=32
    )
    secret = ChaCha20Poly1305(derived).decrypt(
        bytes.fromhex(header["nonce"]),
        bytes.fromhex(header["wrapped_key"]),
        FIRST_LINE + json.dumps(recorded, sort_keys=True).encode(),
    )
    identity = pyrage.x25519.Identity.from_str(json.loads(secret)["identity"])
    with tarfile.open(fileobj=io.BytesIO(pyrage.decrypt(contents, [identity]))) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["format"] == 3
    assert "database.jsonl" in manifest["files"]


def test_restore_derives_the_key_with_the_parameters_the_backup_records(published, tmp_path):
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    plain = tmp_path / "plain.tar.gz"
    key = unseal(backup, PASSPHRASE, plain)
    with backup.open("wb") as out:  # the same backup, its key wrapped at other parameters
        seal(plain, out, key, PASSPHRASE, ScryptParameters(n=2**12, r=4, p=2))
    recorded = envelope(backup)[1]["scrypt"]
    assert (recorded["n"], recorded["r"], recorded["p"]) == (2**12, 4, 2)
    Source.objects.filter(title="Field Report 1993").update(title="Changed after the backup")
    call_command("restore", str(backup), "--no-input")
    assert Source.objects.filter(title="Field Report 1993").exists()
    assert not Source.objects.filter(title="Changed after the backup").exists()


def seal_format_2(plain: Path, out, key: BackupKey, passphrase: str) -> None:
    """A backup as Vigil wrote it in format 2: the key wrapped by age's passphrase recipient."""
    secret = {"identity": str(key.identity), "signing_key": key.signing_key.hex()}
    out.write(b"VIGIL-BACKUP 2 age\n")
    out.write(age_passphrase.encrypt(json.dumps(secret).encode(), passphrase, armored=True))
    with plain.open("rb") as source:
        pyrage.encrypt_io(source, out, [key.identity.to_public()])


def format_2_backup(tmp_path: Path) -> tuple[Path, Path, BackupKey]:
    """A format-2 backup of the database as it is now; also its plain tar.gz and its key."""
    backup, plain = tmp_path / "vigil.age", tmp_path / "plain.tar.gz"
    call_command("backup", str(backup))
    key = unseal(backup, PASSPHRASE, plain)

    def as_format_2(folder: Path):
        manifest = json.loads((folder / "manifest.json").read_text())
        data = json.dumps({**manifest, "format": 2}, indent=1, sort_keys=True).encode()
        (folder / "manifest.json").write_bytes(data)
        (folder / "manifest.sig").write_text(key.sign(data))

    rewrite(tmp_path / "unpacked", plain, as_format_2)
    with backup.open("wb") as out:
        seal_format_2(plain, out, key, PASSPHRASE)
    return backup, plain, key


def test_a_format_2_backup_still_restores(published, tmp_path):
    rows = everything()
    backup, _plain, _key = format_2_backup(tmp_path)
    assert backup.read_bytes().startswith(b"VIGIL-BACKUP 2 age\n-----BEGIN AGE ENCRYPTED FILE")
    Source.objects.filter(title="Field Report 1993").update(title="Changed after the backup")
    call_command("restore", str(backup), "--no-input")
    assert everything() == rows


def armoured(age_file: bytes) -> bytes:
    body = base64.b64encode(age_file)
    lines = [body[start : start + 64] for start in range(0, len(body), 64)]
    return b"\n".join(
        [b"-----BEGIN AGE ENCRYPTED FILE-----", *lines, b"-----END AGE ENCRYPTED FILE-----\n"]
    )


def test_a_format_2_key_beyond_this_machines_work_factor_is_not_called_a_wrong_passphrase(
    published, tmp_path
):
    backup, plain, key = format_2_backup(tmp_path)
    wrapped = age_passphrase.encrypt(key.secret(), PASSPHRASE)
    version, stanza, rest = wrapped.split(b"\n", 2)
    arrow, kind, salt, _work_factor = stanza.split(b" ")
    # 2^40: what a machine a million times faster than any would choose.
    harder = b"\n".join([version, b" ".join([arrow, kind, salt, b"40"]), rest])
    with backup.open("wb") as out, plain.open("rb") as source:
        out.write(b"VIGIL-BACKUP 2 age\n" + armoured(harder))
        pyrage.encrypt_io(source, out, [key.identity.to_public()])
    with pytest.raises(CommandError, match="refused the work factor") as refusal:
        call_command("restore", str(backup), "--no-input")
    assert "wrong passphrase" not in str(refusal.value)


def damage_wrapped_key(header: dict) -> dict:
    flipped = "0" if header["wrapped_key"][0] != "0" else "1"
    return {**header, "wrapped_key": flipped + header["wrapped_key"][1:]}


def ask_for_two_gibibytes_of_memory(header: dict) -> dict:
    """Parameters no Vigil writes, with the header's checksum made to match them."""
    fields = {k: v for k, v in header.items() if k != "sha256"}
    fields["scrypt"] = {**fields["scrypt"], "n": 2**21}
    checksum = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
    return {**fields, "sha256": checksum}


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (damage_wrapped_key, "key block is damaged"),
        (ask_for_two_gibibytes_of_memory, "key derivation Vigil never uses"),
        (None, "key block is damaged"),
    ],
)
def test_a_damaged_key_block_is_not_called_a_wrong_passphrase(published, tmp_path, damage, message):
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    first, header, contents = envelope(backup)
    if damage is None:  # cut off inside the header
        backup.write_bytes(backup.read_bytes()[: len(first) + 40])
    else:
        backup.write_bytes(first + json.dumps(damage(header)).encode() + b"\n" + contents)
    with pytest.raises(CommandError, match=message) as refusal:
        call_command("restore", str(backup), "--no-input")
    assert "wrong passphrase" not in str(refusal.value)
