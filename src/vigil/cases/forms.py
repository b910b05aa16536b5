from django import forms

from vigil.cases.models import Case


class CaseForm(forms.ModelForm):
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
