"""The choices a form may offer a person: what the pages would show them, never more.

Each model a form can offer has one rule, registered by the app that owns the pages of that model
(`register_choices`); `ScopedModelForm` narrows every model choice field through them. A form that
offers a model with no rule fails at once rather than offer every row.
"""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from vigil.accounts import permissions
from vigil.pickers import SearchableSelect

_RULES: dict[str, Callable] = {}


def register_choices(model_label: str) -> Callable:
    """Decorator: `rule(user) -> QuerySet` gives the rows of `model_label` a form may offer."""

    def register(rule: Callable) -> Callable:
        _RULES[model_label.lower()] = rule
        return rule

    return register


def choices_for(user, model) -> QuerySet:
    try:
        rule = _RULES[model._meta.label_lower]
    except KeyError:
        raise LookupError(f"No rule says which {model._meta.label} a form may offer.") from None
    return rule(user)


@register_choices(settings.AUTH_USER_MODEL)
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
    a large archive): a select that can be searched, and is written without a template per
    option."""
    widget = SearchableSelect(attrs={**field.widget.attrs, "data-picker": _("Search this list")})
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
                if type(field.widget) is forms.Select:
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
