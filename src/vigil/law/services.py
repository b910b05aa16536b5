"""Changes to claim–element links and to the crimes a case considers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vigil.law.models import ConsideredCrime, ElementLink


def link_claim(case, *, claim, element, bearing: str, strength: str, note: str = "", user=None):
    """Record that `claim` supports or contradicts `element` in `case`.

    Refuses a claim of another case, a missing strength or bearing, and a second link between the
    same claim and element. Linking to an element of any instrument's crime is allowed.
    """
    if claim.case_id != case.pk:
        raise ValidationError(_("This claim belongs to another case; link claims of this case."))
    if not strength:
        raise ValidationError({"strength": _("Say how strongly the claim bears on the element.")})
    if not bearing:
        raise ValidationError({"bearing": _("Say whether the claim supports or contradicts it.")})
    if ElementLink.objects.filter(claim=claim, element=element).exists():
        raise ValidationError(
            _("This claim is already linked to %(element)s; edit that link instead.")
            % {"element": element.code}
        )
    link = ElementLink(
        case=case,
        claim=claim,
        element=element,
        bearing=bearing,
        strength=strength,
        note=note,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    # Its one constraint (a claim linked once to an element) was checked above, with a message
    # that names the element; the database's unique index still guards it.
    link.full_clean(validate_unique=False, validate_constraints=False)
    link.save()
    return link


def unlink(link: ElementLink) -> None:
    link.delete()


def set_considered(case, crime, considered: bool) -> None:
    if considered:
        ConsideredCrime.objects.get_or_create(case=case, crime=crime)
    else:
        ConsideredCrime.objects.filter(case=case, crime=crime).delete()
