"""Checks on the values of campaigns' fields (the migrations name them by their address in
`vigil.campaigns.models`, which re-exports them)."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a known time zone (write it like Europe/Berlin).") % {"zone": value}
        )


def validate_country(value: str) -> None:
    from vigil.recognition.actors import is_country_code

    if value and not is_country_code(value):
        raise ValidationError(_("%(code)s is not an ISO 3166-1 alpha-3 code.") % {"code": value})
