"""Migration 0013 indexes again the texts indexed with their vowel marks before it, so that an
Urdu word written without them finds them."""

import importlib

import pytest
from django.db import connection

from tests.conftest import make_source
from vigil.evidence import search_sqlite
from vigil.evidence.search import search_case
from vigil.evidence.search_index import index_problems

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("vigil.evidence.migrations.0013_search_folds_arabic_marks")


class SchemaEditor:
    """What the migration reads of the schema editor Django passes it."""

    connection = connection


def index_with_the_marks_as_before(source):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            first, _last = search_sqlite.case_key_range(source.case_id)
            cursor.execute(
                "UPDATE evidence_fts SET title = %s, body = %s WHERE rowid = %s",
                [source.title, source.text, first | source.pk],
            )
        else:
            cursor.execute(
                "UPDATE evidence_source SET search_vector = to_tsvector('simple', text) "
                "WHERE id = %s",
                [source.pk],
            )


def test_the_migration_indexes_again_a_text_indexed_with_its_vowel_marks(case):
    source = make_source(case, language="ur", text="لوگوں نے عَدالتِ اعلیٰ میں گَواہی دی۔")
    index_with_the_marks_as_before(source)
    assert search_case(case, "گواہی") == [] and index_problems() != []

    MIGRATION.refold(None, SchemaEditor())

    assert [hit.obj for hit in search_case(case, "گواہی")] == [source]
    assert index_problems() == []
