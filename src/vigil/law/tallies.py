"""The matrix's tallies (law.ElementTally) kept in step with the links, claims and sources by the
database itself: triggers on the three tables add or take away, in the same statement as the
write, the links that move from one kind to another, whoever writes (a service, `bulk_create`,
`update()`, a cascade, a load). A link's kind is its case, element and bearing, its claim's review
status, and its source's grade, standing, side and access level.

How the triggers count, and how they stand aside while SQLite migrates, is vigil.tallying's;
what they count is vigil.law.tally_sql's.
"""

from django.utils.translation import gettext as _

from vigil.law.tally_sql import ELEMENT_TALLY
from vigil.tallying import kept

MIGRATION = ("law", "0003_element_tallies")


def tally_problems(limit: int = 20) -> list[str]:
    """One line per kind of link whose tally differs from a fresh count, and per missing
    trigger; empty when the tallies match the links. Reads every link once."""
    problems = kept.trigger_problems(
        ELEMENT_TALLY, _("the matrix tally trigger %(name)s is missing (run `vigil migrate`)")
    )
    rows = kept.differing_kinds(ELEMENT_TALLY, "case_id, element_id, bearing", limit + 1)
    for case_id, element_id, bearing in rows[:limit]:
        problems.append(
            _(
                "the matrix tally of case #%(case)s, element #%(element)s (%(bearing)s) differs "
                "from its links"
            )
            % {"case": case_id, "element": element_id, "bearing": bearing}
        )
    if len(rows) > limit:
        problems.append(_("… and more matrix tally problems"))
    return problems
