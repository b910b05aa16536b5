"""Between transactional tests the tables are emptied with the kept counts' last
(tests/conftest.py picks them by a name ending in "tally"), so no trigger counts down into a
count already emptied. Every kept count, found among the objects the apps have loaded, must be
named so."""

import gc

from vigil.tallying import Tally


def test_every_kept_count_s_table_is_named_as_one_so_tests_empty_it_last():
    tallies = [thing for thing in gc.get_objects() if isinstance(thing, Tally)]
    assert {tally.table for tally in tallies} >= {
        "law_elementtally",
        "evidence_claimtally",
        "ingest_ruleverdicttally",
    }
    assert [tally.table for tally in tallies if not tally.table.endswith("tally")] == []
