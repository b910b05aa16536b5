from tests.conftest import add_reviewed_claim, make_source

_counter = iter(range(10_000))


def evidence(case, *, grade="B", standing="ngo", side="", status="verified", title=None):
    """One claim from a new source of the given grade and standing."""
    n = next(_counter)
    source = make_source(
        case,
        text=f"document {n}",
        title=title or f"Source {n}",
        reliability_grade=grade,
        standing=standing,
        side=side,
    )
    return add_reviewed_claim(
        source,
        fields={
            "statement": f"claim {n}",
            "claim_type": "act",
            "locator": f"p. {n}",
            "review_status": status,
        },
    )
