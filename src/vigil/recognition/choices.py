"""What recognition forms may offer (rules for vigil.accounts.scoping), and how a picker finds
and names an actor."""

from django.db.models import Q, QuerySet

from vigil.accounts.scoping import register_choices
from vigil.cases.access import visible_cases
from vigil.countries import country_choices, sort_key
from vigil.recognition.models import Actor, Target


def actor_label(actor: Actor) -> str:
    """How every picker names an actor: a state by name and code, "Georgia (GEO)"; a body with
    its country's code and its kind, "Georgia (USA) — subnational legislature"."""
    if actor.kind == Actor.Kind.STATE:
        return f"{actor.display_name} ({actor.country_code})"
    where = f" ({actor.country_code})" if actor.country_code else ""
    return f"{actor.name}{where} — {actor.get_kind_display()}"


def actor_matches(word: str, prefix: str = "") -> Q:
    """Actors whose name holds `word`, or whose country's code is `word` or whose country's name
    in the reader's language holds it, accents and case aside ("türkiye", "TUR", "Turkiye")."""
    folded = sort_key(word)
    codes = [code for code, label in country_choices() if folded in sort_key(label)]
    return (
        Q(**{f"{prefix}name__icontains": word})
        | Q(**{f"{prefix}country_code__iexact": word})
        | Q(**{f"{prefix}kind": Actor.Kind.STATE, f"{prefix}country_code__in": codes})
    )


@register_choices("recognition.Actor", search=actor_matches, label=actor_label, order=("name",))
def actor_choices(user) -> QuerySet:
    """Actors (states, parliaments, organisations) are shared: every signed-in person sees them."""
    return Actor.objects.all() if user.is_authenticated else Actor.objects.none()


def _target_matches(word: str) -> Q:
    return actor_matches(word, prefix="actor__")


@register_choices(
    "recognition.Target", search=_target_matches, related=("actor",), order=("actor__name",)
)
def target_choices(user) -> QuerySet:
    """Targets of the cases the person may open."""
    return Target.objects.filter(case__in=visible_cases(user))
