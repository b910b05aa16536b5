"""The pickers of related rows: a short list is written whole, a long one holds only the chosen
rows (the rest are searched on the server), and the form still refuses a row it may not offer."""

import datetime

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.personas import give_role
from vigil.campaigns.forms import ChapterForm, TaskForm
from vigil.campaigns.models import Chapter, Event
from vigil.cases.models import Case
from vigil.pickers import LIST_BOUND
from vigil.recognition.forms import RecognitionActForm
from vigil.recognition.models import Actor, Target

pytestmark = pytest.mark.django_db


def make_events(chapter, count):
    start = timezone.now() + datetime.timedelta(days=30)
    Event.objects.bulk_create(
        Event(
            chapter=chapter,
            title=f"Vigil {number:03}",
            kind="commemoration",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            time_zone="Europe/Berlin",
            venue="Town hall",
        )
        for number in range(count)
    )
    return list(Event.objects.order_by("title"))


@pytest.fixture
def berlin(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


def select(bound_field):
    return lxml.html.fragment_fromstring(str(bound_field))


def options(element) -> list[tuple[str, str]]:
    return [(o.get("value"), o.text) for o in element.iter("option")]


def test_a_short_list_is_written_whole_and_searched_in_the_page(administrator, berlin):
    events = make_events(berlin, 3)
    event = select(TaskForm(user=administrator)["event"])
    assert options(event) == [("", "---------")] + [(str(e.pk), e.title) for e in events]
    assert event.get("data-picker") and event.get("data-picker-url") is None


def test_a_long_list_holds_only_the_chosen_row_and_says_where_to_search(administrator, berlin):
    events = make_events(berlin, LIST_BOUND + 1)
    chosen = events[57]
    form = TaskForm(user=administrator, initial={"event": chosen.pk})
    event = select(form["event"])
    assert options(event) == [("", "---------"), (str(chosen.pk), chosen.title)]
    assert event.xpath("option[@selected]")[0].text == chosen.title
    assert event.get("data-picker-url") == "/pick/campaigns.event/"
    assert event.get("data-picker-more") == "More matches: narrow the search"
    assert options(select(TaskForm(user=administrator)["event"])) == [("", "---------")]


def test_a_long_multiple_list_keeps_every_chosen_row_selected(administrator, berlin):
    people = get_user_model().objects.bulk_create(
        get_user_model()(username=f"volunteer{number:03}") for number in range(LIST_BOUND + 1)
    )
    berlin.volunteers.add(people[3], people[70])
    volunteers = select(ChapterForm(instance=berlin, user=administrator)["volunteers"])
    assert volunteers.get("multiple") is not None
    assert volunteers.get("data-picker-url") == "/pick/auth.user/"
    assert sorted(volunteers.xpath("option[@selected]/text()")) == ["volunteer003", "volunteer070"]
    assert len(volunteers.findall("option")) == 2


def test_the_actor_of_an_act_is_searched_on_the_server_among_the_states(states, case):
    georgia = Actor.objects.get(kind=Actor.Kind.STATE, country_code="GEO")
    form = RecognitionActForm(
        initial={"actor": georgia.pk}, case=case, sources_queryset=case.sources.all()
    )
    actor = select(form["actor"])
    assert options(actor) == [("", "---------"), (str(georgia.pk), "Georgia (GEO)")]
    assert actor.get("data-picker-url") == "/pick/recognition.actor/"


def test_a_long_list_still_refuses_a_row_the_person_may_not_use(states, case, alice):
    other = Case.objects.create(title="Another case", slug="another")
    actors = list(Actor.objects.order_by("pk")[: LIST_BOUND + 1])
    Target.objects.bulk_create(Target(case=case, actor=actor) for actor in actors)
    hidden = Target.objects.create(case=other, actor=actors[0])
    allowed = Target.objects.filter(case=case).last()
    data = {"title": "Call the office", "status": "open"}
    form = TaskForm(data={**data, "target": hidden.pk}, user=alice)
    assert select(form["target"]).get("data-picker-url") == "/pick/recognition.target/"
    assert not form.is_valid()
    assert "target" in form.errors
    form = TaskForm(data={**data, "target": allowed.pk}, user=alice)
    form.is_valid()
    assert "target" not in form.errors
    give_role(alice, other)
    form = TaskForm(data={**data, "target": hidden.pk}, user=alice)
    form.is_valid()
    assert "target" not in form.errors, "a case alice joins offers its targets"
