"""Every operation of the API, for every role of the authorisation table: allowed or refused as
API_TABLE says, by the same rules as the pages (tests/accounts/test_authorisation.py has the
world, the personas and the needs).

An operation the table does not decide fails `test_the_api_table_covers_every_operation`, so no
endpoint can be added without deciding who may call it. Write operations are sent a body that
passes the API's schema, so what refuses them is the permission rule (a form's own refusal, 422,
counts as let through). A refusal is 401 (nobody signed in), 403 or 404, and changes nothing.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.accounts.test_authorisation import ALLOWED, PERSONAS, World, request
from tests.api.schema_check import problems_with, recording_api_responses
from vigil.api.api import api
from vigil.law.models import Element

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1"


def case_path(w, **extra):
    return {"slug": w.case.slug, **extra}


# (path template, method): (need, path arguments, body)
API_TABLE = {
    ("/cases", "GET"): ("signed-in", lambda w: {}, None),
    ("/cases/{slug}", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/sources", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/sources/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.source.pk),
        None,
    ),
    ("/cases/{slug}/sources/{pk}", "PATCH"): (
        "case-write",
        lambda w: case_path(w, pk=w.source.pk),
        lambda w: {"title": "Renamed report"},
    ),
    ("/cases/{slug}/sources/{pk}/file", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.source.pk),
        None,
    ),
    ("/cases/{slug}/sources/{pk}/text", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.source.pk),
        None,
    ),
    ("/cases/{slug}/sources/upload", "POST"): (
        "case-write",
        case_path,
        lambda w: {
            "file": SimpleUploadedFile("note.txt", b"A new note about the town."),
            "kind": "report",
            "title": "A note",
            "access_level": "restricted",
            "standing": "ngo",
        },
    ),
    ("/cases/{slug}/sources/web", "POST"): (
        "case-write",
        case_path,
        lambda w: {
            "web_address": "https://example.org/page",
            "text": "The page's text.",
            "kind": "press",
            "title": "A page",
            "access_level": "public",
            "standing": "press",
        },
    ),
    ("/cases/{slug}/claims", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/claims/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.claim.pk),
        None,
    ),
    ("/cases/{slug}/claims/{pk}", "PATCH"): (
        "case-write",
        lambda w: case_path(w, pk=w.claim.pk),
        lambda w: {"locator": "page 3"},
    ),
    ("/cases/{slug}/sources/{pk}/claims", "POST"): (
        "case-write",
        lambda w: case_path(w, pk=w.source.pk),
        lambda w: {"statement": "The town was shelled", "claim_type": "other", "locator": "p. 2"},
    ),
    ("/cases/{slug}/claims/{pk}/reviews", "POST"): (
        "case-write",
        lambda w: case_path(w, pk=w.claim.pk),
        lambda w: {"status": "disputed", "note": "Another source says otherwise."},
    ),
    ("/cases/{slug}/claims/{pk}/links", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.claim.pk),
        None,
    ),
    ("/cases/{slug}/claims/{pk}/links", "POST"): (
        "case-write",
        lambda w: case_path(w, pk=w.claim.pk),
        lambda w: {
            "element": Element.objects.exclude(links__claim=w.claim).first().pk,
            "bearing": "supports",
            "strength": "weak",
        },
    ),
    ("/cases/{slug}/links/{pk}", "DELETE"): (
        "case-write",
        lambda w: case_path(w, pk=w.link.pk),
        None,
    ),
    ("/cases/{slug}/figures", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/search", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/figures/{category}", "GET"): (
        "case-read",
        lambda w: case_path(w, category="killed"),
        None,
    ),
    ("/cases/{slug}/matrix/{code}", "GET"): (
        "case-read",
        lambda w: case_path(w, code="RS-6-a"),
        None,
    ),
    ("/cases/{slug}/gaps", "GET"): ("case-read", case_path, None),
    ("/actors", "GET"): ("signed-in", lambda w: {}, None),
    ("/actors/{pk}", "GET"): ("signed-in", lambda w: {"pk": w.act.actor_id}, None),
    ("/cases/{slug}/recognition-acts", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/publications", "POST"): (
        "case-write",
        case_path,
        lambda w: {"kind": "claim", "ids": [w.claim.pk]},
    ),
    ("/cases/{slug}/withdrawals", "POST"): (
        "case-write",
        case_path,
        lambda w: {"kind": "act", "ids": [w.act.pk]},
    ),
    ("/cases/{slug}/recognition-acts", "POST"): (
        "case-write",
        case_path,
        lambda w: {
            "actor": w.target.actor_id,
            "date": "2001-02",
            "instrument": "resolution",
            "characterisation": "massacre",
            "wording": "the words of the resolution",
            "status": "adopted",
        },
    ),
    ("/cases/{slug}/recognition-acts/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.act.pk),
        None,
    ),
    ("/cases/{slug}/targets", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/targets/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.target.pk),
        None,
    ),
    ("/cases/{slug}/targets/{pk}/moves", "POST"): (
        "case-write",
        lambda w: case_path(w, pk=w.target.pk),
        lambda w: {"stage": "contacted", "note": "Wrote to the committee."},
    ),
    # The campaign: its coordinators and volunteers see; a chapter's coordinators change.
    ("/chapters", "GET"): ("campaign", lambda w: {}, None),
    ("/chapters/{pk}", "GET"): ("campaign", lambda w: {"pk": w.chapter_x.pk}, None),
    ("/events", "GET"): ("campaign", lambda w: {}, None),
    ("/events", "POST"): (
        "any-coordinator",
        lambda w: {},
        lambda w: {
            "title": "Reading",
            "kind": "seminar",
            "chapter": w.chapter_x.pk,
            "time_zone": "Europe/Berlin",
            "starts_at": "2031-04-01T18:00",
            "ends_at": "2031-04-01T20:00",
        },
    ),
    ("/events/{pk}", "GET"): ("campaign", lambda w: {"pk": w.event.pk}, None),
    ("/events/{pk}", "PATCH"): (
        "chapter-x",
        lambda w: {"pk": w.event.pk},
        lambda w: {"venue": "The library"},
    ),
    ("/events/{pk}/rsvps", "GET"): ("campaign", lambda w: {"pk": w.event.pk}, None),
    ("/rsvps/{pk}", "GET"): ("campaign", lambda w: {"pk": w.rsvp.pk}, None),
    ("/rsvps/{pk}/check-in", "POST"): ("chapter-x", lambda w: {"pk": w.rsvp.pk}, None),
    ("/rsvps/{pk}/cancel", "POST"): ("chapter-x", lambda w: {"pk": w.rsvp.pk}, None),
    ("/contacts", "GET"): ("campaign", lambda w: {}, None),
    ("/contacts", "POST"): (
        "any-coordinator",
        lambda w: {},
        lambda w: {"name": "A journalist", "kind": "journalist", "chapter": w.chapter_x.pk},
    ),
    ("/contacts/{pk}", "GET"): ("campaign", lambda w: {"pk": w.contact.pk}, None),
    ("/contacts/{pk}/interactions", "GET"): ("campaign", lambda w: {"pk": w.contact.pk}, None),
    ("/contacts/{pk}/interactions", "POST"): (
        "chapter-x",
        lambda w: {"pk": w.contact.pk},
        lambda w: {"channel": "phone", "summary": "Called about the vote."},
    ),
    ("/interactions/{pk}", "GET"): ("campaign", lambda w: {"pk": w.interaction.pk}, None),
    ("/interactions/{pk}/follow-up-done", "POST"): (
        "chapter-x",
        lambda w: {"pk": w.interaction.pk},
        None,
    ),
    # Ingestion and dossiers: a case's readers follow them, its researchers start and decide.
    ("/cases/{slug}/ingest-jobs", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/ingest-jobs", "POST"): (
        "case-write",
        case_path,
        lambda w: {"files": SimpleUploadedFile("note.txt", b"On 26 February 1992 the town fell.")},
    ),
    ("/cases/{slug}/ingest-jobs/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.job.pk),
        None,
    ),
    ("/cases/{slug}/candidates", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/candidates/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.candidate.pk),
        None,
    ),
    ("/cases/{slug}/candidates/{pk}/accept", "POST"): (
        "case-write",
        lambda w: case_path(w, pk=w.candidate.pk),
        lambda w: {"statement": ""},
    ),
    ("/cases/{slug}/candidates/{pk}/reject", "POST"): (
        "case-write",
        lambda w: case_path(w, pk=w.candidate.pk),
        None,
    ),
    ("/cases/{slug}/dossier-builds", "GET"): ("case-read", case_path, None),
    ("/cases/{slug}/dossier-builds", "POST"): (
        "case-write",
        case_path,
        lambda w: {"format": "html"},
    ),
    ("/cases/{slug}/dossier-builds/{pk}", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.build.pk),
        None,
    ),
    ("/cases/{slug}/dossier-builds/{pk}/file", "GET"): (
        "case-read",
        lambda w: case_path(w, pk=w.build.pk),
        None,
    ),
}


def api_operations() -> set[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return {
        (path.removeprefix(PREFIX), method.upper())
        for path, operations in paths.items()
        for method in operations
    }


def test_the_api_table_covers_every_operation():
    assert sorted(api_operations() - API_TABLE.keys()) == []
    assert sorted(API_TABLE.keys() - api_operations()) == []


def api_request(client, method, path, body):
    """The request, as a program sends it: JSON, or a form with a file for an upload."""
    if body is not None and any(hasattr(value, "read") for value in body.values()):
        for value in body.values():
            if hasattr(value, "seek"):
                value.seek(0)
        return client.generic(method, path, **_multipart(client, body))
    if body is not None:
        return client.generic(method, path, data=_json(body), content_type="application/json")
    return client.generic(method, path)


def _json(body):
    import json

    return json.dumps(body)


def _multipart(client, body):
    from django.test.client import MULTIPART_CONTENT, encode_multipart

    boundary = "vigil-boundary"
    return {
        "data": encode_multipart(boundary, body),
        "content_type": f"{MULTIPART_CONTENT}; boundary={boundary}",
    }


def refused(persona, response) -> bool:
    if response.status_code == 405:
        return True
    if persona == "anonymous":
        return response.status_code == 401
    return response.status_code in (403, 404)


@pytest.fixture
def world(published, django_user_model):
    return World(published, django_user_model)


def test_who_may_call_each_api_operation(world):
    """Every answer also matches the published OpenAPI description."""
    wrong = []
    with recording_api_responses() as recorded:
        call_every_operation_as_everyone(world, wrong)
    wrong += [problem for entry in recorded for problem in problems_with(*entry)]
    assert wrong == [], "\n".join(wrong)


def call_every_operation_as_everyone(world, wrong: list[str]) -> None:
    for (template, method), (need, arguments, body) in API_TABLE.items():
        path = PREFIX + template.format(**arguments(world))
        for persona in PERSONAS:
            sent = body(world) if body else None
            response, changed = request(
                world.clients[persona],
                method,
                path,
                send=lambda client, m=method, p=path, s=sent: api_request(client, m, p, s),
            )
            expected = persona in ALLOWED[need]
            was_refused = refused(persona, response)
            if response.status_code >= 500 or was_refused == expected:
                detail = response.content[:200]
                wrong.append(f"{method} {path} ({need}) {persona}: {response.status_code} {detail}")
            elif was_refused and changed:
                wrong.append(f"{method} {path} ({need}) {persona}: refused, yet changed rows")


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def test_no_api_answer_names_a_confidential_source_to_those_who_may_not_see_it(world):
    world.act.sources.add(world.confidential)
    marker = world.confidential.title
    may_see = ALLOWED["case-confidential"]
    leaks = []
    for (template, method), (_need, arguments, _sent) in API_TABLE.items():
        if method != "GET":
            continue
        path = PREFIX + template.format(**arguments(world))
        for persona in set(PERSONAS) - may_see:
            response = world.clients[persona].get(path)
            if response.status_code == 200 and marker in _body(response):
                leaks.append(f"{path} {persona}")
        listing = world.clients["viewer-a"].get(f"{PREFIX}/cases/{world.case.slug}/sources")
        assert str(world.confidential.pk) not in [str(i["id"]) for i in listing.json()["items"]]
    assert leaks == [], "\n".join(leaks)
