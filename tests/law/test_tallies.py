"""The matrix's kept tallies equal a fresh count of the links after every kind of write (through
the services, in bulk, by a cascade), the matrix shows each person only the levels of sources
they may see, and `vigil tallies`, `vigil verify` and `vigil migrate` find and repair a drift."""

import io
import random
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection

from tests.conftest import make_source
from tests.law.conftest import evidence
from vigil.evidence import services as evidence_services
from vigil.evidence.models import Claim, Source
from vigil.ingest import review
from vigil.ingest.models import Candidate
from vigil.law import matrix, services, tallies
from vigil.law.models import Element, ElementLink, ElementTally
from vigil.law.tally_sql import ELEMENT_TALLY
from vigil.tallying import kept as tallying

pytestmark = pytest.mark.django_db


def counted_one_by_one() -> Counter:
    """Every link's kind, read link by link in Python: the reference the tallies must equal."""
    counts = Counter()
    for link in ElementLink.objects.select_related("claim__source"):
        source = link.claim.source
        kind = (link.case_id, link.element_id, link.bearing, link.claim.review_status)
        counts[
            (*kind, source.reliability_grade, source.standing, source.side, source.access_level)
        ] += 1
    return counts


def kept() -> Counter:
    rows = ElementTally.objects.exclude(links=0).values_list(
        "case_id",
        "element_id",
        "bearing",
        "review_status",
        "grade",
        "standing",
        "side",
        "access_level",
        "links",
    )
    return Counter({tuple(row[:-1]): row[-1] for row in rows})


@pytest.fixture
def linked(case, genocide_by_killing):
    """Forty claims of sources of every grade, voice and level, linked at random."""
    chance = random.Random(7)
    elements = list(Element.objects.filter(crime=genocide_by_killing))
    for _ in range(40):
        claim = evidence(
            case,
            grade=chance.choice("ABCDEF"),
            standing=chance.choice(["court", "ngo", "party"]),
            side=chance.choice(["", "Armenia", "Azərbaycan"]),
            status=chance.choice(["verified", "proposed", "rejected", "disputed"]),
        )
        Source.objects.filter(pk=claim.source_id).update(
            access_level=chance.choice(Source.Access.values)
        )
        services.link_claim(
            case,
            claim=claim,
            element=chance.choice(elements),
            bearing=chance.choice(["supports", "contradicts"]),
            strength="moderate",
        )
    assert kept() == counted_one_by_one() and sum(kept().values()) == 40
    return case


def test_every_kind_of_write_through_the_services_keeps_the_tallies_equal_to_the_links(
    linked, killing, administrator
):
    links = list(ElementLink.objects.select_related("claim__source").order_by("pk"))
    steps = [
        lambda: services.unlink(links[0]),
        lambda: services.link_claim(
            linked, claim=links[0].claim, element=killing, bearing="supports", strength="weak"
        ),
        lambda: evidence_services.review_claim(links[1].claim, status="rejected"),
        lambda: evidence_services.update_claim(
            links[2].claim, fields={"review_status": "disputed", "review_note": "Dates differ."}
        ),
        lambda: evidence_services.update_source(
            links[3].claim.source,
            changes={"reliability_grade": "A", "standing": "press", "side": "Armenia"},
            user=administrator,
        ),
        lambda: evidence_services.update_source(
            links[4].claim.source, changes={"access_level": "confidential"}
        ),
        lambda: links[5].claim.delete(),
        lambda: links[6].claim.source.delete(),
        lambda: ElementLink.objects.filter(pk=links[7].pk).update(bearing="contradicts"),
    ]
    for number, step in enumerate(steps):
        step()
        assert kept() == counted_one_by_one(), f"step {number}"
    assert sum(kept().values()) == 38  # two links went with their claim and source


