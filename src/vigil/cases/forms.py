from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.cases.models import Case
from vigil.pickers import CountryField


class CaseForm(forms.ModelForm):
    country_code = CountryField(help_text=_("Where the events took place."))

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
            "is_public",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_summary(self):
        """The public summary states no figure that the public figures table does not show."""
        from vigil.dossier.publishing import check_summary

        summary = self.cleaned_data["summary"]
        check_summary(self.instance, summary)
        return summary
