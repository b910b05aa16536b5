import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.recognition.conftest import act, body, state
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


def test_a_target_moves_back_and_its_history_keeps_both_moves(target, alice):
    services.move_target(target, to_stage="contacted", user=alice)
    assert target.previous_stage == "not_engaged"
    services.move_target(target, to_stage=target.previous_stage, user=alice, note="No reply")
    changes = list(target.history.all())
    assert [(c.from_stage, c.to_stage) for c in changes] == [
        ("", "not_engaged"),
        ("not_engaged", "contacted"),
        ("contacted", "not_engaged"),
    ]
    assert [c.is_backward for c in changes] == [False, False, True]
    assert target.previous_stage is None  # the first stage has none before it


def test_a_declined_target_moves_back_to_the_stage_it_was_declined_from(target):
    services.move_target(target, to_stage="briefed")
    services.move_target(target, to_stage="declined")
    assert Target.objects.get(pk=target.pk).previous_stage == "briefed"


def test_the_board_offers_each_card_a_move_back(alice_client, target, case):
    services.move_target(target, to_stage="sponsor_found")
    page = alice_client.get(reverse("recognition:pipeline", args=[case.slug])).content.decode()
    card = page[page.index(f'data-target="{target.pk}"') :]
    card = card[: card.index("</article>")]
    assert '<input type="hidden" name="stage" value="briefed">' in card
    assert "← Back" in card and "Move on" in card
    response = alice_client.post(
        reverse("recognition:target_move", args=[case.slug, target.pk]), {"stage": "briefed"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.stage == "briefed"
    detail = alice_client.get(target.get_absolute_url()).content.decode()
    assert "moved back" in detail


def test_a_target_may_be_a_body_not_yet_among_the_actors(alice_client, case, states):
    response = alice_client.post(
        reverse("recognition:target_add", args=[case.slug]),
        {
            "new_body_name": "Committee on Foreign Affairs",
            "new_body_kind": "committee",
            "new_body_country": "deu",
            "stage": "not_engaged",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get(case=case)
    assert target.actor.name == "Committee on Foreign Affairs"
    assert target.actor.kind == "committee"
    assert target.actor.parent == state("DEU")


def test_bodies_and_organisations_are_offered_as_targets(alice_client, case, states):
    organisation = body("Organisation of Islamic Cooperation", "organisation")
    page = alice_client.get(reverse("recognition:pipeline", args=[case.slug])).content.decode()
    form = page[page.index("Add a target") :]
    # Among the states the list is long: the form's picker searches it on the server.
    assert 'data-picker-url="/pick/recognition.actor/"' in form
    found = alice_client.get("/pick/recognition.actor/", {"q": "islamic cooperation"}).json()[
        "results"
    ]
    assert [row["id"] for row in found] == [organisation.pk]
    assert 'name="new_body_name"' in form
    response = alice_client.post(
        reverse("recognition:target_add", args=[case.slug]),
        {"actor": organisation.pk, "stage": "contacted"},
    )
    assert response.status_code == 302
    assert Target.objects.get(case=case).actor == organisation


def test_a_target_needs_an_actor_or_a_new_body_and_a_new_body_its_kind(alice_client, case):
    url = reverse("recognition:target_add", args=[case.slug])
    alice_client.post(url, {"stage": "not_engaged"})
    alice_client.post(url, {"new_body_name": "City council of Lyon", "stage": "not_engaged"})
    assert not Target.objects.filter(case=case).exists()


def test_naming_a_body_twice_finds_the_one_already_there(states):
    first = services.find_or_add_body(name="Bundestag", kind="parliament", country_code="DEU")
    again = services.find_or_add_body(name="bundestag ", kind="parliament", country_code="deu")
    assert again == first
    with pytest.raises(ValidationError):
        services.find_or_add_body(name="Atlantis", kind="state", country_code="")
    with pytest.raises(ValidationError):
        services.find_or_add_body(name="Nowhere Senate", kind="chamber", country_code="XXX")
