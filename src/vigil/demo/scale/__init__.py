"""A deterministic archive of any size, for benchmarks and scale tests (`vigil generate-scale`).

The same seed and size give the same records. Every kind of record is there, in proportion to the
number of claims; rows go in by bulk inserts in short transactions, each with its audit entries,
and the full-text index is filled by its triggers as the rows go in.
"""

import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection

from vigil.cases.models import Case
from vigil.law.reference import install_reference_data
from vigil.recognition.actors import install_states

from . import campaign, evidence
from .chain import Chain, insert_all
from .words import Writer

# Named sizes, in claims: S2 is the size issue #21 measured (20 cases, 100,000 sources,
# 1,000,000 claims); S1 a tenth of it.
SIZES = {"S1": 100_000, "S2": 1_000_000}


@dataclass(frozen=True)
class Plan:
    """How many of each record an archive of `claims` claims holds."""

    claims: int

    def _scaled(self, per_million: int, least: int) -> int:
        return max(least, self.claims * per_million // 1_000_000)

    @property
    def cases(self) -> int:
        return min(20, max(2, round(self.claims / 50_000)))

    @property
    def sources(self) -> int:
        return max(self.cases * 2, self.claims // 10)

    # Per million claims, and at least (small archives still hold a few of each, and still grow
    # in proportion, so a test at two sizes sees every table grow).
    users = property(lambda self: self._scaled(200, 3))
    bodies = property(lambda self: self._scaled(2_000, 1))
    acts = property(lambda self: self._scaled(5_000, 2))
    targets = property(lambda self: self._scaled(2_000, self.cases))
    chapters = property(lambda self: self._scaled(100, 1))
    members = property(lambda self: self._scaled(20_000, 5))
    contacts = property(lambda self: self._scaled(10_000, 3))
    events = property(lambda self: self._scaled(2_000, 1))
    tasks = property(lambda self: self._scaled(5_000, 2))
    replies_per_event = 25


def plan_for(size: str) -> Plan:
    """S1, S2, or a number of claims."""
    if size.upper() in SIZES:
        return Plan(SIZES[size.upper()])
    claims = int(size.replace("_", ""))
    if claims < 1:
        raise ValueError("the size must be S1, S2 or a positive number of claims")
    return Plan(claims)


def already_generated(seed: int) -> bool:
    return Case.objects.filter(slug__startswith=f"scale-{seed}-").exists()


def generate(plan: Plan, seed: int = 1, progress=lambda step: None) -> dict[str, int]:
    """Write the archive the plan describes; returns how many rows of each kind were written."""
    install_reference_data()
    install_states()
    writer = Writer(random.Random(seed))
    chain = Chain()
    progress("people")
    users = _users(chain, writer, plan.users, seed)
    cases = evidence.cases(chain, writer, plan.cases, seed, users)
    cited = {}
    for number, case in enumerate(cases):
        progress(f"evidence of case {number + 1} of {len(cases)}")
        share = _share(plan.sources, len(cases), number), _share(plan.claims, len(cases), number)
        cited[case.pk] = evidence.evidence(chain, writer, case, *share, users)
    progress("recognition")
    campaign.recognition(chain, writer, cases, plan, cited)
    progress("campaigns")
    campaign.campaigns(chain, writer, cases, plan, users)
    progress("statistics")
    with connection.cursor() as cursor:
        # The planner's statistics, and on PostgreSQL the GIN indexes' pending entries merged:
        # what autovacuum would have done by the time a real archive reached this size (VACUUM
        # cannot run inside a transaction, as in a test).
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return {"cases": len(cases), "audit entries": chain.written}


def _share(total: int, parts: int, index: int) -> int:
    return total // parts + (1 if index < total % parts else 0)


def _users(chain: Chain, writer: Writer, count: int, seed: int) -> list:
    user_model = get_user_model()
    unusable = make_password(None)
    rows = (
        user_model(username=f"scale-{seed}-{n:05d}", password=unusable, first_name=writer.name())
        for n in range(count)
    )
    return insert_all(chain, user_model, rows)
