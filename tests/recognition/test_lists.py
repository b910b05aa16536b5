"""Recognition's lists stay bounded: the actors are paged, filtered and sorted on the server, the
pipeline shows each stage's first cards with the count of all and a page per stage, a target's
history is paged, and the list of acts filters by word and status."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.recognition.conftest import act, body, state
from vigil.paging import PAGE_SIZE
from vigil.recognition import board, services
from vigil.recognition.models import Actor, Target

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [actor.name for actor in response.context["page"].object_list]


def test_the_actor_list_is_paged(alice_client, states):
    for n in range(PAGE_SIZE + 2):
        body(f"Committee {n:03d}", "committee", "DEU")
    url = reverse("actors")
    first = alice_client.get(url)
    assert names(first) == [f"Committee {n:03d}" for n in range(PAGE_SIZE)]
    assert f"{PAGE_SIZE + 2} actors" in first.content.decode()
    assert names(alice_client.get(url, {"page": 2})) == ["Committee 050", "Committee 051"]
    assert names(alice_client.get(url, {"page": "junk"})) == names(first)
    assert "Germany" not in names(first)  # states are preloaded, not listed


def test_the_actor_list_filters_and_sorts(alice_client, states):
    body("Bundestag", "parliament", "DEU")
    body("Senato", "chamber", "ITA")
    body("Council of Europe", "organisation")
    url = reverse("actors")
    assert names(alice_client.get(url, {"kind": "chamber"})) == ["Senato"]
    assert names(alice_client.get(url, {"country": "deu"})) == ["Bundestag"]
    assert names(alice_client.get(url, {"q": "council"})) == ["Council of Europe"]
    assert names(alice_client.get(url, {"sort": "country"}))[-1] == "Senato"
    assert names(alice_client.get(url, {"sort": "added"}))[0] == "Council of Europe"
    everything = alice_client.get(url, {"kind": "state", "sort": "nonsense"})
    assert everything.status_code == 200 and len(names(everything)) == 3


def many_targets(case, count: int, *stages: str) -> list[Target]:
    """`count` targets moved through `stages` (by default to "contacted")."""
    stages = stages or ("contacted",)
    targets = []
    for n in range(count):
        actor = Actor.objects.create(name=f"Assembly {n:03d} {stages[-1]}", kind="subnational")
        target = services.create_target(
            case, actor=actor, due_date=datetime.date(2030, 1, 1) + datetime.timedelta(days=n)
        )
        for stage in stages:
            services.move_target(target, to_stage=stage)
        targets.append(target)
    return targets


def test_each_stage_shows_its_first_cards_and_the_count_of_all(alice_client, case, states):
    many_targets(case, board.PER_STAGE + 3)
    services.create_target(case, actor=state("ITA"))
    url = reverse("recognition:pipeline", args=[case.slug])
    response = alice_client.get(url)
    columns = {column["stage"]: column for column in response.context["columns"]}
    contacted = columns["contacted"]
    assert contacted["count"] == board.PER_STAGE + 3 and contacted["more"]
    assert [t.actor.name for t in contacted["targets"]] == [
        f"Assembly {n:03d} contacted" for n in range(board.PER_STAGE)
    ]
    assert columns["not_engaged"]["count"] == 1 and not columns["not_engaged"]["more"]
    body_html = response.content.decode()
    assert "?stage=contacted" in body_html and f"See all {board.PER_STAGE + 3}" in body_html
    whole = alice_client.get(url, {"stage": "contacted"})
    listed = [t.actor.name for t in whole.context["stage_page"].object_list]
    assert listed == [f"Assembly {n:03d} contacted" for n in range(board.PER_STAGE + 3)]


def test_the_board_takes_the_same_queries_for_few_or_many_targets(alice_client, case, states):
    url = reverse("recognition:pipeline", args=[case.slug])
    many_targets(case, 2)
    alice_client.get(url)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(url)
    declined = many_targets(case, board.PER_STAGE + 5, "briefed", "declined")
    with CaptureQueriesContext(connection) as many:
        response = alice_client.get(url)
    assert len(many) == len(few)
    # A declined card still moves back to the stage it was declined from.
    card = response.content.decode().split(f'data-target="{declined[0].pk}"')[1]
    assert 'name="stage" value="briefed"' in card[: card.index("</article>")]


def test_a_targets_history_is_paged(alice_client, case, states):
    target = services.create_target(case, actor=state("ITA"))
    for n in range(PAGE_SIZE):
        services.move_target(target, to_stage="contacted" if n % 2 == 0 else "not_engaged")
    first = alice_client.get(target.get_absolute_url())
    assert len(first.context["history"].object_list) == PAGE_SIZE
    assert "history_page=2" in first.content.decode()
    second = alice_client.get(target.get_absolute_url(), {"history_page": 2})
    assert len(second.context["history"].object_list) == 1


def test_the_list_of_acts_filters_by_word_and_status(alice_client, case, states):
    act(case, state("DEU"), characterisation="genocide")
    act(case, state("ITA"), characterisation="massacre")
    act(case, state("ESP"), characterisation="massacre", status="tabled")
    url = reverse("recognition:overview", args=[case.slug])

    def actors(**filters):
        page = alice_client.get(url, filters).context["page"]
        return sorted(a.actor.country_code for a in page.object_list)

    assert actors(characterisation="massacre") == ["ESP", "ITA"]
    assert actors(characterisation="massacre", status="adopted") == ["ITA"]
    assert actors(status="nonsense") == ["DEU", "ESP", "ITA"]
