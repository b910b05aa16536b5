import pytest
from django.urls import reverse

from tests.conftest import make_source
from tests.recognition.conftest import act, state

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
    data = alice_client.get(reverse("recognition:export_json", args=[case.slug])).json()
    assert data["recognitions"][0]["country"] == "PAK"


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
