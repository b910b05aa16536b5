import datetime
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.accounts.scoping import ScopedModelForm
from vigil.campaigns.models import (
    Chapter,
    ChapterTranslation,
    Consent,
    Contact,
    Event,
    EventTranslation,
    Interaction,
    Material,
    Member,
    Task,
    validate_time_zone,
)
from vigil.pickers import CountryField
from vigil.recognition.forms import ActorChoiceField
from vigil.uploads import ImageUploadField, UploadField

DATE = forms.DateInput(attrs={"type": "date"})
LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ChapterForm(ScopedModelForm):
    country_code = CountryField(required=True)

    class Meta:
        model = Chapter
        fields = [
            "name",
            "city",
            "country_code",
            "communities",
            "description",
            "original_language",
            "coordinators",
            "volunteers",
            "cases",
        ]

    def clean_country_code(self):
        return self.cleaned_data["country_code"].upper()


class ChapterTranslationForm(forms.ModelForm):
    class Meta:
        model = ChapterTranslation
        fields = ["description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class EventTranslationForm(forms.ModelForm):
    class Meta:
        model = EventTranslation
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class MemberForm(ScopedModelForm):
    class Meta:
        model = Member
        fields = [
            "display_name",
            "is_pseudonymous",
            "legal_name",
            "email",
            "phone",
            "chapters",
            "languages",
            "skills",
            "availability",
            "user",
        ]

    def __init__(self, *args, show_identity=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_identity:
            for name in ("legal_name", "email", "phone"):
                del self.fields[name]


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["purpose", "statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2})}


class EventForm(ScopedModelForm):
    """Start and end are entered in the event's own time zone."""

    time_zone = forms.CharField(
        label=_("Time zone"),
        initial="Europe/Berlin",
        validators=[validate_time_zone],
        help_text=_("As in the tz database, e.g. Europe/Berlin, Asia/Baku, America/New_York."),
    )
    starts_at = forms.DateTimeField(label=_("Starts (local time)"), widget=LOCAL_DATETIME)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    ends_at = forms.DateTimeField(label=_("Ends (local time)"), widget=LOCAL_DATETIME)
    country_code = CountryField(help_text=_("Leave empty for the chapter's country."))

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "chapter",
            "case",
            "description",
            "original_language",
            "time_zone",
            "starts_at",
            "ends_at",
            "venue",
            "city",
            "country_code",
            "online_url",
            "languages",
            "capacity",
            "is_public",
            "status",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk:
            self.initial["starts_at"] = event.local_start.replace(tzinfo=None)
            self.initial["ends_at"] = event.local_end.replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name and not self.errors.get("time_zone"):
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                value = cleaned.get(name)
                if isinstance(value, datetime.datetime):
                    cleaned[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        start, end = cleaned.get("starts_at"), cleaned.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The end must be after the start."))
        if cleaned.get("country_code"):
            cleaned["country_code"] = cleaned["country_code"].upper()
        return cleaned


class OutcomeForm(forms.ModelForm):
    photo = ImageUploadField(label=_("Add a photo"), required=False)

    class Meta:
        model = Event
        fields = ["attendance", "officials_present", "press_links", "outcome_notes"]
        widgets = {
            "officials_present": forms.Textarea(attrs={"rows": 2}),
            "press_links": forms.Textarea(attrs={"rows": 3}),
            "outcome_notes": forms.Textarea(attrs={"rows": 3}),
        }


class RSVPForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your email"))
    consent = forms.BooleanField(label=_("I agree"), required=False)


class ContactForm(ScopedModelForm):
    actor = ActorChoiceField(required=False)
    country_code = CountryField()

    class Meta:
        model = Contact
        fields = [
            "name",
            "kind",
            "role",
            "organisation",
            "actor",
            "chapter",
            "email",
            "phone",
            "country_code",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class InteractionForm(forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["date", "channel", "participants", "summary", "outcome", "follow_up_on"]
        widgets = {
            "date": DATE,
            "follow_up_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }


class TaskForm(ScopedModelForm):
    class Meta:
        model = Task
        fields = [
            "title",
            "assignee",
            "chapter",
            "due_date",
            "status",
            "event",
            "target",
            "material",
        ]
        widgets = {"due_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "target" in self.fields:  # each target's label names its actor
            target = self.fields["target"]
            target.queryset = target.queryset.select_related("actor__parent")


class MaterialForm(ScopedModelForm):
    class Meta:
        model = Material
        fields = ["title", "kind", "case", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MaterialVersionForm(forms.Form):
    language = forms.CharField(label=_("Language"), max_length=12, help_text=_("e.g. en, az, ur"))
    file = UploadField(label=_("File"))

    def clean_language(self):
        return self.cleaned_data["language"].strip().lower()
