import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.recognition.conftest import act, state
from vigil.recognition import services
from vigil.recognition.models import Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(case, states, alice):
    return services.create_target(
        case,
        actor=state("ITA"),
        owner=alice,
        user=alice,
        next_step="Brief the committee chair",
        due_date=datetime.date(2026, 1, 10),
    )


def test_creating_a_target_starts_its_history(target, alice):
    assert [(c.from_stage, c.to_stage, c.changed_by) for c in target.history.all()] == [
        ("", "not_engaged", alice)
    ]


def test_moving_keeps_every_change_in_the_history(target, alice):
    services.move_target(target, to_stage="contacted", user=alice)
    services.move_target(target, to_stage="briefed", user=alice, note="Met the chair")
    assert [(c.from_stage, c.to_stage) for c in target.history.all()] == [
        ("", "not_engaged"),
        ("not_engaged", "contacted"),
        ("contacted", "briefed"),
    ]
    assert target.history.last().note == "Met the chair"
    target.refresh_from_db()
    assert target.stage == "briefed"


def test_moving_to_the_same_or_an_unknown_stage_is_refused(target):
    with pytest.raises(ValidationError):
        services.move_target(target, to_stage="not_engaged")
    with pytest.raises(ValidationError):
        services.move_target(target, to_stage="won")


def test_next_stage_walks_towards_adoption(target):
    assert target.next_stage == "contacted"
    target.stage = "tabled"
    assert target.next_stage == "adopted"
    target.stage = "adopted"
    assert target.next_stage is None
    target.stage = "declined"
    assert target.next_stage is None


def test_an_actor_is_in_the_pipeline_once(target, case):
    with pytest.raises(ValidationError, match="already in the pipeline"):
        services.create_target(case, actor=target.actor)


def test_adopted_offers_to_record_the_act_until_one_is_recorded(alice_client, target, case):
    target.stage = "tabled"
    target.save()
    response = alice_client.post(
        reverse("recognition:target_move", args=[case.slug, target.pk]), {"stage": "adopted"}
    )
    assert response.url == f"/cases/{case.slug}/recognition/acts/new/?actor={target.actor_id}"
    form_page = alice_client.get(response.url).content.decode()
    assert "record the recognition act now" in form_page
    assert f'<option value="{target.actor_id}" selected>' in form_page
    target.refresh_from_db()
    assert services.needs_act(target)
    act(case, target.actor)
    assert not services.needs_act(target)


def test_overdue_lists_open_targets_past_their_date(target, case):
    today = datetime.date(2026, 2, 1)
    assert list(services.overdue_targets(case, today)) == [target]
    services.move_target(target, to_stage="declined")
    assert list(services.overdue_targets(case, today)) == []


def test_the_board_shows_targets_by_stage_and_the_overdue_list(alice_client, target, case):
    page = alice_client.get(reverse("recognition:pipeline", args=[case.slug])).content.decode()
    column = page[page.index('id="stage-not_engaged"') : page.index('id="stage-contacted"')]
    assert "Italy" in column
    overdue = page[page.index("Overdue next steps") : page.index('class="board"')]
    assert "Brief the committee chair" in overdue


def test_adding_a_target_from_the_board(alice_client, case, states):
    response = alice_client.post(
        reverse("recognition:target_add", args=[case.slug]),
        {"actor": state("ESP").pk, "stage": "not_engaged", "next_step": "Find a sponsor"},
    )
    assert response.status_code == 302
    assert Target.objects.get(case=case).actor == state("ESP")
