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


# Forms met in the real texts of the development set (encyclopaedias, judgments, press).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day named without its year takes the year of the nearest date that has one.
        (
            "On the night of February 25-26 the town fell. An inquiry began in March 1992.",
            ["1992-02-25", "1992-02-26", "1992-03"],
        ),
        ("In 2021 the embassy met on 26 February.", ["2021", "2021-02-26"]),
        ("in the winter of 1991-92", ["1991", "1992"]),
        ("the 1992–1995 war", ["1992", "1995"]),
        ("Since at least 1990, a unit was deployed.", ["1990"]),
        ("Three years before the 1995 Srebrenica Genocide", ["1995"]),
    ],
)
def test_dates_as_real_texts_write_them(text, expected):
    assert sorted(values(dates.find(text))) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "The court may 5 times reconsider.",  # "may" the verb
        "It met on 26 February.",  # a day with no year anywhere in the text
        "Case No. IT-98-33-A",
        "Case 002/02 was heard",
    ],
)
def test_no_date_without_a_year_to_give_it(text):
    assert dates.find(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Deaths 161+ or 200+ (Human Rights Watch)",
            [("killed", 161, None), ("killed", 200, None)],
        ),
        ("they systematically killed 8,000+ men and boys", [("killed", 8000, None)]),
        (
            "The death toll claimed by the authorities is 613 civilians, including 106 women "
            "and 63 children.",
            [("killed", 613, 613), ("killed", 106, 106), ("killed", 63, 63)],
        ),
        (
            "the expulsion of some 400,000 Rohingya in three weeks (now more than 500,000), "
            "the mission said",
            [("displaced", 400000, 400000), ("displaced", 500000, None)],
        ),
        (
            "as many as 200,000—and possibly as many as 400,000 people—have been murdered",
            [("killed", None, 200000), ("killed", None, 400000)],
        ),
        ("More than two million victims have been displaced", [("displaced", 2000000, None)]),
        ("responsible for decimating 1.7-2 million Cambodians", [("killed", 1700000, 2000000)]),
        (
            "between 500 and 1 million people were displaced",
            [("displaced", 500, 1000000)],
        ),
        (
            "forcing tens of thousands of them to flee, and capturing thousands of girls",
            [("displaced", 10000, None), ("hostage", 1000, None)],
        ),
        ("some 3,200 women and children were being held by the group", [("hostage", 3200, 3200)]),
        (
            "crimes have driven more than one million people from their homes",
            [("displaced", 1000000, None)],
        ),
    ],
)
def test_figures_as_real_texts_write_them(sentence, expected):
    assert figure(extract_all_figures(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "the killing[3] of civilians[1] from the town.[2]",  # citation marks
        "documented.1 Bosnian women were removed from the enclave,2 and",  # footnote marks
        "men and boys over 12 were separated, and those who refused were killed",
        "girls, some as young as nine, were killed",
        "a quarter of Sudan's population of 47 million has fled",
        "even though 400 armed Dutch peacekeepers were present, the massacre went on",
        "No one shall be held in slavery or servitude.",
        "with 100 abstentions, the Assembly reaffirmed the right of the displaced",
    ],
)
def test_numbers_in_real_texts_that_are_not_casualty_figures(sentence):
    assert figure(extract_all_figures(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "UN Security Council Resolutions 822 of April 30, 1993, 853 of July 29, 1993, and "
            "884 of November 12, 1993",
            [("UNSC Resolution", n) for n in ["822", "853", "884"]],
        ),
        (
            "which the United Nations Security\n Council designated a safe area in Resolution 819",
            [("UNSC Resolution", "819")],
        ),
        (
            "referred by the UN Security Council in its resolution 1593 of 31 March 2005",
            [("UNSC Resolution", "1593")],
        ),
        (
            "under Article 25(3)(a) of the Rome Statute: murder [Article 7(1)(a)]; torture "
            "[Article 7(1)(f )]; genocide by killing (Article 6-a)",
            [("Rome Statute", a) for a in ["25(3)(a)", "7(1)(a)", "7(1)(f)", "6(a)"]],
        ),
        (
            "Article IX of the Convention on the Prevention and Punishment of the Crime "
            "of\nGenocide",
            [("Genocide Convention", "IX")],
        ),
    ],
)
def test_legal_references_as_real_texts_write_them(sentence, expected):
    assert refs(legal.find(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Security Council met. The General Assembly then adopted resolution 68",
        # An article after an instrument, but of another law.
        "the Rome Statute applies; Article 6 of the Criminal Code of Azerbaijan does too",
    ],
)
def test_resolutions_and_articles_that_are_not_references(sentence):
    assert legal.find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Issue #18's labelling: every numbered resolution of the General Assembly counts …
        (
            "the General Assembly adopted resolution 62/243 by a recorded vote",
            [("UNGA Resolution", "62/243")],
        ),
        (
            "Recalling A/RES/78/282 and S/RES/884 (1993)",
            [("UNGA Resolution", "78/282"), ("UNSC Resolution", "884")],
        ),
        # … and an article belongs to the instrument named before it, however far back.
        (
            "the Rome Statute. " + "Nothing more is said here. " * 20 + "Article 6 applies.",
            [("Rome Statute", "6")],
        ),
        (
            "Article 1 of Protocol No. 1 to the Convention",
            [("ECHR Protocol 1", "1")],
        ),
    ],
)
def test_assembly_resolutions_protocols_and_far_articles_are_references(sentence, expected):
    assert refs(legal.find(sentence)) == expected


