from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vigil.evidence import timestamps


class Command(BaseCommand):
    help = (
        "Ask the time-stamping authority (VIGIL_TSA_URL) for a trusted timestamp over every "
        "archived file not yet timestamped and the audit chain's head, in one request per batch. "
        "A failure is reported, exits non-zero, and leaves them pending for the next run."
    )

    def handle(self, *args, **options):
        if not settings.TSA_URL:
            self.stdout.write(timestamps.status_line())
            return
        try:
            tokens = timestamps.stamp_pending()
        except timestamps.TimestampError as error:
            raise CommandError(
                _("%(error)s; what was pending stays pending") % {"error": error}
            ) from None
        for token in tokens:
            self.stdout.write(
                ngettext(
                    "timestamped %(count)s hash by %(authority)s at %(time)s",
                    "timestamped %(count)s hashes by %(authority)s at %(time)s",
                    len(token.leaves),
                )
                % {
                    "count": len(token.leaves),
                    "authority": token.tsa_name,
                    "time": token.gen_time.isoformat(),
                }
            )
        if not tokens:
            self.stdout.write(_("nothing awaits a timestamp"))
