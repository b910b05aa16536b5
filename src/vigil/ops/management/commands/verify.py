from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vigil.audit import checkpoints
from vigil.audit.drift import drift_problems
from vigil.audit.log import verify_chain
from vigil.audit.models import AuditEntry
from vigil.evidence import claim_tallies, timestamps
from vigil.evidence.archive import verify_archive
from vigil.evidence.models import ArchivedFile
from vigil.evidence.search_index import index_problems
from vigil.ingest import verdict_tallies
from vigil.law.tallies import tally_problems


class Command(BaseCommand):
    help = (
        "Re-hash every archived file and the whole audit chain, check it against the checkpoints "
        "and every audited row against its latest audit entry, check the trusted timestamps, and "
        "compare the search index with the sources and claims, the matrix's tallies with the "
        "links, the cases' claim counts with the claims and the rules' verdict counts with the "
        "candidates. Names each mismatch and exits non-zero when anything was altered."
    )

    def handle(self, *args, **options):
        chain = verify_chain() + checkpoints.checkpoint_problems()
        found = {
            "archived file(s)": verify_archive(),
            "audit problem(s)": chain,
            "row(s) changed outside Vigil": drift_problems(),
            "timestamp problem(s)": timestamps.timestamp_problems(),
            "search index problem(s)": index_problems(),
            "matrix tally problem(s)": tally_problems(),
            "claim count problem(s)": claim_tallies.tally_problems(),
            "rule verdict count problem(s)": verdict_tallies.tally_problems(),
        }
        for problems in found.values():
            for problem in problems:
                self.stderr.write(self.style.ERROR(problem))
        self.stdout.write(timestamps.status_line())
        if any(found.values()):
            counts = ", ".join(f"{len(problems)} {kind}" for kind, problems in found.items())
            raise CommandError(
                _(
                    "integrity check failed: %(counts)s (`vigil reindex` rebuilds the search "
                    "index, `vigil tallies --rebuild` the kept counts)"
                )
                % {"counts": counts}
            )
        # Only an intact chain is worth remembering: a later cut or rewrite is then caught.
        checkpoints.checkpoint_head()
        files, entries = ArchivedFile.objects.count(), AuditEntry.objects.count()
        counted = {
            "files": ngettext("%(n)s archived file", "%(n)s archived files", files) % {"n": files},
            "entries": ngettext("%(n)s audit entry", "%(n)s audit entries", entries)
            % {"n": entries},
        }
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "OK: %(files)s and %(entries)s verified, every audited row matches its audit "
                    "log; the search index matches the sources and claims, the matrix's tallies "
                    "the links, the claim counts the claims and the rules' verdicts the "
                    "candidates."
                )
                % counted
            )
        )