def test_dates_inside_a_resolution_citation_stay_dates_but_its_year_does_not():
    found = extract_all("Security Council resolutions 822 of April 30, 1993 and 853 (1993)")
    assert values([c for c in found if c.kind == "date"]) == ["1993-04-30"]


def test_entity_names_broken_across_lines_capitalised_or_in_compounds():
    text = (
        "ICJ RULES SERBIA GUILTY. The United Nations\n\t Security Council and the "
        "United Nations-designated safe area; Mr. Smith of New\n Jersey; the International "
        "Tribunal for the Prosecution of Persons Responsible for Serious Violations of "
        "International Humanitarian Law Committed in the Territory of the Former Yugoslavia"
    )
    found = entities.find(text)
    assert {c.data["code"] for c in found if c.kind == "country"} == {"SRB"}
    assert {c.data["name"] for c in found if c.kind == "organization"} == {
        "International Court of Justice",
        "UN Security Council",
        "United Nations",
        "International Criminal Tribunal for the former Yugoslavia",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "under Article 34 of the Convention for the Protection of Human Rights and Fundamental "
            "Freedoms (“the Convention”) … a violation of Articles 2 and 13 of the Convention",
            [("ECHR", "34"), ("ECHR", "2"), ("ECHR", "13")],
        ),
        ("The ICTY found that Article 4 of the Statute applies", [("ICTY Statute", "4")]),
        (
            "the objectives of the United Nations (as enshrined in Article 1 of the Charter)",
            [("UN Charter", "1")],
        ),
    ],
)
def test_an_instrument_called_by_its_kind_after_the_text_has_named_it(text, expected):
    assert refs(legal.find(text)) == expected


def test_a_short_name_with_nothing_named_before_is_not_a_reference():
    assert legal.find("a violation of Article 3 of the Convention was alleged") == []


def test_a_year_alone_in_brackets_is_a_date():
    assert values(dates.find("Isayeva v. Russia, App. No. 57950 (2005)")) == ["2005"]


def test_every_part_of_a_figure_counts_what_it_counts():
    sentence = (
        "613 civilians perished, including 106 women and 63 children. 1,275 were taken hostage"
    )
    assert figure(extract_all_figures(sentence)) == [
        ("killed", 613, 613),
        ("killed", 106, 106),
        ("killed", 63, 63),
        ("hostage", 1275, 1275),
    ]


def test_organisations_named_only_in_context():
    found = entities.find("a lawyer of Memorial, a Russian human rights NGO based in Moscow")
    assert [c.data["name"] for c in found if c.kind == "organization"] == [
        "Memorial Human Rights Centre"
    ]
    text = "The Parliamentary Assembly recalls that members of the Council of Europe must comply."
    names = {c.data["name"] for c in entities.find(text) if c.kind == "organization"}
    assert names == {"Parliamentary Assembly of the Council of Europe", "Council of Europe"}
    assert entities.find("The Parliamentary Assembly met.") == []


