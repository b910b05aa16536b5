from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.accounts.scoping import ScopedModelForm
from vigil.countries import sort_key
from vigil.evidence.source_picker import SourcesField
from vigil.partial_dates import PartialDateFormField
from vigil.pickers import CountryField, ModelPicker
from vigil.recognition.choices import actor_label
from vigil.recognition.models import (
    Actor,
    Characterisation,
    RecognitionAct,
    RecognitionActTranslation,
    Target,
)

ACT_FIELDS = [
    "actor",
    "instrument",
    "characterisation",
    "wording",
    "original_language",
    "status",
    "review",
    "notes",
]


class _ByLabel(forms.models.ModelChoiceIterator):
    """Offers the actors in the order of the names shown, states and bodies together."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(actor) for actor in self.queryset]
        yield from sorted(choices, key=lambda choice: sort_key(choice[1]))


class ActorChoiceField(forms.ModelChoiceField):
    """The one actor picker of every form: searchable by name or code, each actor once."""

    widget = ModelPicker
    iterator = _ByLabel

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("label", _("Actor"))
        super().__init__(Actor.objects.all() if queryset is None else queryset, **kwargs)

    def label_from_instance(self, obj):
        return actor_label(obj)


class RecognitionActForm(forms.ModelForm):
    actor = ActorChoiceField()
    when = PartialDateFormField(
        label=_("Date"),
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; leave empty if unknown."),
    )
    sources = SourcesField(
        required=False,
        label=_("Sources"),
        help_text=_(
            "From this case's archive, by number, separated by commas (a source's number ends "
            "its address, as in …/sources/123/). An act without a source is listed as unsourced."
        ),
    )

    def clean_original_language(self):
        # A form without the field (an older page, a script) keeps the act's language.
        return self.cleaned_data["original_language"] or self.instance.original_language

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
        self.fields["sources"].point_at(sources_queryset, case)
        self.fields["original_language"].required = False
        if self.instance.pk:
            self.initial["when"] = self.instance.date_iso
            self.initial["sources"] = list(self.instance.sources.values_list("pk", flat=True))

    def act_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ACT_FIELDS}
        when = self.cleaned_data.get("when")
        data["date"], data["date_precision"] = when or (None, "day")
        return data


class ActTranslationForm(forms.ModelForm):
    """An act's wording in another language: the words of the act translated, nothing added."""

    class Meta:
        model = RecognitionActTranslation
        fields = ["wording"]
        widgets = {"wording": forms.Textarea(attrs={"rows": 4})}


class ActorForm(forms.ModelForm):
    country_code = CountryField()
    parent = ActorChoiceField(label=_("Part of"), required=False)

    class Meta:
        model = Actor
        fields = ["name", "kind", "country_code", "parent"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Actor.Kind.STATE:
            raise forms.ValidationError(_("States are preloaded; add their bodies instead."))
        return cleaned


class TargetForm(ScopedModelForm):
    actor = ActorChoiceField()

    class Meta:
        model = Target
        fields = ["actor", "stage", "owner", "chapter", "next_step", "due_date", "notes"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    # A target may be any body; one not among the actors yet is named here and added with it.
    new_body_name = forms.CharField(
        label=_("Or a body not in the list"),
        max_length=300,
        required=False,
        help_text=_("A parliament, chamber, committee, organisation …: it joins the actors."),
    )
    new_body_kind = forms.ChoiceField(
        label=_("Its kind"),
        required=False,
        choices=[("", "---------")]
        + [(value, label) for value, label in Actor.Kind.choices if value != Actor.Kind.STATE],
    )
    new_body_country = CountryField(label=_("Its country, if it has one"))

    field_order = ["actor", "new_body_name", "new_body_kind", "new_body_country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].required = False  # or a new body, named below it

    def clean(self):
        cleaned = super().clean()
        named = cleaned.get("new_body_name", "").strip()
        if cleaned.get("actor") and named:
            raise forms.ValidationError(_("Choose an actor or name a new body, not both."))
        if not cleaned.get("actor") and not named:
            raise forms.ValidationError(_("Choose an actor, or name a body not in the list."))
        if named and not cleaned.get("new_body_kind"):
            self.add_error("new_body_kind", _("Say what kind of body it is."))
        return cleaned

    def target_fields(self) -> dict:
        """The target's own fields, for `services.create_target`."""
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("new_body_")}

    def new_body(self) -> dict | None:
        """The body to add first (`services.find_or_add_body`), when none was chosen."""
        if self.cleaned_data.get("actor"):
            return None
        return {
            "name": self.cleaned_data["new_body_name"],
            "kind": self.cleaned_data["new_body_kind"],
            "country_code": self.cleaned_data["new_body_country"],
        }


class TargetEditForm(ScopedModelForm):
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


class ActorFilterForm(forms.Form):
    """The actor list's filters; an unknown value is ignored rather than refused."""

    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("any")), *(c for c in Actor.Kind.choices if c[0] != Actor.Kind.STATE)],
    )
    country = forms.CharField(label=_("Country code"), required=False, max_length=3)

    def apply(self, actors):
        if not self.is_valid():
            return actors
        data = self.cleaned_data
        if data["q"]:
            actors = actors.filter(name__icontains=data["q"])
        if data["kind"]:
            actors = actors.filter(kind=data["kind"])
        if data["country"]:
            actors = actors.filter(country_code=data["country"].strip().upper())
        return actors


class ActFilterForm(forms.Form):
    """The list of all acts, narrowed by the word used and the status."""

    characterisation = forms.ChoiceField(
        label=_("Characterisation"),
        required=False,
        choices=[("", _("any")), *Characterisation.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any")), *RecognitionAct.Status.choices]
    )

    def apply(self, acts):
        if not self.is_valid():
            return acts
        for name in ("characterisation", "status"):
            if self.cleaned_data[name]:
                acts = acts.filter(**{name: self.cleaned_data[name]})
        return acts
