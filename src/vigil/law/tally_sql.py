"""The matrix's tally (see vigil.law.tallies and vigil.tallying): each watched table's changed
row as the kinds of link it moves, +1 or -1, and every kind counted afresh.

Every SQL text here is assembled from this module's constants, never from input.
"""

from vigil.tallying import Tally, Watched

TABLE = "law_elementtally"
KIND = "case_id, element_id, bearing, review_status, grade, standing, side, access_level"

# Each row: a link's kind and +1 or -1, from three tables; {row} is NEW or OLD, {sign} 1 or -1.
_OF_LINK = (
    "SELECT {row}.case_id AS case_id, {row}.element_id AS element_id, {row}.bearing AS bearing, "
    "c.review_status AS review_status, s.reliability_grade AS grade, s.standing AS standing, "
    "s.side AS side, s.access_level AS access_level, {sign} AS links "
    "FROM evidence_claim c JOIN evidence_source s ON s.id = c.source_id WHERE c.id = {row}.claim_id"
)
_OF_CLAIM = (
    "SELECT l.case_id AS case_id, l.element_id AS element_id, l.bearing AS bearing, "
    "{row}.review_status AS review_status, s.reliability_grade AS grade, s.standing AS standing, "
    "s.side AS side, s.access_level AS access_level, {sign} AS links "
    "FROM law_elementlink l JOIN evidence_source s ON s.id = {row}.source_id "
    "WHERE l.claim_id = {row}.id"
)
_OF_SOURCE = (
    "SELECT l.case_id AS case_id, l.element_id AS element_id, l.bearing AS bearing, "
    "c.review_status AS review_status, {row}.reliability_grade AS grade, "
    "{row}.standing AS standing, {row}.side AS side, {row}.access_level AS access_level, "
    "{sign} AS links FROM evidence_claim c JOIN law_elementlink l ON l.claim_id = c.id "
    "WHERE c.source_id = {row}.id"
)
# Every link's kind from the tables themselves: what the tallies must equal.
FRESH = (
    "SELECT l.case_id AS case_id, l.element_id AS element_id, l.bearing AS bearing, "
    "c.review_status AS review_status, s.reliability_grade AS grade, s.standing AS standing, "
    "s.side AS side, s.access_level AS access_level, COUNT(*) AS links "
    "FROM law_elementlink l JOIN evidence_claim c ON c.id = l.claim_id "
    "JOIN evidence_source s ON s.id = c.source_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
)

# A new claim or source has no links yet: only a link's own insert or delete moves a count.
ELEMENT_TALLY = Tally(
    table=TABLE,
    kind=KIND,
    count="links",
    suffix="tally",
    watched={
        "law_elementlink": Watched(
            _OF_LINK, ("case_id", "element_id", "bearing", "claim_id"), inserts_and_deletes=True
        ),
        "evidence_claim": Watched(
            _OF_CLAIM, ("review_status", "source_id"), inserts_and_deletes=False
        ),
        "evidence_source": Watched(
            _OF_SOURCE,
            ("reliability_grade", "standing", "side", "access_level"),
            inserts_and_deletes=False,
        ),
    },
    fresh=FRESH,
)
