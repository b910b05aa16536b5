import json

import pytest
from django.urls import reverse

from tests.conftest import body, make_source
from tests.recognition.conftest import act, state
from vigil.cases.models import Case

pytestmark = pytest.mark.django_db


def test_the_overview_shows_the_map_legend_timeline_and_unsourced_acts(alice_client, case, states):
    source = make_source(case, text="resolution text", title="Senate resolution")
    act(case, state("PAK"), sources=[source])
    act(case, state("MEX"), "massacre")
    page = alice_client.get(reverse("recognition:overview", args=[case.slug])).content.decode()
    assert 'data-iso="PAK"' in page and "cls-genocide" in page
    assert "genocide (1)" in page and "massacre (1)" in page
    unsourced = page[page.index("Unsourced acts") : page.index("All acts")]
    assert "Mexico" in unsourced and "Pakistan" not in unsourced
    assert "<svg viewBox" in page and "cumulative" in page
    assert "vigil/worldmap.js" in page


def test_recording_an_act_from_the_form(alice_client, case, states):
    source = make_source(case, text="resolution text", title="Senate resolution")
    response = alice_client.post(
        reverse("recognition:act_add", args=[case.slug]),
        {
            "actor": state("PAK").pk,
            "when": "2012-02",
            "instrument": "resolution",
            "characterisation": "genocide",
            "wording": "the genocide",
            "status": "adopted",
            "review": "verified",
            "sources": [source.pk],
        },
    )
    recorded = case.recognition_acts.get()
    assert response.url == recorded.get_absolute_url()
    assert recorded.date_iso == "2012-02"
    assert list(recorded.sources.all()) == [source]


def test_an_unknown_characterisation_is_refused_by_the_form(alice_client, case, states):
    response = alice_client.post(
        reverse("recognition:act_add", args=[case.slug]),
        {
            "actor": state("PAK").pk,
            "instrument": "resolution",
            "characterisation": "atrocity",
            "wording": "x",
            "status": "adopted",
            "review": "verified",
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert not case.recognition_acts.exists()


def test_the_export_json_lists_every_act(alice_client, case, states):
    act(case, state("PAK"))
    response = alice_client.get(reverse("recognition:export_json", args=[case.slug]))
    data = json.loads(body(response))
    assert data["case"] == case.slug
    assert data["recognitions"][0]["country"] == "PAK"
    assert len(data["recognitions"]) == 1


def test_users_add_bodies_but_not_states(alice_client, states):
    response = alice_client.post(
        reverse("actors"), {"name": "Bundestag", "kind": "parliament", "country_code": "deu"}
    )
    assert response.status_code == 302
    response = alice_client.post(
        reverse("actors"), {"name": "Atlantis", "kind": "state", "country_code": "XXX"}
    )
    page = response.content.decode()
    assert "not an ISO 3166-1 alpha-3 country code" in page and "States are preloaded" in page


def test_the_overview_pages_its_acts(alice_client, case, states):
    from vigil.paging import PAGE_SIZE
    from vigil.recognition.models import Actor

    countries = Actor.objects.filter(kind="state").order_by("country_code")[: PAGE_SIZE + 2]
    for actor in countries:
        act(case, actor)
    url = reverse("recognition:overview", args=[case.slug])
    first = alice_client.get(url)
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert f"{PAGE_SIZE + 2} states have adopted" in first.content.decode()
    assert len(alice_client.get(url, {"page": 2}).context["page"].object_list) == 2


def test_the_timeline_counted_by_the_database_matches_the_acts(case, states):
    import datetime

    from vigil.recognition import timeline
    from vigil.recognition.models import RecognitionAct

    act(case, state("FRA"), "tragedy", date=datetime.date(2010, 1, 1))
    act(case, state("PAK"), "genocide", date=datetime.date(2012, 2, 1))
    act(case, state("MEX"), "massacre", date=datetime.date(2012, 3, 1))
    act(case, state("ITA"), "massacre", date=None)
    act(case, state("ESP"), "massacre", status="tabled")
    acts = RecognitionAct.objects.filter(case=case)
    assert timeline.counts_per_year(acts) == timeline.acts_per_year(list(acts))
    assert timeline.counts_per_year(acts)["undated"] == 1


def act_fields(**changes):
    fields = {
        "actor": state("PAK").pk,
        "instrument": "resolution",
        "characterisation": "genocide",
        "wording": "the genocide",
        "status": "adopted",
        "review": "verified",
    }
    return {**fields, **changes}


def test_the_act_form_names_only_the_chosen_sources(alice_client, case, states):
    chosen = make_source(case, text="a", title="Senate resolution")
    make_source(case, text="b", title="An unrelated press report")
    recorded = act(case, state("PAK"), sources=[chosen])
    page = alice_client.get(reverse("recognition:act_edit", args=[case.slug, recorded.pk]))
    text = page.content.decode()
    assert "Senate resolution" in text
    assert "An unrelated press report" not in text
    assert f'value="{chosen.pk}"' in text


def test_sources_typed_as_numbers_are_recorded_with_the_act(alice_client, case, states):
    first = make_source(case, text="a", title="Senate resolution")
    second = make_source(case, text="b", title="Committee report")
    alice_client.post(
        reverse("recognition:act_add", args=[case.slug]),
        act_fields(sources=f" {first.pk},{second.pk} "),
    )
    assert set(case.recognition_acts.get().sources.all()) == {first, second}


def test_a_source_number_that_is_not_a_number_is_refused_clearly(alice_client, case, states):
    response = alice_client.post(
        reverse("recognition:act_add", args=[case.slug]), act_fields(sources="12, twelve")
    )
    assert "“twelve” is not a source number." in response.content.decode()
    assert not case.recognition_acts.exists()


def test_a_source_of_another_case_is_refused(alice_client, case, states):
    other = Case.objects.create(slug="other", title="Other case", place="Elsewhere")
    elsewhere = make_source(other, text="x", title="Report elsewhere")
    response = alice_client.post(
        reverse("recognition:act_add", args=[case.slug]), act_fields(sources=str(elsewhere.pk))
    )
    assert f"No source numbered {elsewhere.pk} in this case" in response.content.decode()
    assert not case.recognition_acts.exists()


def test_the_act_form_takes_sources_as_a_list_of_numbers_as_the_api_sends_them(case, states):
    from vigil.recognition.forms import RecognitionActForm

    first = make_source(case, text="a", title="Senate resolution")
    second = make_source(case, text="b", title="Committee report")
    form = RecognitionActForm(
        act_fields(sources=[first.pk, second.pk]), case=case, sources_queryset=case.sources.all()
    )
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["sources"]) == {first, second}


def test_the_act_form_sends_a_missing_actor_to_the_actors_page_in_one_sentence(alice_client, case):
    page = alice_client.get(reverse("recognition:act_add", args=[case.slug])).content.decode()
    link = f'<a href="{reverse("actors")}">actors page</a>'
    assert f"organisations are added on the {link}.</p>" in page
