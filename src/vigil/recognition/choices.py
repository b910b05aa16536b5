"""What recognition forms may offer (rules for vigil.accounts.scoping)."""

from django.db.models import QuerySet

from vigil.accounts.scoping import register_choices
from vigil.cases.access import visible_cases
from vigil.recognition.models import Actor, Target


@register_choices("recognition.Actor")
def actor_choices(user) -> QuerySet:
    """Actors (states, parliaments, organisations) are shared: every signed-in person sees them."""
    return Actor.objects.all() if user.is_authenticated else Actor.objects.none()


@register_choices("recognition.Target")
def target_choices(user) -> QuerySet:
    """Targets of the cases the person may open."""
    return Target.objects.filter(case__in=visible_cases(user))
