import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import make_source
from vigil.evidence import services
from vigil.evidence.search import search_case

pytestmark = pytest.mark.django_db


def search(case, words):
    return search_case(case, words)


def test_it_finds_words_in_source_texts_and_claims_with_highlights(case):
    source = make_source(case, text="Residents fled towards Agdam across the fields at night.")
    services.add_claim(
        source,
        fields={
            "statement": "Residents fleeing were fired upon.",
            "claim_type": "act",
            "locator": "p. 20",
        },
    )
    hits = search(case, "residents")
    assert {hit.kind for hit in hits} == {"source", "claim"}
    assert all("<mark>" in hit.snippet.lower() for hit in hits)


def test_every_word_must_occur(case):
    make_source(case, text="Residents fled towards Agdam.", title="One")
    make_source(case, text="Residents stayed in the town.", title="Two")
    assert [hit.obj.title for hit in search(case, "residents Agdam")] == ["One"]


def test_the_better_match_ranks_first(case):
    make_source(case, text="hostage " * 20 + "taken", title="Many mentions")
    make_source(case, text="one hostage among many other words " * 5, title="One mention")
    assert search(case, "hostage")[0].obj.title == "Many mentions"


def test_it_escapes_html_in_snippets(case):
    make_source(case, text="<script>alert(1)</script> hostages were taken & held")
    snippet = search(case, "hostages")[0].snippet
    # SQLite keeps the tag as text and it is escaped; PostgreSQL's headline drops tags.
    assert "<script>" not in snippet
    assert "<mark>hostages</mark> were taken &amp; held" in snippet


def test_query_syntax_in_user_input_is_harmless(case):
    make_source(case, text="Resolution 822 was adopted.")
    assert search(case, 'resolution" (822*')[0].obj.text == "Resolution 822 was adopted."
    assert search(case, "***") == []


def test_it_searches_only_the_given_case(case):
    from vigil.cases.models import Case

    other = Case.objects.create(slug="other", title="Other")
    make_source(other, text="Srebrenica July 1995")
    assert search(case, "Srebrenica") == []


def test_edits_and_deletes_are_reflected(case):
    source = make_source(case, text="original words")
    services.update_source(source, changes={"title": "Retitled report"})
    assert search(case, "retitled")[0].obj == source
    source.delete()
    assert search(case, "original") == []


def test_the_command_prints_hits(case, capsys):
    make_source(case, text="Memorial investigated in March 1992.", title="Memorial report")
    call_command("search", case.slug, "memorial march")
    out = capsys.readouterr().out
    assert "Memorial report" in out
    assert "[Memorial]" in out


def test_reindex_rebuilds_the_index(case, capsys):
    make_source(case, text="Agdam road at night", title="Road report")
    call_command("reindex")
    assert capsys.readouterr().out.startswith("Indexed 1 ")
    assert search(case, "Agdam")[0].obj.title == "Road report"


def test_other_forms_of_an_english_word_are_found(case):
    make_source(case, text="Civilians were killed while fleeing.", title="One", language="en")
    assert [hit.obj.title for hit in search(case, "killing civilian")] == ["One"]
    assert [hit.obj.title for hit in search(case, "flee")] == ["One"]


@pytest.mark.skipif("connection.vendor == 'sqlite'", reason="SQLite's FTS5 stems English only")
def test_postgresql_stems_each_source_in_its_own_language(case):
    make_source(case, text="Погибли мирные жители города.", title="Russian", language="ru")
    make_source(case, text="Kasabanın sivil halkı öldürüldü.", title="Turkish", language="tr")
    assert [hit.obj.title for hit in search(case, "житель")] == ["Russian"]
    assert [hit.obj.title for hit in search(case, "kasaba")] == ["Turkish"]


def test_a_word_in_the_title_ranks_above_the_same_word_in_a_text(case):
    make_source(case, text="A report that mentions Agdam once.", title="Road report")
    make_source(case, text="Nothing about the town here at all.", title="Agdam report")
    assert [hit.obj.title for hit in search(case, "Agdam")] == ["Agdam report", "Road report"]


def test_neighbouring_cases_never_see_each_others_hits(case):
    from vigil.cases.models import Case

    before = Case.objects.create(slug="before", title="Before")
    after = Case.objects.create(slug="after", title="After")
    for each in (before, case, after):
        source = make_source(each, text=f"Shelling reported in {each.slug}.", title=each.slug)
        services.add_claim(
            source,
            fields={"statement": "Shelling at dawn.", "claim_type": "act", "locator": "p. 1"},
        )
    hits = search(case, "shelling")
    assert len(hits) == 2 and {hit.obj.case_id for hit in hits} == {case.pk}


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="counts SQLite's VM instructions")
def test_a_search_does_not_read_the_matches_in_other_cases(case):
    from vigil.cases.models import Case
    from vigil.evidence.models import Claim

    source = make_source(case, text="Shelling of the airport road.", title="Road report")
    other = Case.objects.create(slug="other", title="Other")
    elsewhere = make_source(other, text="Shelling elsewhere.", title="Elsewhere")

    def instructions_of_a_search() -> int:
        """SQLite's virtual machine instructions (reading a row of the index runs a dozen)."""
        steps = []
        connection.connection.set_progress_handler(lambda: steps.append(1), 10)
        try:
            assert [hit.obj for hit in search(case, "shelling")] == [source]
        finally:
            connection.connection.set_progress_handler(None, 0)
        return 10 * len(steps)

    before = instructions_of_a_search()
    Claim.objects.bulk_create(
        Claim(case=other, source=elsewhere, statement=f"Shelling, claim {n}.", locator="p. 1")
        for n in range(3000)
    )
    # Filtering the case after the match read every match: some 16 instructions each. BM25 still
    # counts the word's rows over the whole index, inside FTS5, for its weight.
    assert instructions_of_a_search() - before < 3000
