"""Forms offer only what the person may see or use, by the same rules as the pages; values a
person may not see are left as they are when they save."""

import inspect

import pytest
from django import forms
from django.urls import reverse

from tests.campaigns.conftest import make_event
from tests.conftest import signed_in
from tests.personas import give_role
from vigil.accounts.scoping import ScopedModelForm
from vigil.campaigns import forms as campaign_forms
from vigil.campaigns.forms import (
    ChapterForm,
    ContactForm,
    EventForm,
    MaterialForm,
    MemberForm,
    TaskForm,
)
from vigil.cases.models import Case
from vigil.recognition import services as recognition_services
from vigil.recognition.forms import TargetEditForm, TargetForm
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_case(db):
    """A case the campaign's people have no role in: it answers 404 for them."""
    return Case.objects.create(slug="hidden-case", title="Hidden case title")


@pytest.fixture
def stranger(django_user_model, other_chapter):
    """A volunteer of another chapter, whom a coordinator of this one must not be offered."""
    user = django_user_model.objects.create_user("stranger", password="pw-stranger-1")
    other_chapter.volunteers.add(user)
    return user


def offered(form, field) -> set:
    return set(form.fields[field].queryset)


def test_every_campaign_form_with_model_choices_is_scoped():
    for _name, form_class in inspect.getmembers(campaign_forms, inspect.isclass):
        if not issubclass(form_class, forms.ModelForm) or form_class is ScopedModelForm:
            continue
        fields = form_class.base_fields.values()
        if any(isinstance(field, forms.ModelChoiceField) for field in fields):
            assert issubclass(form_class, ScopedModelForm), form_class
    assert issubclass(TargetForm, ScopedModelForm) and issubclass(TargetEditForm, ScopedModelForm)


def test_a_volunteers_materials_page_names_no_case_that_answers_404(volunteer, case, hidden_case):
    give_role(volunteer, case, "viewer")
    form = MaterialForm(user=volunteer)
    assert offered(form, "case") == {case}
    html = signed_in(volunteer, second_factor=False).get(reverse("campaigns:materials")).content
    assert b"Hidden case title" not in html


def test_a_coordinators_task_form_offers_only_their_chapters_cases_and_people(
    coordinator, chapter, other_chapter, case, hidden_case, stranger, volunteer, states
):
    give_role(coordinator, case, "viewer")
    own = recognition_services.create_target(case, actor=Actor.objects.get(country_code="FRA"))
    recognition_services.create_target(hidden_case, actor=Actor.objects.get(country_code="DEU"))
    form = TaskForm(user=coordinator)
    assert offered(form, "chapter") == {chapter}
    assert offered(form, "target") == {own}
    assert offered(form, "assignee") == {coordinator, volunteer}
    assert stranger not in offered(form, "assignee")


def test_a_coordinators_task_post_for_another_chapter_is_refused(coordinator_client, other_chapter):
    response = coordinator_client.post(
        reverse("campaigns:tasks"),
        {"title": "Theirs", "chapter": other_chapter.pk, "status": "open"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not other_chapter.tasks.exists()


def test_event_contact_and_member_forms_offer_only_the_coordinators_chapters(
    coordinator, chapter, other_chapter, case, hidden_case, stranger
):
    give_role(coordinator, case, "viewer")
    event_form = EventForm(user=coordinator)
    assert offered(event_form, "chapter") == {chapter}
    assert offered(event_form, "case") == {case}
    assert offered(ContactForm(user=coordinator), "chapter") == {chapter}
    member_form = MemberForm(user=coordinator)
    assert offered(member_form, "chapters") == {chapter}
    assert stranger not in offered(member_form, "user")


def test_an_administrator_is_offered_everything(administrator, chapter, other_chapter, hidden_case):
    form = EventForm(user=administrator)
    assert offered(form, "chapter") == {chapter, other_chapter}
    assert hidden_case in offered(form, "case")


def test_editing_a_member_keeps_the_chapters_the_coordinator_does_not_run(
    coordinator_client, nightingale, chapter, other_chapter
):
    nightingale.chapters.add(other_chapter)
    response = coordinator_client.post(
        reverse("campaigns:member_edit", args=[nightingale.pk]),
        {"display_name": "Nightingale", "is_pseudonymous": "on", "chapters": [chapter.pk]},
    )
    assert response.status_code == 302
    assert set(nightingale.chapters.all()) == {chapter, other_chapter}


def test_editing_a_chapter_keeps_the_cases_the_coordinator_cannot_see(
    coordinator_client, chapter, hidden_case
):
    chapter.cases.add(hidden_case)
    page = coordinator_client.get(reverse("campaigns:chapter_edit", args=[chapter.pk]))
    assert b"Hidden case title" not in page.content
    coordinator_client.post(
        reverse("campaigns:chapter_edit", args=[chapter.pk]),
        {"name": chapter.name, "city": "Berlin", "country_code": "DEU"},
    )
    assert set(chapter.cases.all()) == {hidden_case}


def test_editing_an_event_keeps_a_case_the_coordinator_cannot_see(
    coordinator, chapter, hidden_case
):
    event = make_event(chapter, case=hidden_case)
    form = EventForm(instance=event, user=coordinator)
    assert "case" not in form.fields
    assert ChapterForm(instance=chapter, user=coordinator).fields["cases"].queryset.count() == 0


def test_a_researchers_target_form_offers_only_their_cases_people_and_no_chapter(
    alice, django_user_model, case, chapter, coordinator, states
):
    colleague = django_user_model.objects.create_user("cora", password="pw-cora-12345")
    give_role(colleague, case, "viewer")
    form = TargetForm(user=alice)
    assert offered(form, "owner") == {alice, colleague}
    assert coordinator not in offered(form, "owner")
    assert offered(form, "chapter") == set()
    target = recognition_services.create_target(
        case, actor=Actor.objects.get(country_code="FRA"), chapter=chapter
    )
    edit = TargetEditForm(instance=target, user=alice)
    assert "chapter" not in edit.fields  # kept as it is: alice may not see the chapter
