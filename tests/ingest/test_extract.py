"""Each extractor on constructed sentences, with the negatives that must not be taken."""

import pytest

from vigil.ingest.extract import dates, entities, extract_all, figures, legal


def values(found, key="value"):
    return [c.data[key] for c in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It happened on 26 February 1992.", ["1992-02-26"]),
        ("It happened on February 26, 1992.", ["1992-02-26"]),
        ("It happened on the 26th of February, 1992.", ["1992-02-26"]),
        ("on the night of 25 to 26 February 1992", ["1992-02-25", "1992-02-26"]),
        ("On the night of February 25-26, 1992", ["1992-02-25", "1992-02-26"]),
        ("in February 1992 the town was besieged", ["1992-02"]),
        ("resolutions adopted in 1993", ["1993"]),
        ("dated 1992-02-26 in the archive", ["1992-02-26"]),
        ("signed 26.02.1992", ["1992-02-26"]),
        ("from 7 April to 15 July 1994", ["1994-04-07", "1994-07-15"]),
        ("from February to April 1993", ["1993-02", "1993-04"]),
        ("between 1992 and 1994", ["1992", "1994"]),
        ("to mark the 1995 massacre", ["1995"]),
        ("February, 1992", ["1992-02"]),
        ("le 26 février 1992", ["1992-02-26"]),
        ("am 11. Juli 1995", ["1995-07-11"]),
        # No such day: only the month the text names is kept.
        ("It happened on 30 February 1992.", ["1992-02"]),
    ],
)
def test_dates_in_common_forms(sentence, expected):
    assert values(dates.find(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "See page 1993 of the record.",
        "Article 1992 of the code",
        "1500 people were killed",
        "up to 2000 people fled",
        "call 1992 3344",
        "the 1500 people who fled",
    ],
)
def test_things_that_are_not_dates(sentence):
    assert dates.find(sentence) == []


def figure(found):
    return [(c.data["category"], c.data["low"], c.data["high"]) for c in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("613 residents of Khojaly were mercilessly killed", [("killed", 613, 613)]),
        ("A report put the number of deaths at least 161.", [("killed", 161, None)]),
        ("more than 600 civilians died", [("killed", 600, None)]),
        ("hundreds of civilians were killed", [("killed", 100, None)]),
        ("between 200 and 300 people were injured", [("wounded", 200, 300)]),
        ("as many as 500-1,000 may have died", [("killed", 500, 1000)]),
        ("six hundred people were taken hostage", [("hostage", 600, 600)]),
        ("1,275 civilians were taken hostage", [("hostage", 1275, 1275)]),
        ("Around 150 people are still missing", [("missing", 150, 150)]),
        ("some 20,000 residents were expelled", [("displaced", 20000, 20000)]),
        ("487 were disabled", [("wounded", 487, 487)]),
        ("the army killed 8,000 men and boys", [("killed", 8000, 8000)]),
        ("up to 300 were captured", [("hostage", None, 300)]),
        ("the massacre of 8,000 men", [("killed", 8000, 8000)]),
        ("over a quarter of a million people are buried", [("killed", 250000, None)]),
        ("half a million refugees", [("displaced", 500000, 500000)]),
        ("the blast killed 12, wounding 50 others", [("killed", 12, 12), ("wounded", 50, 50)]),
        ("more than 2000 people were killed", [("killed", 2000, None)]),
        ("killed and wounded 300 people", [("killed", 300, 300), ("wounded", 300, 300)]),
        (
            "613 civilians, including 106 women, were killed",
            [("killed", 613, 613), ("killed", 106, 106)],
        ),
    ],
)
def test_figures_with_their_category_value_and_hedges(sentence, expected):
    assert figure(figures.find(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Call +49 30 1234567 if you were injured.",
        "Article 6 on killing members of the group",
        "In 1993 many were killed.",
        "The fund paid $500 to families of the dead.",
        "50% of the town was destroyed and people killed",
        "A 12-year-old boy was killed",
        "Resolution 822 condemned the killings",
    ],
)
def test_numbers_that_are_not_casualty_figures(sentence):
    assert figure(extract_all_figures(sentence)) == []


def extract_all_figures(sentence):
    return [c for c in extract_all(sentence) if c.kind == "figure"]


def refs(found):
    return [(c.data["instrument"], c.data["article"]) for c in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("under article 6 of the Rome Statute", [("Rome Statute", "6")]),
        ("Art. II(c) of the Genocide Convention", [("Genocide Convention", "II(c)")]),
        (
            "articles 2, 3, 5, 9 and 17 of the Universal Declaration of Human Rights",
            [("UDHR", a) for a in ["2", "3", "5", "9", "17"]],
        ),
        ("Security Council resolution 822 (1993)", [("UNSC Resolution", "822")]),
        (
            "UNSC resolutions 822, 853, 874, and 884",
            [("UNSC Resolution", n) for n in ["822", "853", "874", "884"]],
        ),
        ("the Rome Statute, article 7(1)(a)", [("Rome Statute", "7(1)(a)")]),
        ("Article 3 of the European Convention on Human Rights", [("ECHR", "3")]),
        ("article 147 of the Fourth Geneva Convention", [("Geneva Convention IV", "147")]),
        ("resolution 827 (1993) of the Security Council", [("UNSC Resolution", "827")]),
        ("see S/RES/822 (1993)", [("UNSC Resolution", "822")]),
        ("UNSCR 1325 (2000)", [("UNSC Resolution", "1325")]),
        (
            "Article II of the 1948 Convention on the Prevention and Punishment of the Crime of "
            "Genocide",
            [("Genocide Convention", "II")],
        ),
        ("the Rome Statute (Article 7)", [("Rome Statute", "7")]),
    ],
)
def test_legal_references_normalised(sentence, expected):
    assert refs(legal.find(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Article 6 of the Criminal Code of Azerbaijan",
        "under Article 6 the court may",
        "the Genocide Convention was adopted",
    ],
)
def test_articles_without_an_international_instrument_are_not_references(sentence):
    assert legal.find(sentence) == []


def test_countries_by_name_not_by_adjective():
    found = entities.find("Armenian forces entered Azerbaijan; Pakistan and the USA spoke.")
    assert sorted(c.data["code"] for c in found if c.kind == "country") == ["AZE", "PAK", "USA"]


def test_organisations_by_any_of_their_names_and_a_user_gazetteer():
    text = "The Organization of Islamic Cooperation and the ICC; also Friends of Khojaly."
    names = {c.data["name"] for c in entities.find(text) if c.kind == "organization"}
    assert names == {"Organisation of Islamic Cooperation", "International Criminal Court"}
    extended = {**entities.DEFAULT_GAZETTEER, "Friends of Khojaly": []}
    names = {c.data["name"] for c in entities.find(text, extended) if c.kind == "organization"}
    assert "Friends of Khojaly" in names


def test_a_memorial_is_not_the_memorial_human_rights_centre():
    found = entities.find("A memorial service was held at the Kigali Genocide Memorial.")
    assert found == []


def test_every_candidate_carries_its_exact_span():
    text = "On 26 February 1992, 613 residents were killed, per article 6 of the Rome Statute."
    for candidate in extract_all(text):
        assert text[candidate.start : candidate.end] == candidate.text
