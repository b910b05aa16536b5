"""The choices a form may offer a person: what the pages would show them, never more.

Each model a form can offer has one rule, registered by the app that owns the pages of that model
(`register_choices`); `ScopedModelForm` narrows every model choice field through them. A form that
offers a model with no rule fails at once rather than offer every row.

The rule also says how a person finds a row by typing (`search`) and how a row is named
(`label`): the pickers of long lists ask `matching_choices` (the `pick` endpoint) for one page of
matches at a time instead of writing every row into the page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from vigil.accounts import permissions
from vigil.pickers import ModelMultiplePicker, ModelPicker

MATCHES_PAGE_SIZE = 20


@dataclass(frozen=True)
class ChoiceRule:
    """Which rows a person may be offered, how a typed word finds them (field lookups searched
    with icontains, or a function of the word that returns a Q) and how each is named."""

    rows: Callable[..., QuerySet]
    search: tuple[str, ...] | Callable[[str], Q]
    label: Callable[..., str] = str
    related: tuple[str, ...] = ()  # what `label` reads of other tables, fetched with the rows
    order: tuple[str, ...] = ()  # the matches' order; the first search field if not given

    def ordering(self) -> tuple[str, ...]:
        first = self.search[0] if isinstance(self.search, tuple) else "pk"
        return (*(self.order or (first,)), "pk")


_RULES: dict[str, ChoiceRule] = {}


def register_choices(
    model_label: str, *, search=("name",), label: Callable = str, related=(), order=()
) -> Callable:
    """Decorator: `rule(user) -> QuerySet` gives the rows of `model_label` a form may offer;
    `search`, `label`, `related` and `order` are how a picker finds and names them (ChoiceRule)."""

    def register(rule: Callable) -> Callable:
        _RULES[model_label.lower()] = ChoiceRule(rule, search, label, tuple(related), tuple(order))
        return rule

    return register


def _rule(model_label: str) -> ChoiceRule:
    try:
        return _RULES[model_label.lower()]
    except KeyError:
        raise LookupError(f"No rule says which {model_label} a form may offer.") from None


def choices_for(user, model) -> QuerySet:
    return _rule(model._meta.label_lower).rows(user)


def _word_matches(rule: ChoiceRule, word: str) -> Q:
    if callable(rule.search):
        return rule.search(word)
    return reduce(or_, (Q(**{f"{field}__icontains": word}) for field in rule.search))


def matching_choices(user, model_label: str, query: str, page: int = 1) -> tuple[list, bool]:
    """One page of the rows of `model_label` that `user` may be offered and that match every
    word of `query` ({id, label} each, in the rule's order), and whether a next page exists.
    The same few queries however many rows there are. LookupError for a model without a rule."""
    rule = _rule(model_label)
    found = rule.rows(user)
    for word in query.split()[:10]:
        found = found.filter(_word_matches(rule, word))
    start = (page - 1) * MATCHES_PAGE_SIZE
    # One row past the page tells whether there is a next one, without counting every match.
    rows = list(
        found.select_related(*rule.related).order_by(*rule.ordering())[
            start : start + MATCHES_PAGE_SIZE + 1
        ]
    )
    matches = [{"id": row.pk, "label": rule.label(row)} for row in rows[:MATCHES_PAGE_SIZE]]
    return matches, len(rows) > MATCHES_PAGE_SIZE


@register_choices(settings.AUTH_USER_MODEL, search=("username",))
def people_choices(user) -> QuerySet:
    """Accounts a person may assign or name: themselves, the people of the chapters they run and
    of the cases they edit (everyone, for an administrator)."""
    people = get_user_model().objects.filter(is_active=True)
    if permissions.is_admin(user):
        return people
    chapters = permissions.coordinated_chapter_ids(user)
    cases = permissions.editable_case_ids(user)
    return people.filter(
        Q(pk=user.pk)
        | Q(coordinated_chapters__in=chapters)
        | Q(volunteered_chapters__in=chapters)
        | Q(case_memberships__case__in=cases)
    ).distinct()


def _searchable(field: forms.ModelChoiceField) -> None:
    """A related object is picked from a list that can be long (the events, targets or people of
    a large archive): a select that can be searched, written without a template per option, and
    which, past a bound, offers only the chosen rows and searches the others on the server."""
    picker = ModelMultiplePicker if field.widget.allow_multiple_selected else ModelPicker
    widget = picker(attrs={**field.widget.attrs, "data-picker": _("Search this list")})
    widget.is_required = field.required
    widget.choices = field.choices
    field.widget = widget


class ScopedModelForm(forms.ModelForm):
    """A model form made for one person: each choice of a related object offers only what that
    person may use, by the same rules as the pages (`choices_for`).

    A value already set that the person may not see is left as it is: a foreign key's field is
    removed from the form, and a many-to-many keeps its hidden links when the form is saved.
    """

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kept_links: dict[str, list] = {}
        for name, field in list(self.fields.items()):
            if isinstance(field, forms.ModelChoiceField):
                self._narrow(name, field)
                if type(field.widget) in (forms.Select, forms.SelectMultiple):
                    _searchable(field)

    def _narrow(self, name, field) -> None:
        allowed = choices_for(self.user, field.queryset.model).values("pk")
        field.queryset = field.queryset.filter(pk__in=allowed)
        if not self.instance.pk:
            return
        if isinstance(field, forms.ModelMultipleChoiceField):
            current = getattr(self.instance, name).all()
            self.kept_links[name] = list(current.exclude(pk__in=allowed))
        else:
            current_pk = getattr(self.instance, f"{name}_id")
            if current_pk is not None and not field.queryset.filter(pk=current_pk).exists():
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        for name, hidden in self.kept_links.items():
            if name in cleaned and cleaned[name] is not None:
                cleaned[name] = [*cleaned[name], *hidden]
        return cleaned
