"""The campaign's changes called as functions, without a web request: what the views rely on."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.campaigns.conftest import make_event
from tests.campaigns.test_rsvp import reply_and_confirm
from vigil.campaigns import rsvps, services
from vigil.campaigns.models import Consent, Contact, EventPhoto, Interaction, Task
from vigil.evidence import archive

pytestmark = pytest.mark.django_db


def test_an_outcome_report_is_saved_and_its_photo_archived_unaltered(chapter):
    event = make_event(chapter, days=-2)
    photo = SimpleUploadedFile("crowd.jpg", b"\xff\xd8 the square", content_type="image/jpeg")
    services.report_outcome(
        event, {"attendance": 140, "outcome_notes": "Wreaths laid."}, photo=photo
    )
    event.refresh_from_db()
    assert (event.attendance, event.outcome_notes) == (140, "Wreaths laid.")
    stored = EventPhoto.objects.get(event=event).archived_file
    assert archive.read_bytes(stored.sha256) == b"\xff\xd8 the square"
    assert stored.original_name == "crowd.jpg"


def test_an_outcome_report_with_a_negative_attendance_is_refused(chapter):
    event = make_event(chapter, days=-2)
    with pytest.raises(ValidationError):
        services.report_outcome(event, {"attendance": -5})
    event.refresh_from_db()
    assert event.attendance is None


def test_raising_the_capacity_gives_the_new_places_to_the_waiting_list(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    guests = [reply_and_confirm(event, n, mailoutbox) for n in range(3)]
    event.capacity = 2
    event.save()
    promoted = rsvps.promote_after_capacity_change(event, previous_capacity=1)
    assert promoted == [guests[1]]
    guests[2].refresh_from_db()
    assert guests[2].status == "waitlisted"


def test_an_edit_that_adds_no_place_promotes_no_one(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    waiting = [reply_and_confirm(event, n, mailoutbox) for n in range(2)][1]
    event.title = "Commemoration at the memorial"
    event.save()
    assert rsvps.promote_after_capacity_change(event, previous_capacity=1) == []
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_removing_the_capacity_lets_everyone_waiting_in(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    guests = [reply_and_confirm(event, n, mailoutbox) for n in range(3)]
    event.capacity = None
    event.save()
    assert rsvps.promote_after_capacity_change(event, previous_capacity=1) == guests[1:]


def test_a_consent_is_recorded_and_withdrawn(nightingale):
    consent = services.record_consent(
        nightingale, purpose=Consent.Purpose.PHOTOS, statement="Photos at the vigil."
    )
    assert consent.withdrawn_at is None and consent.given_at is not None
    services.withdraw_consent(consent)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_a_consent_for_no_known_purpose_is_refused(nightingale):
    with pytest.raises(ValidationError):
        services.record_consent(nightingale, purpose="everything", statement="All of it.")
    assert not nightingale.consents.exists()


def test_an_interaction_is_recorded_by_its_author_and_its_follow_up_marked_done(
    chapter, coordinator
):
    contact = Contact.objects.create(
        name="A member of parliament", kind=Contact.Kind.OFFICIAL, chapter=chapter
    )
    interaction = services.record_interaction(
        contact,
        {
            "date": datetime.date(2026, 2, 20),
            "channel": Interaction.Channel.MEETING,
            "summary": "Asked for a debate.",
            "follow_up_on": datetime.date(2026, 3, 1),
        },
        user=coordinator,
    )
    assert (interaction.contact, interaction.recorded_by) == (contact, coordinator)
    services.mark_follow_up_done(interaction)
    interaction.refresh_from_db()
    assert interaction.follow_up_done


def test_a_task_moves_between_its_statuses_and_refuses_any_other(chapter):
    task = Task.objects.create(title="Print leaflets", chapter=chapter)
    services.set_task_status(task, Task.Status.DONE)
    task.refresh_from_db()
    assert task.status == "done"
    with pytest.raises(ValidationError):
        services.set_task_status(task, "abandoned")
    task.refresh_from_db()
    assert task.status == "done"
