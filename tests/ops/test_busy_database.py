"""While another connection holds the database's write lock, a request that must write answers
503 with Retry-After and a short page, not 500; reading goes on, and writing resumes after."""

import pytest
from django.db import connection, connections
from django.test import Client

from tests.ops.processes import Spawned, create_user, vigil_env, write_lock_held
from tests.ops.web import CSRF_FIELD, Visitor
from tests.personas import PASSWORD

ORIGIN = {"Origin": "http://127.0.0.1"}


def test_requests_that_must_write_while_another_process_holds_the_lock_answer_503(data_dir):
    env = vigil_env(data_dir, VIGIL_DB_WAIT_SECONDS="1")
    create_user(env, "carol", PASSWORD)
    server, port = Spawned.server(env, "--no-worker")
    try:
        carol = Visitor(port)
        assert carol.sign_in("carol", PASSWORD).status == 302
        token = CSRF_FIELD.search(carol.request("GET", "/cases/").text).group(1)
        with write_lock_held(data_dir):
            signing_in = Visitor(port).sign_in("carol", PASSWORD)  # the form opens: reading goes on
            assert signing_in.status == 503  # signing in writes
            assert signing_in.headers["Retry-After"] == "10"
            assert "try again in 10 seconds" in signing_in.text
            signing_out = carol.request(
                "POST", "/logout/", form={"csrfmiddlewaretoken": token}, headers=ORIGIN
            )
            assert (signing_out.status, signing_out.headers["Retry-After"]) == (503, "10")
        assert carol.request("GET", "/cases/").status == 200  # still signed in
        assert Visitor(port).sign_in("carol", PASSWORD).status == 302
    finally:
        server.stop()


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_request_waiting_for_a_locked_row_answers_503(alice):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's lock timeout; the SQLite case is the test above")
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "5s"  # VIGIL_DB_WAIT_SECONDS, as settings.py sets it
        cursor.execute("SET lock_timeout = '1s'")  # the same, sooner
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    other = connections.create_connection("default")
    try:
        other.set_autocommit(False)
        with other.cursor() as cursor:  # another transaction holds the session's row
            cursor.execute(
                "SELECT 1 FROM django_session WHERE session_key = %s FOR UPDATE",
                [client.session.session_key],
            )
        response = client.post("/logout/")  # deleting the session waits for its row
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
