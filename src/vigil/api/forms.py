import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.api.models import ApiToken

LIFETIMES = [(30, _("30 days")), (90, _("90 days")), (365, _("a year"))]


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the chapter's spreadsheet."),
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=ApiToken.Scope.choices)
    lifetime = forms.TypedChoiceField(
        label=_("Expires after"), choices=LIFETIMES, coerce=int, initial=90
    )

    def expires_at(self) -> datetime.datetime:
        return timezone.now() + datetime.timedelta(days=self.cleaned_data["lifetime"])
