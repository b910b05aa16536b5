import pytest

from tests.recognition.conftest import act, body, state
from vigil.recognition import services
from vigil.recognition.models import Characterisation
from vigil.recognition.worldmap import recognition_marks, world_map_svg

pytestmark = pytest.mark.django_db


def test_characterisations_rank_genocide_first_and_other_last():
    assert services.strongest(["tragedy", "massacre", "war_crime"]) == "war_crime"
    assert services.strongest(["other", "crime_against_humanity", "genocide"]) == "genocide"
    assert services.strongest(["other", "tragedy"]) == "tragedy"
    assert services.strongest([]) is None


def classes(case):
    return {
        code: (r.characterisation, r.verified)
        for code, r in services.country_recognitions(services.acts_for(case)).items()
    }


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
