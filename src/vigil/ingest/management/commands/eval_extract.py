from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vigil.ingest.evaluation import KINDS, evaluate


class Command(BaseCommand):
    help = (
        "Score the extractors against hand-labelled documents: DIR/docs/NAME.txt and "
        "DIR/truth/NAME.json. Prints precision, recall and F1 per kind and overall, for each "
        "language first when the documents are in several, with each rule's true and false "
        "positives, its precision and its share of its kind's expected items."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        if not (directory / "docs").is_dir() or not (directory / "truth").is_dir():
            raise CommandError(
                _("%(folder)s must hold docs/ and truth/ folders") % {"folder": directory}
            )
        result = evaluate(directory)
        if not result.documents:
            raise CommandError(_("no labelled documents in %(folder)s") % {"folder": directory})
        if len(result.languages) > 1:
            for language, part in sorted(result.languages.items()):
                self.stdout.write(f"language {language}: {part.documents} documents")
                self._table(part)
                self.stdout.write(f"{language} overall F1 {part.overall.f1:.2f}")
                self._rules(part)
                self.stdout.write("")
            self.stdout.write("all languages:")
        else:
            self._rules(result)
            self.stdout.write("")
        self.stdout.write(f"{result.documents} documents")
        self._table(result)
        self.stdout.write(f"overall F1 {result.overall.f1:.2f}")

    def _table(self, result) -> None:
        self.stdout.write(f"{'kind':<15}{'precision':>10}{'recall':>10}{'F1':>8}  tp/fp/fn")
        for kind in KINDS:
            s = result.scores[kind]
            self.stdout.write(
                f"{kind:<15}{s.precision:>10.2f}{s.recall:>10.2f}{s.f1:>8.2f}  {s.tp}/{s.fp}/{s.fn}"
            )

    def _rules(self, result) -> None:
        """Each rule's precision, worst first, so a bad rule is seen at once."""
        self.stdout.write(f"{'rule':<44}{'precision':>10}{'share':>8}  tp/fp")
        ordered = sorted(result.rules, key=lambda r: (result.rules[r].precision, r))
        for rule in ordered:
            s = result.rules[rule]
            self.stdout.write(
                f"{rule:<44}{s.precision:>10.2f}{result.share(rule):>8.2f}  {s.tp}/{s.fp}"
            )
