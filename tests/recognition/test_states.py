import pytest
from django.utils import translation

from vigil.recognition.actors import install_states
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_a_state_actor(states):
    import pycountry

    assert Actor.objects.filter(kind="state").count() == len(pycountry.countries)
    assert install_states() == 0


def test_state_names_are_translated_where_pycountry_has_them(states):
    germany = Actor.objects.get(kind="state", country_code="DEU")
    with translation.override("fr"):
        assert germany.display_name == "Allemagne"
    with translation.override("en"):
        assert germany.display_name == "Germany"
