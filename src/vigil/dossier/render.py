"""Rendering a dossier: one HTML template for the page and the PDF (WeasyPrint)."""

from django.template.loader import render_to_string

from vigil.law import matrix
from vigil.recognition.models import Characterisation
from vigil.recognition.worldmap import COLOURS

from .content import Dossier


def render_html(dossier: Dossier, *, for_print: bool = False) -> str:
    context = {
        "d": dossier,
        "for_print": for_print,
        "legend": [(v, label, COLOURS[v]) for v, label in Characterisation.choices],
        "act_sources": dossier.act_sources,
        "source_numbers": {e.source.pk: e.number for e in dossier.bibliography},
        "rule": matrix.rule(),
    }
    return render_to_string("dossier/dossier.html", context)


def render_pdf(dossier: Dossier) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(dossier, for_print=True)).write_pdf()
