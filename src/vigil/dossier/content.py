"""The content of a case's dossier, gathered once and rendered as HTML or PDF.

Only what `vigil.dossier.public` allows goes in: public sources, verified claims, verified acts.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.cases.translations import case_text
from vigil.evidence.figures import figures_table
from vigil.law import matrix
from vigil.law.models import ElementLink
from vigil.recognition import services as recognition_services
from vigil.recognition import timeline
from vigil.recognition.models import Characterisation
from vigil.recognition.translations import with_texts
from vigil.recognition.worldmap import (
    BLANK,
    COLOURS,
    printable_world_map_svg,
    recognition_marks,
)

from . import public

Progress = Callable[[int, str], None]


def _silent(percent: int, stage: str) -> None:
    pass


@dataclass
class BibliographyEntry:
    number: int
    source: object

    @property
    def label(self) -> str:
        return f"S{self.number}"


@dataclass
class KeyClaim:
    claim: object
    note: int
    entry: BibliographyEntry


@dataclass
class Dossier:
    case: object
    issued_on: datetime.date
    text: object = None  # the case's title and summary in the dossier's language (a CaseText)
    bibliography: list[BibliographyEntry] = field(default_factory=list)
    figures: list = field(default_factory=list)
    acts: list = field(default_factory=list)
    act_sources: dict = field(default_factory=dict)
    unverified_acts: int = 0
    states_recognising: int = 0
    map_svg: str = ""
    chart: dict = field(default_factory=dict)
    matrices: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    key_claims: list[KeyClaim] = field(default_factory=list)
    verified_claim_count: int = 0
    by_source: dict = field(default_factory=dict, repr=False)

    def entry_for(self, source) -> BibliographyEntry | None:
        return self.by_source.get(source.pk)


def _key_claims(claims, limit: int):
    """Verified public claims, those bearing on elements of crimes first, then dated events."""
    supporting = Q(element_links__bearing=ElementLink.Bearing.SUPPORTS)
    return (
        claims.select_related("source", "figure")
        .annotate(links=Count("element_links", filter=supporting))
        .order_by("-links", "occurred_on", "credibility", "pk")[:limit]
    )


def _add_bibliography(dossier: Dossier, case) -> dict:
    """Number the case's public sources; returns them by id."""
    sources = list(
        public.public_sources(case)
        .select_related("archived_file__trusted_timestamp__token")
        .order_by("published_on", "title")
    )
    dossier.bibliography = [BibliographyEntry(i, s) for i, s in enumerate(sources, start=1)]
    dossier.by_source = {entry.source.pk: entry for entry in dossier.bibliography}
    return {s.pk: s for s in sources}


def _add_recognition(dossier: Dossier, case, sources_by_id: dict) -> None:
    # Each act's wording in the dossier's language where a translation exists (one query).
    acts = with_texts(public.public_acts(case).prefetch_related("sources"))
    dossier.acts = acts
    dossier.act_sources = {
        act.pk: [dossier.by_source[s.pk] for s in public.public_sources_of(act, sources_by_id)]
        for act in acts
    }
    dossier.unverified_acts = public.unverified_act_count(case)
    recognitions = recognition_services.country_recognitions(acts)
    dossier.states_recognising = len(recognitions)
    labels = {value: str(label) for value, label in Characterisation.choices}
    dossier.map_svg = printable_world_map_svg(
        recognition_marks(recognitions, labels), _("Recognition by state"), blank_fill=BLANK
    )
    dossier.chart = timeline.chart(acts)
    for bar in dossier.chart.get("bars", []):
        bar.colour = COLOURS.get(bar.characterisation, "#7a8a7a")


def _add_matrix(dossier: Dossier, case, claims) -> None:
    crimes = list(matrix.considered_crimes(case))
    by_crime = matrix.case_matrix(case, crimes, claims)
    dossier.matrices = [
        (crime, rows, matrix.status_counts(rows)) for crime, rows in by_crime.items()
    ]
    dossier.gaps = matrix.gap_list(case, claims)


def build_content(
    case, *, issued_on: datetime.date | None = None, progress: Progress = _silent
) -> Dossier:
    progress(5, "sources")
    issued_on = issued_on or timezone.localdate()
    dossier = Dossier(case=case, issued_on=issued_on, text=case_text(case))
    sources_by_id = _add_bibliography(dossier, case)
    claims = public.public_claims(case)
    dossier.verified_claim_count = claims.count()

    progress(20, "figures")
    dossier.figures = figures_table(claims)

    progress(35, "recognition")
    _add_recognition(dossier, case, sources_by_id)

    progress(55, "case matrix")
    _add_matrix(dossier, case, claims)

    progress(70, "key claims")
    limit = settings.DOSSIER_KEY_CLAIMS
    for note, claim in enumerate(_key_claims(claims, limit), start=1):
        dossier.key_claims.append(KeyClaim(claim, note, dossier.by_source[claim.source_id]))
    return dossier
