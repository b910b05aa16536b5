"""The forms of a case: opening and editing one (its public summary checked against the public
figures, as publishing does) and translating its title and summary."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from vigil.cases.models import Case, CaseTranslation
from vigil.dossier.publishing import check_summary
from vigil.pickers import CountryField


class CaseForm(forms.ModelForm):
    country_code = CountryField(help_text=_("Where the events took place."))
    original_language = forms.ChoiceField(
        label=_("language of the title and summary"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("The language they were written in; translations into others are kept apart."),
    )

    def clean_original_language(self):
        return self.cleaned_data["original_language"] or self.instance.original_language

    class Meta:
        model = Case
        fields = [
            "title",
            "slug",
            "start_date",
            "end_date",
            "place",
            "country_code",
            "summary",
            "original_language",
            "is_public",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_summary(self):
        """The public summary states no figure that the public figures table does not show."""
        summary = self.cleaned_data["summary"]
        check_summary(self.instance, summary)
        return summary


class CaseTranslationForm(forms.ModelForm):
    """A case's title and summary in another language. A translation adds no fact: its summary
    states no number the original does not (so no figure the public table does not show)."""

    class Meta:
        model = CaseTranslation
        fields = ["title", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def clean_summary(self):
        from vigil.cases.translations import numbers_in
        from vigil.formats import grouped

        summary = self.cleaned_data["summary"]
        added = sorted(numbers_in(summary) - numbers_in(self.case.summary))
        if added:
            raise forms.ValidationError(
                _("The original does not state %(numbers)s: a translation adds no number.")
                % {"numbers": ", ".join(grouped(number) for number in added)}
            )
        return summary
