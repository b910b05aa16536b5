"""The filters and orders of the campaign's lists, applied by the database.

Each form narrows a queryset by what the list already shows to everyone who may open it (a
member's shown name, chapters, languages and skills; a contact's name, kind, country and
chapter), so a filter never reveals what the list hides; searching members' personal fields goes
through campaigns.privacy. An unknown value is ignored rather than refused.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.campaigns import privacy
from vigil.campaigns.models import Chapter, Contact, Event, Task
from vigil.pickers import CountryField

ANY = ("", _("any"))

MEMBER_ORDERS = {"name": ("display_name", "pk"), "joined": ("-joined_on", "-pk")}
MEMBER_SORTS = [("name", _("name")), ("joined", _("last joined first"))]
CONTACT_ORDERS = {"name": ("name", "pk"), "kind": ("kind", "name", "pk"), "added": ("-pk",)}
CONTACT_SORTS = [("name", _("name")), ("kind", _("kind")), ("added", _("last added first"))]
TASK_ORDERS = {"due": ("due_date", "pk"), "added": ("-pk",)}
TASK_SORTS = [("due", _("due first")), ("added", _("last added first"))]


def _chapter_field():
    return forms.ModelChoiceField(
        label=_("Chapter"), required=False, queryset=Chapter.objects.all(), empty_label=_("any")
    )


class _Filters(forms.Form):
    def values(self) -> dict:
        """The valid, non-empty filters: a value that is not valid is left out, the others
        still apply."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class MemberFilterForm(_Filters):
    # No length limit: privacy.search_members finds nothing for a name longer than any.
    q = forms.CharField(label=_("Name"), required=False)
    chapter = _chapter_field()
    language = forms.CharField(label=_("Language"), required=False, max_length=50)
    skill = forms.CharField(label=_("Skill"), required=False, max_length=100)

    def apply(self, user, members):
        found = self.values()
        members = privacy.search_members(user, members, found.get("q", ""))
        if "chapter" in found:
            members = members.filter(chapters=found["chapter"])
        if "language" in found:
            members = members.filter(languages__icontains=found["language"].strip())
        if "skill" in found:
            members = members.filter(skills__icontains=found["skill"].strip())
        return members


class ContactFilterForm(_Filters):
    q = forms.CharField(label=_("Name"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[ANY, *Contact.Kind.choices])
    country = CountryField()
    chapter = _chapter_field()

    def apply(self, contacts):
        found = self.values()
        if len(found.get("q", "")) > Contact._meta.get_field("name").max_length:
            return contacts.none()  # longer than any name (and than SQLite's LIKE allows)
        if "q" in found:
            contacts = contacts.filter(name__icontains=found["q"])
        for name, lookup in (("kind", "kind"), ("country", "country_code"), ("chapter", "chapter")):
            if name in found:
                contacts = contacts.filter(**{lookup: found[name]})
        return contacts


class EventFilterForm(_Filters):
    WHEN = [("", _("upcoming and past")), ("upcoming", _("upcoming")), ("past", _("past"))]

    when = forms.ChoiceField(label=_("When"), required=False, choices=WHEN)
    chapter = _chapter_field()
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[ANY, *Event.Kind.choices])

    def apply(self, events):
        found = self.values()
        if "chapter" in found:
            events = events.filter(chapter=found["chapter"])
        if "kind" in found:
            events = events.filter(kind=found["kind"])
        return events

    def shows(self, when: str) -> bool:
        """Whether the list of upcoming or of past events is asked for."""
        return self.values().get("when", when) == when


class TaskFilterForm(_Filters):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("open or in progress")), *Task.Status.choices],
    )
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), required=False, queryset=None, empty_label=_("anyone")
    )
    chapter = _chapter_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people the list already names: those with a task assigned.
        users = get_user_model().objects.filter(pk__in=Task.objects.values("assignee"))
        self.fields["assignee"].queryset = users.order_by("username")
        self.fields["assignee"].label_from_instance = lambda user: user.get_username()

    def apply(self, tasks):
        found = self.values()
        if "status" in found:
            tasks = tasks.filter(status=found["status"])
        else:
            tasks = tasks.exclude(status=Task.Status.DONE)
        for name in ("assignee", "chapter"):
            if name in found:
                tasks = tasks.filter(**{name: found[name]})
        return tasks


def upcoming_events(events):
    """Events not yet over."""
    return events.filter(ends_at__gte=timezone.now())


def past_events(events):
    return events.filter(ends_at__lt=timezone.now())
