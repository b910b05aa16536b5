"""Trusted timestamps against a real local RFC 3161 authority (openssl ts), never a mock."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests import tsa as local_tsa
from tests.conftest import make_source
from vigil.audit.checkpoints import read_checkpoints
from vigil.audit.models import AuditEntry
from vigil.dossier.content import build_content
from vigil.dossier.render import render_html
from vigil.evidence import timestamps
from vigil.evidence.models import FileTimestamp, TimestampToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def authority(tmp_path):
    return local_tsa.LocalTSA(tmp_path / "tsa")


@pytest.fixture
def tsa(settings, authority):
    """Vigil configured with the local TSA, its CA as the trusted certificate."""
    server, url = local_tsa.serve(authority)
    settings.TSA_URL = url
    settings.TSA_CERT = str(authority.ca_cert)
    yield authority
    local_tsa.stop(server)


def test_a_token_from_the_tsa_covers_every_archived_file_and_the_chain_head(tsa, source):
    other = make_source(source.case, text="Another report.", title="Another")
    [token] = timestamps.stamp_pending()
    assert token.tsa_name == "Vigil Test TSA"
    head = AuditEntry.objects.order_by("-seq").first()
    assert token.chain_seq == head.seq and token.leaves[0] == head.entry_hash
    stamped = set(FileTimestamp.objects.values_list("archived_file__sha256", flat=True))
    assert stamped == {source.archived_file.sha256, other.archived_file.sha256}
    assert timestamps.timestamp_problems() == []
    [checkpoint], _ = read_checkpoints()
    assert checkpoint.timestamp_root == token.merkle_root


def test_nothing_pending_makes_no_request(tsa, source):
    timestamps.stamp_pending()
    assert timestamps.stamp_pending() == []
    assert TimestampToken.objects.count() == 1


def test_a_token_for_another_hash_is_refused(tsa, source):
    [token] = timestamps.stamp_pending()
    other_root = timestamps.merkle_root(["ab" * 32])
    with pytest.raises(timestamps.TimestampError, match="does not check out"):
        timestamps.check_response(bytes(token.response), other_root)


def test_a_token_signed_by_another_key_is_refused(tsa, source, tmp_path, settings):
    """A second authority, with its own CA, signs the same root: Vigil trusts only its own."""
    [token] = timestamps.stamp_pending()
    impostor = local_tsa.LocalTSA(tmp_path / "impostor", name="Vigil Test TSA")
    server, url = local_tsa.serve(impostor)
    try:
        settings.TSA_URL = url
        with pytest.raises(timestamps.TimestampError, match="does not check out"):
            timestamps.request_token(token.merkle_root)
    finally:
        local_tsa.stop(server)


def test_verify_names_a_stored_token_replaced_by_a_forged_one(tsa, source, tmp_path, capsys):
    [token] = timestamps.stamp_pending()
    impostor = local_tsa.LocalTSA(tmp_path / "impostor", name="Vigil Test TSA")
    query = tmp_path / "query.tsq"
    local_tsa.subprocess.run(
        [local_tsa.OPENSSL, "ts", "-query", "-digest", token.merkle_root, "-sha256", "-cert",
         "-out", str(query)],
        check=True, capture_output=True,
    )  # fmt: skip
    # The digest openssl signs here is the root itself, not its hash: a token for another hash.
    TimestampToken.objects.filter(pk=token.pk).update(response=impostor.sign(query.read_bytes()))
    with pytest.raises(CommandError, match="1 timestamp problem"):
        call_command("verify")
    assert f"trusted timestamp #{token.pk}" in capsys.readouterr().err


def test_verify_names_a_checkpoint_whose_timestamp_was_deleted(tsa, source, capsys):
    [token] = timestamps.stamp_pending()
    FileTimestamp.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM evidence_timestamptoken WHERE id = %s", [token.pk])
    with pytest.raises(CommandError, match="1 timestamp problem"):
        call_command("verify")
    assert f"checkpoint root {token.merkle_root} is gone" in capsys.readouterr().err


def test_an_unreachable_tsa_is_reported_and_the_files_stay_pending(settings, authority, source):
    server, url = local_tsa.serve(authority)
    local_tsa.stop(server)
    settings.TSA_URL, settings.TSA_CERT = url, str(authority.ca_cert)
    with pytest.raises(timestamps.TimestampError, match="did not answer"):
        timestamps.stamp_pending()
    assert not FileTimestamp.objects.exists()


def test_a_tsa_answering_an_error_is_reported_and_retried_later(tsa, source):
    tsa.broken = True
    with pytest.raises(CommandError, match="did not answer"):
        call_command("timestamp")
    assert not FileTimestamp.objects.exists()
    tsa.broken = False
    call_command("timestamp")
    assert FileTimestamp.objects.filter(archived_file=source.archived_file).exists()


def test_without_a_tsa_vigil_says_files_are_not_timestamped(source, capsys, settings):
    settings.TSA_URL = ""
    assert timestamps.stamp_pending() == []
    call_command("verify")
    assert "No time-stamping authority is configured" in capsys.readouterr().out


def test_the_source_page_says_who_timestamped_the_file_and_when(tsa, source, alice_client):
    [token] = timestamps.stamp_pending()
    page = alice_client.get(source.get_absolute_url()).content.decode()
    assert "Timestamped by Vigil Test TSA at" in page
    assert str(token.gen_time.year) in page


def test_the_source_page_says_when_no_tsa_is_configured(source, alice_client, settings):
    settings.TSA_URL = ""
    page = alice_client.get(source.get_absolute_url()).content.decode()
    assert "Not timestamped: no time-stamping authority is configured" in page


def test_the_dossier_bibliography_says_who_timestamped_each_archived_file(tsa, published):
    timestamps.stamp_pending()
    html = render_html(build_content(published))
    assert "Timestamped by Vigil Test TSA at" in html


def test_verify_counts_timestamps_and_waiting_files_in_words(tsa, source):
    make_source(source.case, text="Another report.", title="Another")
    timestamps.stamp_pending()
    make_source(source.case, text="A third report.", title="Third")
    assert timestamps.status_line() == (
        "1 trusted timestamp checked; 1 archived file awaits one (`vigil timestamp` requests them)."
    )