def test_an_infobox_flattened_to_text_keeps_its_figures_and_dates():
    text = "Date16 March 1988\nTargetKurds\nDeaths3,200–5,000\nInjured7,000–10,000\nPerpetrator"
    assert figure(extract_all_figures(text)) == [("killed", 3200, 5000), ("wounded", 7000, 10000)]
    assert values(dates.find(text)) == ["1988-03-16"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In one attack, fighters killed many captured people",
        "A total of 2,129 victims, represented by their legal counsel, participated in the trial.",
        "three witnesses called by representatives of the victims and five victims themselves",
        "There were 248 hearings with 80 witnesses, and the accused was found guilty of killing",
    ],
)
def test_counts_of_a_trial_are_not_casualty_figures(sentence):
    assert figure(extract_all_figures(sentence)) == []


def test_a_typo_year_does_not_make_a_month_into_a_date():
    text = "The trial opened on September 2 2015 with closing statements from 28-30 August 208."
    assert values(dates.find(text)) == ["2015-09-02"]


def test_congo_alone_is_the_democratic_republic_when_the_text_names_it():
    text = "the Patriotic Force for the Liberation of Congo, in the north-eastern DRC"
    assert {c.data["code"] for c in entities.find(text) if c.kind == "country"} == {"COD"}
    assert {c.data["code"] for c in entities.find("Brazzaville, Congo") if c.kind == "country"} == {
        "COG"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Article 85(3)(b) of the 1977 Additional Protocol I … as defined in Article 57, "
            "paragraph 2\na) iii)",
            [("Additional Protocol I", "85(3)(b)"), ("Additional Protocol I", "57(2)(a)(iii)")],
        ),
        ("Article 44 § 2 of the European Convention on Human Rights", [("ECHR", "44(2)")]),
        (
            "The Security Council\n\nRecalling its resolution 1556 (2004) of 30 July 2004, its "
            "resolution 1547 (2004) of 11 June 2004 and resolution 1502 (2003) of 26 August 2003",
            [("UNSC Resolution", n) for n in ["1556", "1547", "1502"]],
        ),
    ],
)
def test_legal_references_in_the_forms_of_ihl_practice_and_resolutions(text, expected):
    assert refs(legal.find(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Additional Protocol II (draft)\nArticle 26(3) of the draft Additional Protocol II "
        "provided it, while Article 26 as a whole was adopted by 44 votes",
        "Article 3(3) of the 1980 Protocol II to the Convention on Certain Conventional Weapons",
        "The General Assembly recalled its resolution 55",
    ],
)
def test_drafts_other_protocols_and_other_bodies_resolutions_are_not_references(text):
    assert legal.find(text) == []


def test_neither_an_instruments_year_nor_a_resolutions_is_a_date():
    found = extract_all(
        "Article 51(4) of the 1977 Additional Protocol I; Security Council resolution 1502 (2003)"
    )
    assert values([c for c in found if c.kind == "date"]) == []


def test_places_counted_are_not_people():
    text = "attacks on four camps for internally displaced people and 12 villages of refugees"
    assert figure(extract_all_figures(text)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Including 106 women, 63 children, 70 old men were killed.",
            [("killed", 106, 106), ("killed", 63, 63), ("killed", 70, 70)],
        ),
        (
            "76 out of 487 people wounded by an enemy bullet",
            [("wounded", 76, 76), ("wounded", 487, 487)],
        ),
        (
            "the findings were that 151 people had died from gunshot wounds, 20 from shrapnel "
            "wounds and 10 from blows",
            [("killed", 151, 151), ("killed", 20, 20), ("killed", 10, 10)],
        ),
        (
            "examinations were carried out on 181 corpses (130 male and 51 female, including 13 "
            "children)",
            [("killed", n, n) for n in (181, 130, 51, 13)],
        ),
        ("the fate of a further 150 remains unknown", [("missing", 150, 150)]),
        ("the fate of 150 people is still unknown", [("missing", 150, 150)]),
        ("1,000 peaceful people became invalid from gunshot wounds", [("wounded", 1000, 1000)]),
        ("613 people fell victim to enemy fire", [("killed", 613, 613)]),
        ("no less than four corpses had been scalped", [("killed", 4, None)]),
    ],
)
def test_figures_as_khojaly_reports_write_them(sentence, expected):
    assert figure(extract_all_figures(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "8 families were completely annihilated",
        "1,165 people were released from captivity",
        "230 families lost the breadwinner",
    ],
)
def test_families_and_releases_are_not_casualty_figures(sentence):
    assert figure(extract_all_figures(sentence)) == []


