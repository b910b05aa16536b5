"""The pickers' endpoint: one bounded page of the rows a person's forms may offer, as JSON."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import personas
from tests.conftest import signed_in
from vigil.accounts.scoping import MATCHES_PAGE_SIZE
from vigil.campaigns.models import Chapter
from vigil.cases.models import Case
from vigil.recognition.models import Actor, Target

pytestmark = pytest.mark.django_db


def pick(client, model, **params):
    response = client.get(f"/pick/{model}/", params)
    assert response.status_code == 200, response.status_code
    return response.json()


def labels(found) -> list[str]:
    return [row["label"] for row in found["results"]]


def make_bodies(count, name="Regional assembly"):
    Actor.objects.bulk_create(
        Actor(name=f"{name} {number:03}", kind=Actor.Kind.SUBNATIONAL) for number in range(count)
    )


def test_it_finds_actors_by_every_word_and_names_them_as_the_forms_do(alice_client, states):
    Actor.objects.create(name="Georgia", kind=Actor.Kind.SUBNATIONAL, country_code="USA")
    found = pick(alice_client, "recognition.actor", q="GEORGIA")
    assert labels(found) == [
        "Georgia (GEO)",
        "Georgia (USA) — subnational legislature",
        "South Georgia and the South Sandwich Islands (SGS)",
    ]
    assert found["more"] is False
    assert labels(pick(alice_client, "recognition.actor", q="georgia subnat")) == []
    assert labels(pick(alice_client, "recognition.actor", q="usa georgia")) == [
        "Georgia (USA) — subnational legislature"
    ]


def test_a_state_is_found_by_its_name_in_the_reader_s_language_accents_aside(alice_client, states):
    assert "Türkiye (TUR)" in labels(pick(alice_client, "recognition.actor", q="turkiye"))
    alice_client.cookies["django_language"] = "ru"
    found = pick(alice_client, "recognition.actor", q="грузия")
    assert [row["id"] for row in found["results"]] == [
        Actor.objects.get(kind=Actor.Kind.STATE, country_code="GEO").pk
    ]


def test_it_answers_one_page_at_a_time_and_says_when_more_exist(alice_client):
    make_bodies(MATCHES_PAGE_SIZE + 5)
    first = pick(alice_client, "recognition.actor", q="assembly")
    assert len(first["results"]) == MATCHES_PAGE_SIZE and first["more"] is True
    second = pick(alice_client, "recognition.actor", q="assembly", page=2)
    assert len(second["results"]) == 5 and second["more"] is False
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}


def test_targets_are_offered_only_from_the_cases_a_person_may_open(
    alice_client, administrator_client, case, states
):
    other = Case.objects.create(title="Another case", slug="another")
    georgia = Actor.objects.get(kind=Actor.Kind.STATE, country_code="GEO")
    mine = Target.objects.create(case=case, actor=georgia)
    hidden = Target.objects.create(case=other, actor=georgia)
    found = pick(alice_client, "recognition.target", q="georgia")
    assert [row["id"] for row in found["results"]] == [mine.pk]
    assert found["results"][0]["label"] == "Georgia (not engaged)"
    everyone = pick(administrator_client, "recognition.target", q="georgia")
    assert {row["id"] for row in everyone["results"]} == {mine.pk, hidden.pk}


def test_a_coordinator_is_offered_the_people_of_their_chapter_an_administrator_everyone(
    administrator_client,
):
    berlin = Chapter.objects.create(name="Berlin", city="Berlin", country_code="DEU")
    carol = personas.carol(berlin)
    vera = personas.vera(berlin)
    get_user_model().objects.create_user("vanessa")
    assert labels(pick(signed_in(carol), "auth.user", q="v")) == ["vera"]
    assert labels(pick(signed_in(vera), "auth.user", q="v")) == ["vera"]
    assert labels(pick(administrator_client, "auth.user", q="v")) == ["vanessa", "vera"]
    assert labels(pick(signed_in(vera), "campaigns.chapter", q="")) == []
    assert carol.pk != vera.pk


def test_a_model_no_form_offers_is_not_found(alice_client):
    for model in ("evidence.source", "nothing.here", "recognition"):
        assert alice_client.get(f"/pick/{model}/").status_code == 404


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get("/pick/recognition.actor/", {"q": "a"})
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("model", ["recognition.actor", "recognition.target", "auth.user"])
def test_its_queries_do_not_grow_with_the_rows(alice_client, case, states, model):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            pick(alice_client, model, q="a")
        return len(captured)

    def grow(count):
        make_bodies(count, name=f"Assembly {Actor.objects.count()}")
        bodies = Actor.objects.filter(targets=None)[:count]
        Target.objects.bulk_create(Target(case=case, actor=actor) for actor in bodies)
        get_user_model().objects.bulk_create(
            get_user_model()(username=f"a{get_user_model().objects.count()}-{n}")
            for n in range(count)
        )

    queries()  # the session's first request does more
    grow(30)
    small = queries()
    grow(300)
    assert queries() == small
