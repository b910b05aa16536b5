from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models import Claim, Figure, ReliabilityGrade, Source
from vigil.partial_dates import PartialDateFormField
from vigil.uploads import UploadField

METADATA_FIELDS = [
    "kind",
    "title",
    "author",
    "language",
    "standing",
    "side",
    "reliability_grade",
    "reliability_reason",
    "access_level",
    "accessed_on",
]


class SourceMetadataForm(forms.ModelForm):
    published = PartialDateFormField(label=_("Date"), required=False)

    class Meta:
        model = Source
        fields = METADATA_FIELDS
        widgets = {
            "reliability_reason": forms.Textarea(attrs={"rows": 2}),
            "accessed_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.published_on:
            self.initial["published"] = self.instance.published_iso

    def metadata(self) -> dict:
        """The cleaned metadata, with the partial date split into date and precision."""
        data = {name: self.cleaned_data[name] for name in METADATA_FIELDS}
        published = self.cleaned_data.get("published")
        data["published_on"], data["published_precision"] = published or (None, "day")
        return data

    def clean(self):
        cleaned = super().clean()
        grade = cleaned.get("reliability_grade")
        if grade and grade != "F" and not cleaned.get("reliability_reason", "").strip():
            self.add_error("reliability_reason", _("Say why you give this grade."))
        return cleaned


class SourceUploadForm(SourceMetadataForm):
    file = UploadField(label=_("File"), help_text=_("PDF, HTML, DOCX or plain text."))

    field_order = ["file"]


class SourceWebForm(SourceMetadataForm):
    url = forms.URLField(label=_("Web address"), max_length=1000, assume_scheme="https")
    text = forms.CharField(
        label=_("Text of the page"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Paste the text as the page shows it; it is archived as given."),
    )

    field_order = ["url", "text"]


class SourceTextForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 24}), strip=False, max_length=None
    )
    note = forms.CharField(
        label=_("What you changed and why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept with the new version, e.g. “OCR misread the figure on page 3”."),
    )


class ClaimForm(forms.ModelForm):
    occurred = PartialDateFormField(label=_("Date of the event"), required=False)
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", "—"), *Figure.Category.choices], required=False
    )
    value = forms.IntegerField(label=_("Value"), min_value=0, required=False)
    low = forms.IntegerField(label=_("Low"), min_value=0, required=False)
    high = forms.IntegerField(label=_("High"), min_value=0, required=False)
    population = forms.CharField(label=_("Who is counted"), max_length=300, required=False)

    class Meta:
        model = Claim
        fields = [
            "statement",
            "claim_type",
            "locator",
            "credibility",
            "review_status",
            "review_note",
            "occurred_until",
        ]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 3}),
            "review_note": forms.Textarea(attrs={"rows": 2}),
            "occurred_until": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        claim = self.instance
        if claim.pk:
            self.initial["occurred"] = claim.occurred_on and claim.occurred_on.isoformat()
            figure = getattr(claim, "figure", None) if claim.claim_type == "figure" else None
            if figure is not None:
                self.initial.update(category=figure.category, population=figure.population)
                if figure.is_exact:
                    self.initial["value"] = figure.low
                else:
                    self.initial.update(low=figure.low, high=figure.high)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("claim_type") != Claim.Type.FIGURE:
            return cleaned
        if not cleaned.get("category"):
            self.add_error("category", _("A casualty figure needs its category."))
        value, low, high = cleaned.get("value"), cleaned.get("low"), cleaned.get("high")
        if value is not None and (low is not None or high is not None):
            self.add_error("value", _("Give either one value or a range, not both."))
        elif value is None and low is None and high is None:
            self.add_error("value", _("Give a value, or at least one end of a range."))
        elif low is not None and high is not None and low > high:
            self.add_error(
                "high",
                _("The low end (%(low)s) is above the high end (%(high)s).")
                % {"low": low, "high": high},
            )
        return cleaned

    def _post_clean(self):
        # The model's own checks read the date the claim will hold: the one entered here.
        if "occurred" in self.cleaned_data:
            occurred = self.cleaned_data["occurred"]
            self.instance.occurred_on, self.instance.occurred_precision = occurred or (None, "day")
        super()._post_clean()

    def _update_errors(self, errors):
        # The model names the date occurred_on; the form's field for it is `occurred`.
        if hasattr(errors, "error_dict") and "occurred_on" in errors.error_dict:
            errors.error_dict["occurred"] = errors.error_dict.pop("occurred_on")
        super()._update_errors(errors)

    def claim_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        occurred = self.cleaned_data.get("occurred")
        data["occurred_on"], data["occurred_precision"] = occurred or (None, "day")
        return data

    def figure_fields(self) -> dict | None:
        if self.cleaned_data.get("claim_type") != Claim.Type.FIGURE:
            return None
        value = self.cleaned_data.get("value")
        low, high = (
            (value, value)
            if value is not None
            else (self.cleaned_data.get("low"), self.cleaned_data.get("high"))
        )
        return {
            "category": self.cleaned_data["category"],
            "low": low,
            "high": high,
            "population": self.cleaned_data.get("population", ""),
        }


class ReviewForm(forms.Form):
    status = forms.ChoiceField(choices=Claim.Review.choices)
    note = forms.CharField(required=False, max_length=2000)


class SourceFilterForm(forms.Form):
    """The source list's filters; an unknown value is ignored rather than refused."""

    q = forms.CharField(label=_("Title or author"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("any")), *Source.Kind.choices]
    )
    access = forms.ChoiceField(
        label=_("Access"), required=False, choices=[("", _("any")), *Source.Access.choices]
    )
    grade = forms.ChoiceField(
        label=_("Reliability"),
        required=False,
        choices=[("", _("any")), *ReliabilityGrade.choices],
    )

    def apply(self, sources):
        if not self.is_valid():
            return sources
        data = self.cleaned_data
        if data["q"]:
            sources = sources.filter(Q(title__icontains=data["q"]) | Q(author__icontains=data["q"]))
        if data["kind"]:
            sources = sources.filter(kind=data["kind"])
        if data["access"]:
            sources = sources.filter(access_level=data["access"])
        if data["grade"]:
            sources = sources.filter(reliability_grade=data["grade"])
        return sources