def test_a_dateline_takes_no_year_from_the_story_it_heads():
    text = "Baku. 19 February. REPORT.AZ/ On the night of February 25 to 26, 1992, forces invaded."
    assert values(dates.find(text)) == ["1992-02-25", "1992-02-26"]
    text = "1 February 2012 15:36\nKhojaly in 1992.\nBaku, Azerbaijan, Feb. 1 / Trend"
    assert "2012-02-01" in values(dates.find(text))
    assert "1992-02-01" not in values(dates.find(text))


def test_a_yearless_day_prefers_a_dated_day_before_it_to_a_month():
    text = (
        "On the night of February 25 to 26, 1992, the town, under blockade since October 1991, "
        "fell. On the evening of February 25 gunfire began."
    )
    assert values(dates.find(text)).count("1992-02-25") == 2


INFOBOX = """Strength1:30,000—40,000 (1993–94)[3]
• Turkey

350 officers

• Grey Wolves

200

Casualties1:
• Dead: 5,856[4] –6,000
• Wounded: 20,000
Casualties2:
• Dead: 11,557[5]
25,000–30,000 (Western and Russian estimates)[6]
• Wounded: 20,000 or 50,000
Casualties3:Civilian deaths:
• 16,000 Azerbaijani civilians[7]
• 4,000 Armenian civilians (including citizens of Armenia)

Civilians missing:

• 400 according to Karabakh State Commission
"""


def test_an_infobox_list_gives_each_figure_its_label():
    assert figure(extract_all_figures(INFOBOX)) == [
        ("killed", 5856, 6000),
        ("wounded", 20000, 20000),
        ("killed", 11557, 11557),
        ("killed", 25000, 30000),
        ("wounded", 20000, 20000),
        ("wounded", 50000, 50000),
        ("killed", 16000, 16000),
        ("killed", 4000, 4000),
        ("missing", 400, 400),
    ]


def test_a_slip_of_200_hundred_is_200():
    assert figure(extract_all_figures("it is accepted that 200 hundred Azeris were murdered")) == [
        ("killed", 200, 200)
    ]


def test_a_day_of_a_month_is_never_a_count():
    text = "A chemical weapons attack on August 21 killed 1,429 people; on 21 August more died."
    assert figure(extract_all_figures(text)) == [("killed", 1429, 1429)]


@pytest.mark.parametrize(
    "text",
    [
        # The only year is an old month in another paragraph.
        "The massacre took place in February 1992.\n\nThe session took place on March 22-23.",
        # A year used as an adjective dates nothing.
        "the new clashes that began on September 27 and the heaviest since a 1994 ceasefire",
    ],
)
def test_a_yearless_day_is_left_undated_when_the_text_does_not_date_it(text):
    assert not [v for v in values(dates.find(text)) if len(v) == 10]


def test_a_dated_day_dates_a_yearless_one_across_paragraphs():
    text = "Tanks were seen on August 24, 2013.\n\nThe report was released Friday, August 30."
    assert values(dates.find(text)) == ["2013-08-24", "2013-08-30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Human Rights Watch/Helsinki, 1993\n", ["1993"]),
        ("grave breaches of Geneva Convention, 1949 and genocide", ["1949"]),
        ("in Armenia, 2000 people fled", []),
    ],
)
def test_a_year_after_a_name_and_a_comma(text, expected):
    assert values(dates.find(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The resolution proclaimed July 11 as the International Day of Remembrance, 1995.",
        "In 1988, Armenia formally adopted April 24th as a public day of commemoration.",
    ],
)
def test_a_day_of_every_year_is_not_a_date(text):
    assert not [v for v in values(dates.find(text)) if len(v) == 10]


