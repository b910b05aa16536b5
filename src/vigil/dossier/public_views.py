"""The public face of a case: no sign-in, and only what vigil.dossier.public lets out."""

import json
from collections.abc import Iterable, Iterator
from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from vigil.addresses import address_of
from vigil.campaigns.models import MaterialVersion
from vigil.cases.models import Case
from vigil.cases.translations import case_text
from vigil.evidence import archive
from vigil.evidence.figures import (
    FIGURE_COLUMNS,
    PUBLIC_PAGE_COLUMNS,
    figure_rows,
    paged_figure_groups,
)
from vigil.paging import paginate
from vigil.public_cache import cache as public_cache
from vigil.recognition import services as recognition_services
from vigil.recognition.models import Characterisation
from vigil.recognition.translations import with_texts
from vigil.recognition.worldmap import recognition_marks, world_map_svg
from vigil.tabular import EXPORT_CHUNK, csv_download, in_chunks, json_download

from . import public


def _public_case(slug) -> Case:
    return get_object_or_404(Case, slug=slug, is_public=True)


def case_scope(slug, **url_kwargs) -> str:
    """The public pages of a case show that case alone."""
    return public_cache.case_scope(slug)


def _next_event_end(events):
    """When the first of these upcoming events ends and leaves the page, or None."""
    return min((event.ends_at for event in events), default=None)


# The open data's columns in CSV; the JSON gives the same keys (and, for the acts, the language
# of the wording it gives). A CSV cell holding a list (an act's sources) holds it as JSON.
ACT_COLUMNS = [
    "id",
    "url",
    "date",
    "actor",
    "country",
    "actor_kind",
    "instrument",
    "characterisation",
    "wording",
    "original_language",
    "status",
    "sources",
]
SOURCE_COLUMNS = [
    "id",
    "url",
    "title",
    "author",
    "date",
    "kind",
    "standing",
    "reliability",
    "web_address",
    "sha256",
]
PUBLIC_FIGURE_COLUMNS = [column for column in FIGURE_COLUMNS if column != "source_id"]


def act_rows(case, request, *, translated=False) -> Iterator[dict]:
    """The public acts, with their quoted wording and the language it is in, and their public
    sources; `translated` gives each act's wording in the reader's language where a translation
    exists (the JSON), saying which language it is in. Read a chunk at a time, with one query
    for the chunk's sources and one for its translations."""
    acts = public.public_acts(case).prefetch_related(
        Prefetch("sources", queryset=public.public_sources(case), to_attr="public_sources")
    )
    for chunk in in_chunks(acts):
        for act in with_texts(chunk) if translated else chunk:
            yield {
                "id": act.pk,
                "url": address_of(act, request),
                "date": act.date_iso,
                "actor": act.actor.display_name,
                "country": act.actor.country_code,
                "actor_kind": act.actor.kind,
                "instrument": act.instrument,
                "characterisation": act.characterisation,
                "wording": act.text.wording if translated else act.wording,
                **({"wording_language": act.text.language} if translated else {}),
                "original_language": act.original_language,
                "status": act.status,
                "sources": [s.url or s.title for s in act.public_sources],
            }


def source_rows(case, request) -> Iterator[dict]:
    sources = (
        public.public_sources(case)
        .select_related("case", "archived_file")
        .defer("text")  # long, and not in the open data
    )
    for s in sources.iterator(chunk_size=EXPORT_CHUNK):
        yield {
            "id": s.pk,
            "url": address_of(s, request),
            "title": s.title,
            "author": s.author,
            "date": s.published_iso,
            "kind": s.kind,
            "standing": s.standing,
            "reliability": s.reliability_grade,
            "web_address": s.url,
            "sha256": s.archived_file.sha256 if s.archived_file else "",
        }


def public_figure_rows(case, request) -> Iterator[dict]:
    for row in figure_rows(public.public_claims(case), request):
        del row["source_id"]  # a source's number says nothing outside Vigil; its title does
        yield row


DATASETS = {"recognitions": act_rows, "figures": public_figure_rows, "sources": source_rows}
CSV_COLUMNS = {
    "recognitions": ACT_COLUMNS,
    "figures": PUBLIC_FIGURE_COLUMNS,
    "sources": SOURCE_COLUMNS,
}
# What the public page calls each dataset; its key stays the file's name in every language.
# The JSON gives the reader's language where a translation exists; the CSV, the quoted original.
JSON_DATASETS = {**DATASETS, "recognitions": partial(act_rows, translated=True)}
DATASET_TITLES = {
    "recognitions": _("Recognition acts"),
    "figures": _("Figures"),
    "sources": _("Sources"),
}


