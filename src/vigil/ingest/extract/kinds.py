"""What a candidate is: the kinds of fact every extractor finds, each stored on a Candidate
(`vigil.ingest.models.Candidate.Kind` is this class) and named by every extraction rule; and
the hedges that bound a figure."""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DATE = "date", _("date")
    FIGURE = "figure", _("casualty figure")
    LEGAL_REF = "legal_ref", _("legal reference")
    COUNTRY = "country", _("country")
    ORGANIZATION = "organization", _("organisation")


class Hedge(StrEnum):
    """How the words around a figure bound it ("at least", "up to", "about"), or "exact" when
    nothing does: the tables' `lower_before`, `upper_after` … are named after these."""

    LOWER = "lower"
    UPPER = "upper"
    APPROX = "approx"
    EXACT = "exact"
