"""One picker for a country and one for an actor, in every form that asks for either."""

import lxml.html
import pytest
from django import forms
from django.utils import translation

from vigil.campaigns.forms import ChapterForm, ContactForm, EventForm
from vigil.campaigns.models import Chapter
from vigil.dossier.case_forms import CaseForm
from vigil.pickers import CountryField, SearchableSelect
from vigil.recognition.forms import (
    ActorChoiceField,
    ActorForm,
    RecognitionActForm,
    TargetForm,
)
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db

PICKERS = [
    (CaseForm, "country_code", CountryField),
    (ChapterForm, "country_code", CountryField),
    (EventForm, "country_code", CountryField),
    (ContactForm, "country_code", CountryField),
    (ContactForm, "actor", ActorChoiceField),
    (ActorForm, "country_code", CountryField),
    (ActorForm, "parent", ActorChoiceField),
    (TargetForm, "actor", ActorChoiceField),
    (TargetForm, "new_body_country", CountryField),
    (RecognitionActForm, "actor", ActorChoiceField),
]


@pytest.mark.parametrize(("form", "name", "field"), PICKERS)
def test_every_form_picks_countries_and_actors_with_the_same_searchable_field(form, name, field):
    assert isinstance(form.base_fields[name], field)
    assert isinstance(form.base_fields[name].widget, SearchableSelect)


def labels(field) -> list[str]:
    return [label for value, label in field.choices if value != ""]


def test_every_country_is_offered_once_by_name_and_code_in_the_order_of_its_name():
    offered = labels(CountryField())
    assert len(offered) == len(set(offered)) == 249
    assert "Georgia (GEO)" in offered
    assert offered.index("Afghanistan (AFG)") < offered.index("Åland Islands (ALA)")
    assert offered.index("Åland Islands (ALA)") < offered.index("Albania (ALB)")


def test_country_names_follow_the_readers_language():
    with translation.override("de"):
        assert "Georgien (GEO)" in labels(CountryField())


def test_the_state_of_georgia_and_a_us_legislature_called_georgia_read_apart(states):
    Actor.objects.create(name="Georgia", kind=Actor.Kind.SUBNATIONAL, country_code="USA")
    offered = labels(ActorChoiceField())
    assert len(offered) == len(set(offered))
    georgia = offered.index("Georgia (GEO)")
    assert offered[georgia + 1] == "Georgia (USA) — subnational legislature"


def test_the_contact_form_asks_for_a_country_by_name_not_a_typed_code(administrator_client):
    page = lxml.html.fromstring(administrator_client.get("/campaign/contacts/new/").content)
    (country,) = page.xpath("//*[@name='country_code']")
    assert country.tag == "select"
    assert country.get("data-picker")
    georgia = country.xpath("option[@value='GEO']")[0]
    assert georgia.text_content() == "Georgia (GEO)"


def test_a_chapter_is_saved_with_the_country_picked(administrator_client):
    chapters = "/campaign/chapters/"
    administrator_client.post(
        chapters,
        {"name": "Tbilisi chapter", "city": "Tbilisi", "country_code": "GEO"}
        | {"original_language": "en"},  # the form's language select, as a browser sends it
    )
    assert Chapter.objects.get(name="Tbilisi chapter").country_code == "GEO"
    refused = administrator_client.post(
        chapters,
        {"name": "Nowhere chapter", "city": "Nowhere", "country_code": "XYZ"}
        | {"original_language": "en"},
    )
    assert "XYZ is not an ISO 3166-1 alpha-3 country code" in refused.content.decode()
    assert not Chapter.objects.filter(name="Nowhere chapter").exists()


def test_the_searchable_select_writes_the_same_select_as_django():
    choices = [("", "---------"), ("GEO", "Georgia & <co>"), ("PAK", "Pakistan")]
    attrs = {"id": "id_country", "required": True, "aria-describedby": "id_country_helptext"}
    ours = lxml.html.fragment_fromstring(
        SearchableSelect(choices=choices).render("c", "PAK", attrs)
    )
    django = lxml.html.fragment_fromstring(
        forms.Select(SearchableSelect().attrs, choices).render("c", "PAK", attrs)
    )
    assert dict(ours.attrib) == dict(django.attrib)
    assert [(o.get("value"), o.text, o.get("selected")) for o in ours.iter("option")] == [
        (o.get("value"), o.text, o.get("selected")) for o in django.iter("option")
    ]
    assert ours.xpath("//option[@selected]")[0].text == "Pakistan"


def test_a_task_s_event_target_and_assignee_are_picked_from_searchable_lists(administrator):
    from vigil.campaigns.forms import TaskForm

    form = TaskForm(user=administrator)
    for name in ("assignee", "chapter", "event", "target", "material"):
        assert isinstance(form.fields[name].widget, SearchableSelect), name
    chapter = Chapter.objects.create(name="Lyon", city="Lyon", country_code="FRA")
    page = lxml.html.fromstring(str(TaskForm(user=administrator)["chapter"]))
    assert page.get("data-picker")
    assert [o.text for o in page.findall("option")] == ["---------", str(chapter)]