def _csv_cells(rows: Iterable[dict]) -> Iterator[dict]:
    for row in rows:
        yield {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
            for k, v in row.items()
        }


# A case's public page shows every category of figures and the acts a page at a time, so it
# weighs the same for a case with ten thousand published figures as for one with ten.
PUBLIC_FIGURES_PER_PAGE = 10
PUBLIC_ACTS_PER_PAGE = 50


@public_cache.public_page(case_scope)
@login_not_required
@require_safe
def case_page(request, slug):
    case = _public_case(slug)
    acts = paginate(request, public.public_acts(case), PUBLIC_ACTS_PER_PAGE, param="acts_page")
    acts.object_list = with_texts(acts.object_list)
    recognitions = recognition_services.country_summaries(public.public_acts(case))
    labels = {value: str(label) for value, label in Characterisation.choices}
    figures = paged_figure_groups(
        request, public.public_claims(case), PUBLIC_FIGURES_PER_PAGE, PUBLIC_PAGE_COLUMNS
    )
    context = {
        "public_case": case,
        "text": case_text(case),
        "figures": figures,
        "acts": acts,
        "map": world_map_svg(recognition_marks(recognitions, labels), _("Recognition by state")),
        "states_recognising": len(recognitions),
        "legend": Characterisation.choices,
        "events": list(public.upcoming_public_events(case)[:20]),
        "materials": public.public_materials(case),
        "datasets": DATASET_TITLES.items(),
    }
    response = render(request, "dossier/public_case.html", context)
    return public_cache.valid_until(response, _next_event_end(context["events"]))


@public_cache.public_page(case_scope)
@login_not_required
@require_safe
def open_data(request, slug, dataset, fmt):
    """A public dataset of the case as CSV or JSON, streamed as it is read (see
    vigil.public_cache for how a visitor after the first is served it from the cache)."""
    case = _public_case(slug)
    if dataset not in DATASETS or fmt not in ("csv", "json"):
        raise Http404
    if fmt == "json":
        return json_download({"case": case.slug}, dataset, JSON_DATASETS[dataset](case, request))
    rows = _csv_cells(DATASETS[dataset](case, request))
    return csv_download(rows, CSV_COLUMNS[dataset], f"{case.slug}-{dataset}.csv")


@login_not_required
@require_safe
def material_file(request, pk, language):
    """A public material's latest approved version in `language`; anything else answers 404."""
    version = public.public_material_version(pk, language)
    if version is None:
        raise Http404("No public material here.")
    name = version.archived_file.original_name or f"material-{pk}-{language}"
    return archive.download_response(version.archived_file.sha256, name)


@login_not_required
@require_safe
def material_version_link(request, pk):
    """Addresses given out before approval covered versions named a version: they now lead to
    the public address of that version's material and language."""
    version = get_object_or_404(
        MaterialVersion, pk=pk, material__is_public=True, approved_at__isnull=False
    )
    return redirect("public_material", version.material_id, version.language, permanent=True)


class CaseFeed(Feed):
    """New recognition acts and public events of a case, as Atom."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # One feed object serves every request: what a request found is kept on its own case.
        case = getattr(request, "public_case", None)
        return public_cache.valid_until(response, getattr(case, "next_event_end", None))

    def get_object(self, request, slug):
        request.public_case = _public_case(slug)
        return request.public_case

    def title(self, case):
        return _("%(case)s: recognition and events") % {"case": case.title}

    def link(self, case):
        return reverse("public_case", args=[case.slug])

    def subtitle(self, case):
        return _("Verified recognition acts and public events, from Vigil.")

    def items(self, case):
        acts = with_texts(public.public_acts(case))
        events = list(public.upcoming_public_events(case))
        case.next_event_end = _next_event_end(events)
        return sorted(acts + events, key=self.item_pubdate, reverse=True)[:50]

    def item_title(self, item):
        if hasattr(item, "characterisation"):
            return f"{item.actor.display_name}: {item.get_characterisation_display()}"
        return item.title

    def item_description(self, item):
        if hasattr(item, "characterisation"):
            return f"“{item.text.wording}” ({item.get_instrument_display()}, {item.date_display})"
        return f"{item.local_start:%Y-%m-%d %H:%M} ({item.time_zone}), {item.city}"

    def item_link(self, item):
        if hasattr(item, "characterisation"):
            return reverse("public_case", args=[item.case.slug]) + f"#act-{item.pk}"
        return item.get_public_url()

    def item_pubdate(self, item):
        return item.created_at if hasattr(item, "characterisation") else item.starts_at

    def item_updateddate(self, item):
        return self.item_pubdate(item)
