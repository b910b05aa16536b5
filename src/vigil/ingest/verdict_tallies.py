"""How reviewers judged each extraction rule's candidates, counted per case, source access level,
rule and verdict (ingest.RuleVerdictTally) and kept in step by the database itself (see
vigil.tallying): a candidate counts when it is accepted or rejected, deleted, or found again
under another rule, and all of a source's candidates move when its access level or case
changes.
Pending candidates are not counted: ingestion adds them by the thousand.

The rule is read from the candidate's JSON `data` with `->>`, which PostgreSQL and SQLite (3.38
and later) both know. Every SQL text here is assembled from this module's constants, never from
input.
"""

from django.db.models import Sum
from django.utils.translation import gettext as _

from vigil.ingest.models import Candidate, RuleVerdictTally
from vigil.tallying import Tally, Watched, kept

# The migration that made the tally.
MIGRATION = ("ingest", "0004_rule_verdict_tallies")

VERDICT_TALLY = Tally(
    table="ingest_ruleverdicttally",
    kind="case_id, access_level, rule, status",
    count="candidates",
    suffix="verdicttally",
    watched={
        "ingest_candidate": Watched(
            "SELECT s.case_id AS case_id, s.access_level AS access_level, "
            "COALESCE({row}.data ->> 'rule', '') AS rule, {row}.status AS status, "
            "{sign} AS candidates FROM evidence_source s "
            "WHERE s.id = {row}.source_id AND {row}.status <> 'pending'",
            ("source_id", "status", "data"),
            inserts_and_deletes=True,
        ),
        # A new source has no candidates yet, and a deleted one none left (they go first).
        "evidence_source": Watched(
            "SELECT {row}.case_id AS case_id, {row}.access_level AS access_level, "
            "COALESCE(c.data ->> 'rule', '') AS rule, c.status AS status, {sign} AS candidates "
            "FROM ingest_candidate c WHERE c.source_id = {row}.id AND c.status <> 'pending'",
            ("case_id", "access_level"),
            inserts_and_deletes=False,
        ),
    },
    fresh=(
        "SELECT s.case_id AS case_id, s.access_level AS access_level, "
        "COALESCE(c.data ->> 'rule', '') AS rule, c.status AS status, COUNT(*) AS candidates "
        "FROM ingest_candidate c JOIN evidence_source s ON s.id = c.source_id "
        "WHERE c.status <> 'pending' GROUP BY 1, 2, 3, 4"
    ),
)


def rule_verdicts(case, levels=None) -> list[dict]:
    """Per extraction rule, how many of the case's candidates among the sources of `levels`
    (None: of every level) reviewers accepted and rejected, and the precision that makes
    (accepted over judged), worst first: one aggregate over a row per rule and verdict."""
    tallies = RuleVerdictTally.objects.filter(case=case, candidates__gt=0)
    if levels is not None:
        tallies = tallies.filter(access_level__in=levels)
    counts: dict[str, dict[str, int]] = {}
    rows = tallies.values_list("rule", "status").annotate(n=Sum("candidates")).order_by()
    for rule, status, number in rows:
        counts.setdefault(rule or "?", {})[status] = number
    verdicts = []
    for rule, by_status in counts.items():
        accepted = by_status.get(Candidate.Status.ACCEPTED, 0)
        rejected = by_status.get(Candidate.Status.REJECTED, 0)
        if accepted + rejected:
            precision = accepted / (accepted + rejected)
            verdicts.append(
                {"rule": rule, "accepted": accepted, "rejected": rejected, "precision": precision}
            )
    return sorted(verdicts, key=lambda v: (v["precision"], v["rule"]))


def tally_problems(limit: int = 20) -> list[str]:
    """One line per case whose kept verdicts differ from its candidates, and per missing
    trigger."""
    return kept.problems_by_case(
        VERDICT_TALLY,
        limit,
        missing=_("the rule verdict trigger %(name)s is missing (run `vigil migrate`)"),
        differs=_("the rule verdicts of case #%(case)s differ from its candidates"),
        more=_("… and more rule verdict problems"),
    )