def test_writes_around_the_services_are_counted_too(linked, killing):
    claim = evidence(linked, grade="A", status="proposed")
    ElementLink.objects.bulk_create(
        [
            ElementLink(
                case=linked, claim=claim, element=killing, bearing="supports", strength="weak"
            )
        ]
    )
    Claim.objects.filter(case=linked).update(review_status="verified")
    Source.objects.filter(case=linked).update(reliability_grade="C")
    assert kept() == counted_one_by_one()
    assert sum(kept().values()) == 41


def test_a_claim_accepted_from_ingestion_and_linked_is_counted(case, killing):
    source = make_source(case, text="On 26 February 1992 the town fell.")
    candidate = Candidate.objects.create(
        source=source,
        kind="date",
        start=3,
        end=19,
        text="26 February 1992",
        data={"value": "1992-02-26"},
    )
    claim = review.accept(candidate)
    services.link_claim(case, claim=claim, element=killing, bearing="supports", strength="weak")
    assert (
        kept()
        == counted_one_by_one()
        == Counter({(case.pk, killing.pk, "supports", "proposed", "B", "unknown", "", "public"): 1})
    )


def test_the_matrix_counts_only_the_levels_of_sources_a_person_may_see(
    case, genocide_by_killing, killing
):
    for level, side in [("public", "Armenia"), ("public", ""), ("confidential", "UN")]:
        claim = evidence(case, grade="A", standing="court", side=side)
        Source.objects.filter(pk=claim.source_id).update(access_level=level)
        services.link_claim(case, claim=claim, element=killing, bearing="supports", strength="weak")

    def row(levels):
        rows = matrix.crime_matrix(case, genocide_by_killing, levels=levels)
        found = next(r for r in rows if r.element == killing)
        return found.verified_supporting, found.independent_sources

    assert row(None) == (3, 3)
    assert row(["public"]) == (2, 2)
    assert row(["restricted"]) == (0, 0)


def test_deleting_a_case_leaves_no_tally_that_counts(linked):
    linked.delete()
    assert kept() == Counter() and tallies.tally_problems() == []


def test_verify_and_the_tallies_command_name_a_drift_and_a_rebuild_repairs_it(linked):
    ElementTally.objects.filter(pk=ElementTally.objects.exclude(links=0).first().pk).update(
        links=99
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="matrix tally"):
        call_command("verify", stdout=out, stderr=err)
    with pytest.raises(CommandError, match="tallies --rebuild"):
        call_command("tallies", stdout=out, stderr=err)
    assert "differs from its links" in err.getvalue()
    call_command("tallies", "--rebuild", stdout=out)
    assert kept() == counted_one_by_one()
    call_command("tallies", stdout=out)
    assert "match the links" in out.getvalue()


def test_migrate_puts_back_missing_triggers_and_counts_what_was_written_without_them(
    linked, killing
):
    tallying.uninstall_triggers(ELEMENT_TALLY)
    claim = evidence(linked, grade="A")
    services.link_claim(linked, claim=claim, element=killing, bearing="supports", strength="weak")
    assert kept() != counted_one_by_one()
    assert tallies.tally_problems()[0].startswith("the matrix tally trigger")
    call_command("migrate", verbosity=0)
    assert tallying.missing_triggers(ELEMENT_TALLY) == [] and kept() == counted_one_by_one()


@pytest.mark.django_db(transaction=True)  # SQLite's schema editor runs outside a transaction
def test_a_migration_that_remakes_the_claims_table_keeps_the_tallies(linked):
    from django.db import migrations, models

    field = models.CharField(max_length=5, default="x")
    field.set_attributes_from_name("bench_column")
    plan = [(migrations.Migration("a migration", "evidence"), False)]
    emit_pre_migrate_signal(0, False, "default", plan=plan)  # as `vigil migrate` does
    with connection.schema_editor() as editor:  # SQLite copies the table to add the column
        editor.add_field(Claim, field)
        editor.remove_field(Claim, field)
    emit_post_migrate_signal(0, False, "default", plan=plan)
    Claim.objects.filter(case=linked).update(review_status="verified")
    assert tallying.missing_triggers(ELEMENT_TALLY) == [] and kept() == counted_one_by_one()
