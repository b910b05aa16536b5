import pytest

from vigil.law.models import Crime, Element, Instrument, Provision
from vigil.law.reference import install_reference_data

pytestmark = pytest.mark.django_db


def test_the_instruments_and_provisions_the_campaigns_cite_are_installed(law):
    assert set(Instrument.objects.values_list("short_title", flat=True)) == {
        "Genocide Convention",
        "Rome Statute",
        "Elements of Crimes",
        "UDHR",
    }
    articles = set(Provision.objects.values_list("code", flat=True))
    for code in [
        "GC-II-a",
        "GC-II-e",
        "GC-III-a",
        "GC-III-e",
        "RS-6-a",
        "RS-6-e",
        "RS-7-1-a",
        "RS-7-1-b",
        "RS-7-1-e",
        "RS-7-1-h",
        "RS-7-1-i",
        "RS-8-2-a-i",
        "RS-8-2-a-viii",
        "RS-8-2-b-i",
        "RS-8-2-c-i",
        "RS-8-2-c-iii",
        "RS-8-2-e-i",
        "UDHR-2",
        "UDHR-3",
        "UDHR-5",
        "UDHR-9",
        "UDHR-17",
    ]:
        assert code in articles, code
    assert all(i.url.startswith("https://") for i in Instrument.objects.all())


def test_every_genocide_crime_has_the_specific_intent_element(law):
    for crime in Crime.objects.filter(category="genocide"):
        texts = [e.text for e in crime.elements.filter(kind="intent")]
        assert any("intended to destroy" in t and "in whole or in part" in t for t in texts), crime


def test_every_rome_statute_crime_has_its_contextual_element(law):
    for crime in Crime.objects.filter(code__startswith="RS-"):
        assert crime.elements.filter(kind="contextual").exists(), crime.code


def test_installing_again_changes_nothing(law):
    before = Element.objects.count()
    install_reference_data()
    assert Element.objects.count() == before
