"""The cases' kept claim counts (evidence.ClaimTally) equal a fresh count of the claims after
every kind of write, through the services or around them, and `vigil verify` and `vigil
tallies` find a drift that a rebuild repairs."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection

from tests.conftest import add_reviewed_claim, make_source
from vigil.cases.models import Case
from vigil.dossier import publishing
from vigil.evidence import claim_tallies, services
from vigil.evidence.models import Claim, ClaimTally, Source

pytestmark = pytest.mark.django_db


def counted_one_by_one() -> Counter:
    """Every claim's case, source level, review status and publication, read claim by claim in
    Python."""
    return Counter(
        (claim.case_id, claim.source.access_level, claim.review_status, claim.is_published)
        for claim in Claim.objects.select_related("source")
    )


def kept() -> Counter:
    rows = ClaimTally.objects.exclude(claims=0)
    return Counter(
        {
            (row.case_id, row.access_level, row.review_status, row.published): row.claims
            for row in rows
        }
    )


def claim(source, n, status="proposed"):
    fields = {"statement": f"claim {n}", "claim_type": "act", "locator": f"p. {n}"}
    return add_reviewed_claim(source, fields={**fields, "review_status": status})


@pytest.fixture
def claims(case):
    """Twelve claims of four sources, one of each level and one more public."""
    sources = [
        make_source(case, text=f"text {n}", title=f"Source {n}", access_level=level)
        for n, level in enumerate(["public", "restricted", "confidential", "public"])
    ]
    made = [
        claim(sources[n % 4], n, status=["proposed", "verified", "disputed"][n % 3])
        for n in range(12)
    ]
    assert kept() == counted_one_by_one() and sum(kept().values()) == 12
    return made


def test_every_kind_of_write_keeps_the_counts_equal_to_the_claims(case, claims, administrator):
    other = Case.objects.create(slug="other", title="Other")
    steps = [
        lambda: services.add_claim(
            claims[0].source, fields={"statement": "new", "claim_type": "act", "locator": "p. 9"}
        ),
        lambda: services.review_claim(claims[1], status="rejected"),
        lambda: publishing.publish_claims(case, [claims[4], claims[7]]),
        lambda: publishing.withdraw(claims[7]),
        lambda: services.update_claim(
            claims[2], fields={"review_status": "disputed", "review_note": "Dates differ."}
        ),
        lambda: services.update_source(
            claims[3].source, changes={"access_level": "confidential"}, user=administrator
        ),
        lambda: claims[4].delete(),
        lambda: claims[5].source.delete(),
        lambda: Claim.objects.filter(pk=claims[6].pk).update(source=claims[7].source),
        lambda: Claim.objects.filter(case=case).update(review_status="verified"),
        lambda: Source.objects.filter(case=case).update(access_level="restricted"),
        lambda: Claim.objects.bulk_create(
            [Claim(case=other, source=make_source(other, text="t"), statement="s", locator="1")]
        ),
        lambda: other.delete(),
    ]
    for number, step in enumerate(steps):
        step()
        assert kept() == counted_one_by_one(), f"step {number}"
    assert sum(kept().values()) == 9  # one added; one deleted, and three with their source


def test_a_case_page_reads_its_counts_for_the_levels_given(case, claims):
    assert claim_tallies.case_counts(case) == {
        "claim_count": 12,
        "verified_count": 4,
        "proposed_count": 4,
    }
    # Sources 0 and 3 are public: claims 0, 3, 4, 7, 8, 11.
    assert claim_tallies.case_counts(case, ["public"]) == {
        "claim_count": 6,
        "verified_count": 2,
        "proposed_count": 2,
    }


def test_the_publish_screen_counts_the_verified_public_claims_not_yet_published(case, claims):
    def fresh():
        return publishing.awaiting_publication(case).count()

    # Claims 4 and 7: verified, of the two public sources.
    assert claim_tallies.awaiting_publication_count(case) == fresh() == 2
    publishing.publish_claims(case, [claims[4]])
    assert claim_tallies.awaiting_publication_count(case) == fresh() == 1
    publishing.withdraw(claims[4])
    claim(claims[0].source, 12, status="verified")
    assert claim_tallies.awaiting_publication_count(case) == fresh() == 3


def test_verify_and_the_tallies_command_name_a_drift_and_a_rebuild_repairs_it(case, claims):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE evidence_claimtally SET claims = claims + 1")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="claim count"):
        call_command("verify", stdout=out, stderr=err)
    assert f"the claim counts of case #{case.pk} differ from its claims" in err.getvalue()
    with pytest.raises(CommandError, match="tallies --rebuild"):
        call_command("tallies", stdout=out, stderr=err)
    call_command("tallies", "--rebuild", stdout=out)
    assert kept() == counted_one_by_one()
    assert claim_tallies.tally_problems() == []


def test_migrate_puts_back_missing_triggers_and_counts_what_was_written_without_them(case, claims):
    from vigil.evidence.claim_tallies import CLAIM_TALLY
    from vigil.tallying import kept as keeping

    keeping.uninstall_triggers(CLAIM_TALLY)
    claim(claims[0].source, 99)
    assert kept() != counted_one_by_one()
    assert claim_tallies.tally_problems()[0].startswith("the claim count trigger")
    call_command("migrate", verbosity=0)
    assert claim_tallies.tally_problems() == [] and kept() == counted_one_by_one()


@pytest.mark.django_db(transaction=True)  # SQLite's schema editor runs outside a transaction
def test_a_migration_that_remakes_the_sources_table_keeps_the_counts(case, claims):
    from django.db import migrations, models

    field = models.CharField(max_length=5, default="x")
    field.set_attributes_from_name("bench_column")
    plan = [(migrations.Migration("a migration", "evidence"), False)]
    emit_pre_migrate_signal(0, False, "default", plan=plan)  # as `vigil migrate` does
    with connection.schema_editor() as editor:  # SQLite copies the table to add the column
        editor.add_field(Source, field)
        editor.remove_field(Source, field)
    emit_post_migrate_signal(0, False, "default", plan=plan)
    Source.objects.filter(case=case).update(access_level="public")
    assert claim_tallies.tally_problems() == [] and kept() == counted_one_by_one()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite remakes tables to migrate")
def test_before_any_migration_the_triggers_go_even_if_the_tally_s_latest_migration_has_not_run(
    case, claims
):
    """A database migrated by an older release has the triggers its first migration put in;
    a newer migration that remakes the tally must not meet them."""
    from django.db import migrations
    from django.db.migrations.recorder import MigrationRecorder

    from vigil.evidence.claim_tallies import CLAIM_TALLY, MIGRATION
    from vigil.tallying import kept as keeping

    MigrationRecorder.Migration.objects.filter(app=MIGRATION[0], name=MIGRATION[1]).delete()
    plan = [(migrations.Migration(MIGRATION[1], MIGRATION[0]), False)]
    emit_pre_migrate_signal(0, False, "default", plan=plan)
    assert sorted(keeping.missing_triggers(CLAIM_TALLY)) == sorted(
        keeping.engine().trigger_names(CLAIM_TALLY)
    )
    keeping.install_triggers(CLAIM_TALLY)  # as the migration itself does
    emit_post_migrate_signal(0, False, "default", plan=plan)
    assert claim_tallies.tally_problems() == []
