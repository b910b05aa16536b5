from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vigil.accounts.models import Invitation
from vigil.audit.models import AuditEntry


class TokenForm(forms.Form):
    """The second factor at sign-in: an authenticator's six digits or a backup code, which has
    letters too, so the keyboard stays a full one (no numeric keypad) and leaves case alone."""

    token = forms.CharField(
        label=_("Code from your authenticator app (or a backup code)"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "autocorrect": "off",
                "spellcheck": "false",
            }
        ),
    )


class AuthenticatorCodeForm(forms.Form):
    """Pairing an authenticator app: only its six digits are accepted, so a numeric keypad."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class InvitationForm(forms.ModelForm):
    """Who to invite, with which role, in which case or chapter. The case and chapter lists come
    from the invitation's own foreign keys; `invitations.create_invitation` makes the invitation
    (this form is never saved)."""

    role = forms.ChoiceField(label=_("Role"), choices=Invitation.Role.choices)

    class Meta:
        model = Invitation
        fields = ["email", "role", "case", "chapter"]
        labels = {
            "email": _("Email"),
            "case": _("Case (for researchers and viewers)"),
            "chapter": _("Chapter (for coordinators and volunteers)"),
        }


class AuditFilterForm(forms.Form):
    user = forms.CharField(label=_("Who"), required=False)
    record = forms.CharField(
        label=_("Record"),
        required=False,
        help_text=_("A kind (evidence.Source) or a kind and number (evidence.Source 12)."),
    )
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("any")), *AuditEntry.Action.choices], required=False
    )
    since = forms.DateField(
        label=pgettext_lazy("the first day of a date filter", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
