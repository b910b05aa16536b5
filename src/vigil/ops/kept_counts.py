"""Every count the database keeps (vigil.tallying), each with the check that names its problems:
what `vigil tallies`, `vigil verify` and a restore go through."""

from vigil.evidence import claim_tallies
from vigil.ingest import verdict_tallies
from vigil.law import tallies
from vigil.tallying import kept

# (the tally, its problems) in the order they are counted and checked.
KEPT_COUNTS = [
    (tallies.ELEMENT_TALLY, tallies.tally_problems),
    (claim_tallies.CLAIM_TALLY, claim_tallies.tally_problems),
    (verdict_tallies.VERDICT_TALLY, verdict_tallies.tally_problems),
]


def rebuild_all(*, with_triggers: bool = False) -> int:
    """Count every kept count afresh (after putting its triggers back, with_triggers); returns
    the number of the matrix's tallies."""
    counted = {}
    for tally, _problems in KEPT_COUNTS:
        if with_triggers:
            kept.install_triggers(tally)
        counted[tally.table] = kept.rebuild(tally)
    return counted[tallies.ELEMENT_TALLY.table]


def all_problems() -> list[str]:
    return [problem for _tally, problems in KEPT_COUNTS for problem in problems()]
