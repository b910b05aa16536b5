from django.core.management.base import BaseCommand, CommandError

from vigil.cases.models import Case
from vigil.evidence.search import search_case


class Command(BaseCommand):
    help = "Search a case's source texts and claims; prints ranked hits with their snippets."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("words")
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args, case_slug, words, limit, **options):
        case = Case.objects.filter(slug=case_slug).first()
        if case is None:
            raise CommandError(f"no case with the short name {case_slug!r}")
        hits = search_case(case, words, per_page=limit)
        if not hits:
            self.stdout.write("No results.")
        for hit in hits:
            title = hit.obj.title if hit.kind == "source" else hit.obj.source.title
            snippet = str(hit.snippet).replace("<mark>", "[").replace("</mark>", "]")
            self.stdout.write(f"{hit.kind} {hit.obj.pk}: {title}\n    {snippet}")
