"""A text may end anywhere, also in the middle of what a rule reads (ingestion cuts nothing,
but a document can simply stop there); extraction reads it to its end without error."""

import pytest

from vigil.ingest.extract import extract_all
from vigil.ingest.extract.kinds import Kind


@pytest.mark.parametrize(
    ("language", "text", "resolution"),
    [
        ("ru", "Генеральная Ассамблея приняла резолюцию 60/147 от 16 декабря 2005", "60/147"),
        ("ur", "سلامتی کونسل نے قرارداد 822 (1993) 30 اپریل 1993", "822"),
    ],
)
def test_a_resolution_whose_date_ends_the_text_is_still_read(language, text, resolution):
    found = extract_all(text, language=language)
    articles = [c.data["article"] for c in found if c.kind == Kind.LEGAL_REF]
    assert resolution in articles
