"""Words added to a language's extraction tables in the back office are read at the next
ingestion run, merged over the built-in tables."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.ingest.test_pipeline import ingest
from vigil.evidence.models import Source
from vigil.ingest.models import WordTableEntry

pytestmark = pytest.mark.django_db

# "Zarezany" (stabbed to death) is not among the built-in Russian casualty words.
REPORT = "По данным местных властей, в селе были зарезаны 12 жителей.".encode()


def figures_of(source):
    return [
        (c.data["category"], c.data["low"], c.data["high"], c.data["rule"])
        for c in source.candidates.filter(kind="figure")
    ]


def test_a_casualty_word_added_in_the_back_office_finds_the_figure(
    case, tmp_path, administrator_client
):
    first = tmp_path / "first"
    first.mkdir()
    ingest(case, first, {"before.txt": REPORT})
    assert figures_of(Source.objects.get()) == []
    response = administrator_client.post(
        reverse("admin:ingest_wordtableentry_add"),
        {"language": "ru", "table": "figures.killed", "phrase": "зарезан", "value": ""},
    )
    assert response.status_code == 302
    second = tmp_path / "second"
    second.mkdir()
    ingest(case, second, {"after.txt": REPORT + b" "})
    added = Source.objects.get(title="after")
    assert figures_of(added) == [("killed", 12, 12, "ru.figure.category")]
    # Removed, it is read no more: the tables are built for each set of additions.
    WordTableEntry.objects.all().delete()
    third = tmp_path / "third"
    third.mkdir()
    ingest(case, third, {"again.txt": REPORT + b"  "})
    assert figures_of(Source.objects.get(title="again")) == []


def test_a_name_must_say_what_it_stands_for():
    entry = WordTableEntry(language="az", table="countries.names", phrase="Fransa Respublikası")
    with pytest.raises(ValidationError, match="stands for"):
        entry.full_clean()
    entry.value = "fra"
    entry.full_clean()
    assert entry.value == "FRA"


def test_english_takes_additions_to_its_countries_only():
    entry = WordTableEntry(language="en", table="figures.killed", phrase="butchered")
    with pytest.raises(ValidationError, match="countries"):
        entry.full_clean()
