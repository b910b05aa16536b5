import pytest
from django.core.exceptions import ValidationError

from tests.conftest import add_reviewed_claim, make_source
from vigil.audit.log import acting_as
from vigil.cases.models import Case
from vigil.evidence import services
from vigil.evidence.models import Claim, Figure

pytestmark = pytest.mark.django_db


def figure_claim(source, low, high, category="killed", status="proposed", user=None):
    return add_reviewed_claim(
        source,
        fields={
            "statement": f"{low}-{high} {category}",
            "claim_type": "figure",
            "locator": "p. 2",
            "review_status": status,
        },
        figure={"category": category, "low": low, "high": high, "population": "civilians"},
        user=user,
    )


def test_it_records_a_figure_with_its_range(source):
    claim = figure_claim(source, 161, None)
    assert claim.figure.display == "≥ 161"
    assert claim.case == source.case


def test_it_refuses_a_range_with_low_above_high(source):
    with pytest.raises(ValidationError, match="above the high end"):
        figure_claim(source, 300, 200)
    assert not Claim.objects.exists()


def test_it_refuses_a_figure_without_any_number(source):
    with pytest.raises(ValidationError, match="at least one end"):
        figure_claim(source, None, None)
    assert not Claim.objects.exists()


def test_it_refuses_a_credibility_outside_1_to_6(source):
    with pytest.raises(ValidationError) as error:
        services.add_claim(
            source, fields={"statement": "s", "claim_type": "act", "locator": "p", "credibility": 7}
        )
    assert "credibility" in error.value.message_dict


def test_it_refuses_a_reliability_grade_outside_a_to_f(source):
    with pytest.raises(ValidationError) as error:
        services.update_source(source, changes={"reliability_grade": "G"})
    assert "reliability_grade" in error.value.message_dict


def test_it_refuses_a_claim_without_a_source():
    with pytest.raises(ValidationError, match="must come from a source"):
        services.add_claim(None, fields={"statement": "s", "claim_type": "act", "locator": "p"})


def test_a_claim_belongs_to_the_case_of_its_source(source):
    other = Case.objects.create(slug="other", title="Other")
    claim = Claim(source=source, case=other, statement="s", claim_type="act", locator="p")
    with pytest.raises(ValidationError, match="case of its source"):
        claim.full_clean()


def test_a_dated_event_needs_its_date(source):
    with pytest.raises(ValidationError, match="needs its date"):
        services.add_claim(source, fields={"statement": "s", "claim_type": "event", "locator": "p"})


def test_review_records_who_and_when(source, alice):
    claim = figure_claim(source, 613, 613)
    services.review_claim(claim, status="verified", user=alice)
    claim.refresh_from_db()
    assert claim.review_status == "verified"
    assert claim.reviewed_by == alice
    assert claim.reviewed_at is not None


def test_changing_a_claim_away_from_figure_removes_its_figure(source):
    claim = figure_claim(source, 10, 10)
    services.update_claim(claim, fields={"claim_type": "act"})
    assert not Figure.objects.filter(claim=claim).exists()


def test_a_new_reliability_grade_records_who_set_it(source, alice):
    with acting_as(alice):
        services.update_source(source, changes={"reliability_grade": "A"}, user=alice)
    source.refresh_from_db()
    assert source.reliability_set_by == alice


def test_add_source_from_web_archives_the_pasted_text(case):
    result = services.add_source_from_web(
        case,
        url="https://example.org/report",
        text="Pasted text.",
        metadata={"kind": "press", "title": "Page"},
    )
    assert result.source.url == "https://example.org/report"
    assert result.source.text == "Pasted text."
    assert result.source.archived_file.media_type == "text/plain"


def test_add_source_from_web_refuses_empty_text(case):
    with pytest.raises(ValidationError):
        services.add_source_from_web(
            case, url="https://example.org", text="  ", metadata={"kind": "press", "title": "P"}
        )


def test_nothing_is_stored_when_a_document_is_unreadable(case, archive_dir):
    from vigil.evidence.text import UnreadableDocument

    with pytest.raises(UnreadableDocument):
        make_source(case, text="")
    assert not case.sources.exists()
    assert not [path for path in archive_dir.rglob("*") if path.is_file()]
