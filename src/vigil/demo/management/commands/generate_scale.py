import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vigil.demo import scale


class Command(BaseCommand):
    help = (
        "Generate a deterministic archive for benchmarks and scale tests: S1 (100,000 claims), "
        "S2 (1,000,000 claims in 20 cases with 100,000 sources) or a number of claims, with "
        "every other kind of record in proportion. Meant for a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", default="S1", help="S1, S2 or a number of claims")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, size, seed, **options):
        try:
            plan = scale.plan_for(size)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if scale.already_generated(seed):
            raise CommandError(
                _("an archive with seed %(seed)s is already in this database") % {"seed": seed}
            )
        began = time.monotonic()

        def progress(step):
            self.stderr.write(f"[{time.monotonic() - began:7.1f} s] {step}")

        counts = scale.generate(plan, seed=seed, progress=progress)
        self.stdout.write(
            _(
                "Generated %(cases)s cases, %(sources)s sources, about %(claims)s claims and "
                "%(entries)s audit entries in %(seconds)s s."
            )
            % {
                "cases": counts["cases"],
                "sources": plan.sources,
                "claims": plan.claims,
                "entries": counts["audit entries"],
                "seconds": round(time.monotonic() - began),
            }
        )
