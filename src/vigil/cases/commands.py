"""What the command-line tools share about cases."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from vigil.cases.models import Case


def case_named(slug: str) -> Case:
    """The case with this short name, or a CommandError that says there is none."""
    case = Case.objects.filter(slug=slug).first()
    if case is None:
        raise CommandError(_("no case with the short name '%(slug)s'") % {"slug": slug})
    return case
