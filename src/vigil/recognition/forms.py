from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models import Source
from vigil.partial_dates import PartialDateFormField
from vigil.recognition.actors import is_country_code
from vigil.recognition.models import Actor, RecognitionAct, Target

ACT_FIELDS = ["actor", "instrument", "characterisation", "wording", "status", "review", "notes"]


class ActorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.kind == Actor.Kind.STATE:
            return f"{obj.display_name} ({obj.country_code})"
        return f"{obj.name} — {obj.get_kind_display()}"


class RecognitionActForm(forms.ModelForm):
    actor = ActorChoiceField(queryset=Actor.objects.order_by("kind", "name"), label=_("Actor"))
    when = PartialDateFormField(
        label=_("Date"),
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; leave empty if unknown."),
    )
    sources = forms.ModelMultipleChoiceField(
        queryset=Source.objects.none(),
        required=False,
        label=_("Sources"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("From this case's archive. An act without a source is listed as unsourced."),
    )

    class Meta:
        model = RecognitionAct
        fields = ACT_FIELDS
        widgets = {
            "wording": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    field_order = ["actor", "when", *ACT_FIELDS[1:], "sources"]

    def __init__(self, *args, case, sources_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case
        self.fields["sources"].queryset = sources_queryset
        if self.instance.pk:
            self.initial["when"] = self.instance.date_iso
            self.initial["sources"] = list(self.instance.sources.values_list("pk", flat=True))

    def act_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ACT_FIELDS}
        when = self.cleaned_data.get("when")
        data["date"], data["date_precision"] = when or (None, "day")
        return data


class ActorForm(forms.ModelForm):
    class Meta:
        model = Actor
        fields = ["name", "kind", "country_code", "parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Actor.objects.order_by("kind", "name")

    def clean_country_code(self):
        code = self.cleaned_data["country_code"].strip().upper()
        if code and not is_country_code(code):
            raise forms.ValidationError(
                _("%(code)s is not an ISO 3166-1 alpha-3 code.") % {"code": code}
            )
        return code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Actor.Kind.STATE:
            raise forms.ValidationError(_("States are preloaded; add their bodies instead."))
        return cleaned


class TargetForm(forms.ModelForm):
    actor = ActorChoiceField(queryset=Actor.objects.order_by("kind", "name"), label=_("Actor"))

    class Meta:
        model = Target
        fields = ["actor", "stage", "owner", "chapter", "next_step", "due_date", "notes"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class TargetEditForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["owner", "chapter", "next_step", "due_date", "notes"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class MoveForm(forms.Form):
    stage = forms.ChoiceField(choices=Target.Stage.choices, label=_("Move to"))
    note = forms.CharField(required=False, max_length=2000, label=_("Note"))
