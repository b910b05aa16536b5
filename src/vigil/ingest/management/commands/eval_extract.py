from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vigil.ingest.evaluation import KINDS, evaluate


class Command(BaseCommand):
    help = (
        "Score the extractors against hand-labelled documents: DIR/docs/NAME.txt and "
        "DIR/truth/NAME.json. Prints precision, recall and F1 per kind and overall."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        if not (directory / "docs").is_dir() or not (directory / "truth").is_dir():
            raise CommandError(f"{directory} must hold docs/ and truth/ folders")
        result = evaluate(directory)
        if not result.documents:
            raise CommandError(f"no labelled documents in {directory}")
        self.stdout.write(f"{result.documents} documents")
        self.stdout.write(f"{'kind':<15}{'precision':>10}{'recall':>10}{'F1':>8}  tp/fp/fn")
        for kind in KINDS:
            s = result.scores[kind]
            self.stdout.write(
                f"{kind:<15}{s.precision:>10.2f}{s.recall:>10.2f}{s.f1:>8.2f}  {s.tp}/{s.fp}/{s.fn}"
            )
        self.stdout.write(f"overall F1 {result.overall.f1:.2f}")
