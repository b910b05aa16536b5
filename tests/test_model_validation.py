"""Validation skips only the look-ups the instance answers itself (vigil/model_validation.py):
bad input is refused as before, with Django's own messages."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_source
from vigil.evidence.models import Claim, Source

pytestmark = pytest.mark.django_db


def _claim(source, **fields) -> Claim:
    return Claim(
        source=source,
        case=source.case,
        statement="Shelling at night.",
        claim_type="act",
        locator="p. 1",
        **fields,
    )


def test_a_claim_whose_related_rows_are_loaded_is_validated_without_a_query(source):
    claim = _claim(source)
    with CaptureQueriesContext(connection) as queries:
        claim.full_clean()
    assert queries.captured_queries == []


def test_a_second_source_with_the_same_import_key_is_still_refused(case):
    make_source(case, title="First", import_key="row-7")
    second = Source(case=case, kind="report", title="Second", import_key="row-7")
    constraint = next(c for c in Source._meta.constraints if c.name == "one_source_per_import_key")
    with pytest.raises(ValidationError) as refused:
        second.full_clean(exclude=["archived_file"])
    assert constraint.get_violation_error_message() in refused.value.messages


def test_a_claim_by_a_missing_person_is_still_refused(source, alice):
    claim = _claim(source, created_by=alice)
    claim.created_by_id = alice.pk + 1000
    with pytest.raises(ValidationError) as refused:
        claim.full_clean()
    assert refused.value.message_dict["created_by"] == [
        f"user instance with id {alice.pk + 1000} is not a valid choice."
    ]


def test_a_claim_of_an_unsaved_source_is_still_refused(case):
    claim = _claim(Source(case=case, kind="report", title="Never saved"))
    with pytest.raises(ValidationError) as refused:
        claim.full_clean()
    assert "source" in refused.value.message_dict
