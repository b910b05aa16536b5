from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vigil.accounts import permissions
from vigil.audit.log import acting_as
from vigil.cases.commands import case_named
from vigil.dossier import publishing
from vigil.dossier.publishing import RecordKind


def _done(kind: str, withdraw: bool, n: int) -> str:
    """ "3 claims published.", each kind and outcome its own message with the language's plural."""
    if withdraw:
        messages = {
            RecordKind.CLAIM: ngettext("%(n)s claim withdrawn.", "%(n)s claims withdrawn.", n),
            RecordKind.SOURCE: ngettext("%(n)s source withdrawn.", "%(n)s sources withdrawn.", n),
            RecordKind.ACT: ngettext("%(n)s act withdrawn.", "%(n)s acts withdrawn.", n),
        }
    else:
        messages = {
            RecordKind.CLAIM: ngettext("%(n)s claim published.", "%(n)s claims published.", n),
            RecordKind.SOURCE: ngettext("%(n)s source published.", "%(n)s sources published.", n),
            RecordKind.ACT: ngettext("%(n)s act published.", "%(n)s acts published.", n),
        }
    return messages[kind] % {"n": n}


class Command(BaseCommand):
    help = (
        "Publish (or, with --withdraw, take off the public site) verified claims, public sources "
        "or verified recognition acts of a case, by id, acting as a named researcher of the "
        "case; with no id, every verified claim from a public source awaiting publication. The "
        "same rules as the publishing page apply (the two-person rule, the public summary) and "
        "each change is in the audit log under that person's name."
    )

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("kind", choices=sorted(publishing.RecordKind.values))
        parser.add_argument("ids", nargs="*", type=int, help="ids; none: the awaiting claims")
        parser.add_argument(
            "--as", dest="username", required=True, help="the researcher who publishes"
        )
        parser.add_argument("--withdraw", action="store_true", help="withdraw instead")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would change, change nothing"
        )

    def handle(self, *args, case_slug, kind, ids, username, withdraw, dry_run, **options):
        case = case_named(case_slug)
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("no active account named '%(name)s'") % {"name": username})
        if not permissions.can_edit_case(user, case):
            raise CommandError(
                _("%(name)s is not a researcher of %(case)s: they cannot publish")
                % {"name": username, "case": case_slug}
            )
        records = self.records(case, kind, ids, withdraw)
        if not records:
            self.stdout.write(_("Nothing to do."))
            return
        if withdraw:
            what = _("would withdraw") if dry_run else _("withdraw")
        else:
            what = _("would publish") if dry_run else _("publish")
        for record in records:
            self.stdout.write(f"{what}: {kind} {record.pk} “{record}”")
        if dry_run:
            return
        try:
            with acting_as(user):
                self.apply(case, kind, records, user, withdraw)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(_done(kind, withdraw, len(records)))

    def records(self, case, kind, ids, withdraw) -> list:
        if ids:
            try:
                return publishing.records_by_id(case, kind, ids)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        if kind != RecordKind.CLAIM or withdraw:
            raise CommandError(_("name the %(kind)s records by id") % {"kind": kind})
        return list(publishing.awaiting_publication(case))

    def apply(self, case, kind, records, user, withdraw) -> None:
        if withdraw:
            publishing.withdraw_records(records)
        else:
            publishing.publish_records(case, kind, records, user=user)
