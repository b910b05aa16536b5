from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from vigil.cases.commands import case_named
from vigil.evidence.search import search_case


class Command(BaseCommand):
    help = "Search a case's source texts and claims; prints ranked hits with their snippets."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("words")
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args, case_slug, words, limit, **options):
        case = case_named(case_slug)
        hits = search_case(case, words, per_page=limit)
        if not hits:
            self.stdout.write(_("No results."))
        for hit in hits:
            title = hit.obj.title if hit.kind == "source" else hit.obj.source.title
            snippet = str(hit.snippet).replace("<mark>", "[").replace("</mark>", "]")
            self.stdout.write(f"{hit.kind} {hit.obj.pk}: {title}\n    {snippet}")
