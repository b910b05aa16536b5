from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vigil.ops import kept_counts


class Command(BaseCommand):
    help = (
        "Compare the case matrix's tallies (how many links of each element have each bearing, "
        "review status, grade, voice and access level), the cases' claim counts and the "
        "extraction rules' verdict counts with a fresh count of the links, claims and "
        "candidates, or with --rebuild count them afresh. Triggers keep them in step on every "
        "write; a rebuild repairs them if anything went around the triggers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="count every link, claim and judged candidate afresh",
        )

    def handle(self, *args, **options):
        if options["rebuild"]:
            count = kept_counts.rebuild_all(with_triggers=True)
            self.stdout.write(
                ngettext(
                    "Counted the links into %(n)s tally.",
                    "Counted the links into %(n)s tallies.",
                    count,
                )
                % {"n": count}
            )
            return
        problems = kept_counts.all_problems()
        for problem in problems:
            self.stderr.write(self.style.ERROR(problem))
        if problems:
            raise CommandError(
                _(
                    "the kept counts (the matrix's tallies, the claim counts or the rules' "
                    "verdicts) differ from what they count (`vigil tallies --rebuild`)"
                )
            )
        self.stdout.write(
            _(
                "The matrix's tallies match the links, the claim counts the claims and the "
                "rules' verdicts the candidates."
            )
        )