def test_a_figure_joined_to_the_one_before_counts_the_same():
    sentence = "rockets into Israeli cities, killing two in Israel and three in the Gaza Strip"
    assert figure(extract_all_figures(sentence)) == [("killed", 2, 2), ("killed", 3, 3)]


def test_an_hour_is_not_a_count():
    assert figure(extract_all_figures("At 2 in the morning an airstrike killed a family")) == []


def test_the_charter_of_a_tribunal_for_crimes_against_peace_is_nurembergs():
    text = (
        "Article 6 of the Charter provides: … As heretofore stated, the Charter does not define "
        "any conspiracy except the one set out in Article 6 (a), dealing with Crimes against "
        "Peace. The crimes defined by Article 6, Section (b), of the Charter were War Crimes."
    )
    assert refs(legal.find(text)) == [
        ("Nuremberg Charter", "6"),
        ("Nuremberg Charter", "6(a)"),
        ("Nuremberg Charter", "6(b)"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "INTERNATIONAL COURT OF JUSTICE … Having regard to Articles 41 and 48 of the Statute of "
        "the Court and Articles 73, 74 and 75 of the Rules of Court",
        "Articles 2, 3, 4, 46, and 51 of the Geneva Convention of 1929",
    ],
)
def test_instruments_outside_the_canonical_list_are_not_references(text):
    assert legal.find(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Article 49 (sixth paragraph) of Geneva Convention (IV)",
            [("Geneva Convention IV", "49(6)")],
        ),
        (
            "Article 45, fourth paragraph, of the 1949 Geneva Convention IV",
            [("Geneva Convention IV", "45(4)")],
        ),
        ("Article 85(4)(a) of Protocol I appends it", [("Additional Protocol I", "85(4)(a)")]),
        ("Article 6 of the 1945 IMT Charter (Nuremberg)", [("Nuremberg Charter", "6")]),
        (
            "Convention (IV) relative to the Protection of Civilian Persons in Time of War, "
            "Geneva, 12 August 1949, Article 45, fourth para.",
            [("Geneva Convention IV", "45(4)")],
        ),
        (
            "Article 49 of the Fourth Geneva Convention … inserted in the Rome Statute … the sixth "
            "paragraph of Article 49",
            # Issue #18's labelling: a paragraph named in words is in brackets too.
            [("Geneva Convention IV", "49"), ("Geneva Convention IV", "49(6)")],
        ),
    ],
)
def test_legal_references_as_ihl_commentaries_write_them(text, expected):
    assert refs(legal.find(text)) == expected


def test_a_weapons_treaty_protocol_is_not_an_additional_protocol():
    text = "Article 3(3) of Protocol II to the Convention on Certain Conventional Weapons"
    assert legal.find(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "experts recorded the unlawful killing, including extrajudicial executions, of about "
            "50 civilians",
            [("killed", 50, 50)],
        ),
        ('"The number of people killed was about 600,000," he said.', [("killed", 600000, 600000)]),
        (
            "the number of dead could be somewhere between 300,000 and 400,000 civilian casualties",
            [("killed", 300000, 400000)],
        ),
        (
            "officials estimate the entire number of losses, both civilian and battlefield, at "
            "80,000-100,000 people",
            [("killed", 80000, 100000)],
        ),
    ],
)
def test_figures_as_reports_of_recent_wars_write_them(sentence, expected):
    assert figure(extract_all_figures(sentence)) == expected


def test_a_rate_is_not_a_toll():
    assert figure(extract_all_figures('it prevented "1,000 deaths every day"')) == []


def test_a_comma_after_a_verb_does_not_carry_it_to_the_next_figure():
    sentence = "1,275 people were taken hostage, 1,165 people were released from captivity"
    assert figure(extract_all_figures(sentence)) == [("hostage", 1275, 1275)]
