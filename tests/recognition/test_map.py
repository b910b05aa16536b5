import re

import pytest
from django.urls import reverse

from tests.recognition.conftest import act, body, state
from vigil.recognition import services
from vigil.recognition.models import Characterisation, RecognitionAct
from vigil.recognition.worldmap import (
    COLOURS,
    PRINT_TOLERANCE,
    countries,
    printable_world_map_svg,
    printed_outlines,
    recognition_marks,
    shapes_version,
    world_map_svg,
)

pytestmark = pytest.mark.django_db


def test_characterisations_rank_genocide_first_and_other_last():
    assert services.strongest(["tragedy", "massacre", "war_crime"]) == "war_crime"
    assert services.strongest(["other", "crime_against_humanity", "genocide"]) == "genocide"
    assert services.strongest(["other", "tragedy"]) == "tragedy"
    assert services.strongest([]) is None


def classes(case):
    """Each coloured state's word and whether it is verified, by the rule over loaded acts; the
    database's aggregate (what the pages use) must agree with it in every test below."""
    by_rule = {
        code: (r.characterisation, r.verified)
        for code, r in services.country_recognitions(services.acts_for(case)).items()
    }
    by_database = {
        code: (r.characterisation, r.verified)
        for code, r in services.country_summaries(RecognitionAct.objects.filter(case=case)).items()
    }
    assert by_database == by_rule
    return by_rule


def test_a_state_takes_the_strongest_word_of_any_of_its_bodies(case, states):
    act(case, state("FRA"), "tragedy")
    act(case, body("Senate of France", "chamber", "FRA"), "massacre")
    act(case, body("Foreign Affairs Committee", "committee", "FRA"), "crime_against_humanity")
    assert classes(case) == {"FRA": ("crime_against_humanity", True)}


def test_acts_not_adopted_do_not_colour_a_state(case, states):
    act(case, state("DEU"), "genocide", status="tabled")
    act(case, state("DEU"), "tragedy", status="adopted")
    act(case, state("ITA"), "genocide", status="rejected")
    assert classes(case) == {"DEU": ("tragedy", True)}


def test_subnational_and_international_acts_are_listed_beside_not_coloured(case, states):
    act(case, body("Texas", "subnational", "USA"))
    act(case, body("Organisation of Islamic Cooperation", "organisation"))
    assert classes(case) == {}


def test_an_unverified_strongest_act_is_marked_unverified(case, states):
    act(case, state("PER"), "genocide", review="unverified")
    act(case, state("PER"), "massacre", review="verified")
    assert classes(case) == {"PER": ("genocide", False)}


def test_the_map_classes_each_country_and_escapes_names(case, states):
    act(case, state("PAK"), "genocide")
    act(case, state("MEX"), "massacre", review="unverified")
    recognitions = services.country_recognitions(services.acts_for(case))
    labels = dict(Characterisation.choices)
    svg = str(world_map_svg(recognition_marks(recognitions, labels), "Map <of> recognition"))
    assert 'class="pk country recognised cls-genocide" data-iso="PAK"' in svg
    assert 'class="mx country recognised cls-massacre unverified" data-iso="MEX"' in svg
    assert "<title>Pakistan: genocide</title>" in svg
    assert 'class="fr country" data-iso="FRA"' in svg
    assert 'aria-label="Map &lt;of&gt; recognition"' in svg
    assert "<metadata>" not in svg


def pakistan_marked(case):
    act(case, state("PAK"), "genocide")
    recognitions = services.country_recognitions(services.acts_for(case))
    return recognition_marks(recognitions, dict(Characterisation.choices))


def test_a_page_s_map_draws_the_cached_shapes_instead_of_carrying_them(case, states):
    svg = str(world_map_svg(pakistan_marked(case), "Recognition"))
    shapes = reverse("worldmap_shapes", args=[shapes_version()])
    assert f'<use href="{shapes}#PAK" class="pk country recognised cls-genocide"' in svg
    assert svg.count("<use ") == len(countries()[1])
    assert "<path" not in svg
    assert len(svg.encode()) < 60_000  # a page's share of the map; the shapes are 250 KB


def test_the_shapes_are_one_file_cached_for_good_under_their_version(client, case, states):
    url = reverse("worldmap_shapes", args=[shapes_version()])
    response = client.get(url)  # signed out: the public site shows the map too
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "immutable" in response["Cache-Control"]
    shapes = b"".join(response)
    for country in countries()[1]:
        assert f'id="{country.shape_id}"'.encode() in shapes
    assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_the_printed_map_carries_its_shapes_and_colours_inline(case, states):
    svg = str(printable_world_map_svg(pakistan_marked(case), "Recognition", blank_fill="#eeeeee"))
    pakistan = svg[svg.index('data-iso="PAK"') :]
    assert pakistan.index(f'fill="{COLOURS["genocide"]}"') < pakistan.index(' d="M')
    assert 'class="fr country" data-iso="FRA" fill="#eeeeee"' in svg
    assert "<use" not in svg
    assert svg.count("<path ") == len(countries()[1])  # every country, once


def test_the_printed_outlines_are_thinned_within_a_printer_dot_of_the_shapes(db):
    printed = printed_outlines()
    assert sum(o.count(",") for o in printed.values()) < 0.8 * sum(
        c.outline.count(",") for c in countries()[1]
    )
    for country in countries()[1]:
        shape, thinned = bounds(country.outline), bounds(printed[country.alpha2])
        assert all(abs(a - b) <= PRINT_TOLERANCE + 0.5 for a, b in zip(shape, thinned, strict=True))


def bounds(outline: str) -> tuple[float, float, float, float]:
    points = [
        tuple(float(n) for n in pair.split(","))
        for pair in re.findall(r"-?[\d.]+,-?[\d.]+", outline)
    ]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_shapes_drawn_with_a_transform_stay_in_place(db):
    # Western Sahara's and the Aland Islands' shapes are moved by transforms in the source file.
    outlines = {c.code: c.outline for c in countries()[1]}
    for moved, neighbour in (("ESH", "MAR"), ("ALA", "FIN")):
        x0, y0, x1, y1 = bounds(outlines[moved])
        nx0, ny0, nx1, ny1 = bounds(outlines[neighbour])
        assert x0 < nx1 + 30 and nx0 < x1 + 30 and y0 < ny1 + 30 and ny0 < y1 + 30


def test_territories_drawn_as_a_dot_keep_a_shape(db):
    outlines = {c.code: c.outline for c in countries()[1]}
    assert outlines["BVT"] and outlines["CCK"]


def test_the_map_json_gives_every_state_s_word_and_one_state_s_acts_on_request(
    alice_client, case, states
):
    act(case, state("FRA"), "tragedy")
    act(case, body("Senate of France", "chamber", "FRA"), "massacre", review="unverified")
    act(case, state("PAK"), "genocide")
    url = reverse("recognition:map_json", args=[case.slug])
    summary = alice_client.get(url).json()
    assert set(summary) == {"FRA", "PAK"}
    assert summary["FRA"]["verified"] is False and "acts" not in summary["FRA"]
    france = alice_client.get(url, {"country": "fra"}).json()
    assert france["country"] == "France"
    assert sorted(a["actor"] for a in france["acts"]) == ["France", "Senate of France"]
    assert alice_client.get(url, {"country": "XYZ"}).json()["acts"] == []
