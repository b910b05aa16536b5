"""The extraction rules' kept verdict counts (ingest.RuleVerdictTally) equal a fresh count of
the judged candidates after every kind of write, the ingestion page shows each reader the
verdicts of the sources they may see, and `vigil verify` and `vigil tallies` find a drift that a
rebuild repairs."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from tests.ingest.test_pipeline import REPORT, ingest
from vigil.cases.models import Case
from vigil.evidence import services
from vigil.evidence.models import Source
from vigil.ingest import review, verdict_tallies
from vigil.ingest.models import Candidate, RuleVerdictTally

pytestmark = pytest.mark.django_db


def judged_one_by_one() -> Counter:
    """Every judged candidate's case, source level, rule and verdict, read one by one."""
    return Counter(
        (c.source.case_id, c.source.access_level, c.data.get("rule", ""), c.status)
        for c in Candidate.objects.select_related("source").exclude(status="pending")
    )


def kept() -> Counter:
    rows = RuleVerdictTally.objects.exclude(candidates=0)
    return Counter(
        {(row.case_id, row.access_level, row.rule, row.status): row.candidates for row in rows}
    )


@pytest.fixture
def sources(case, tmp_path):
    """Two ingested reports, their five candidates each pending."""
    ingest(case, tmp_path, {"one.txt": REPORT, "two.txt": REPORT + b" Again."})
    return list(Source.objects.order_by("pk"))


def test_every_kind_of_write_keeps_the_verdicts_equal_to_the_candidates(
    case, sources, administrator
):
    one, two = sources
    steps = [
        lambda: review.accept(one.candidates.get(kind="figure"), user=administrator),
        lambda: review.reject(one.candidates.get(kind="date")),
        lambda: two.candidates.update(status="rejected"),
        lambda: Candidate.objects.filter(source=two, kind="country").update(
            data={"rule": "en.country.renamed"}
        ),
        lambda: services.update_source(
            one, changes={"access_level": "confidential"}, user=administrator
        ),
        lambda: Source.objects.filter(pk=two.pk).update(access_level="restricted"),
        lambda: two.candidates.filter(kind="date").delete(),
        lambda: two.candidates.filter(kind="figure").update(status="pending"),
        lambda: Candidate.objects.filter(source=two, kind="organization").update(data={}),
        lambda: Source.objects.filter(pk=two.pk).update(case=Case.objects.create(slug="other")),
        lambda: two.delete(),
    ]
    for number, step in enumerate(steps):
        step()
        assert kept() == judged_one_by_one(), f"step {number}"
    assert sum(kept().values()) == 2  # the first source's accepted figure and rejected date


def test_the_ingestion_page_shows_each_reader_the_verdicts_of_what_they_may_see(
    alice_client, bob_client, case, sources
):
    one, two = sources
    two.candidates.update(status="rejected")
    Source.objects.filter(pk=two.pk).update(access_level="confidential")
    review.reject(one.candidates.get(kind="country"))
    url = reverse("ingest:page", args=[case.slug])
    assert alice_client.get(url).context["rule_verdicts"] == [
        {"rule": rule, "accepted": 0, "rejected": count, "precision": 0.0}
        for rule, count in sorted(
            Counter(c.data["rule"] for c in Candidate.objects.filter(status="rejected")).items()
        )
    ]
    seen_by_bob = bob_client.get(url).context["rule_verdicts"]
    assert [(v["rule"], v["rejected"]) for v in seen_by_bob] == [("en.country.name", 1)]


def test_verify_and_the_tallies_command_name_a_drift_and_a_rebuild_repairs_it(case, sources):
    sources[0].candidates.update(status="accepted")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE ingest_ruleverdicttally SET candidates = candidates + 1")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="rule verdict count"):
        call_command("verify", stdout=out, stderr=err)
    assert f"the rule verdicts of case #{case.pk} differ from its candidates" in err.getvalue()
    with pytest.raises(CommandError, match="tallies --rebuild"):
        call_command("tallies", stdout=out, stderr=err)
    call_command("tallies", "--rebuild", stdout=out)
    assert kept() == judged_one_by_one() and sum(kept().values()) == 5
    assert verdict_tallies.tally_problems() == []


def test_migrate_puts_back_missing_triggers_and_counts_what_was_judged_without_them(sources):
    from vigil.tallying import kept as keeping

    keeping.uninstall_triggers(verdict_tallies.VERDICT_TALLY)
    review.reject(sources[0].candidates.get(kind="date"))
    assert kept() != judged_one_by_one()
    assert verdict_tallies.tally_problems()[0].startswith("the rule verdict trigger")
    call_command("migrate", verbosity=0)
    assert verdict_tallies.tally_problems() == [] and kept() == judged_one_by_one()
