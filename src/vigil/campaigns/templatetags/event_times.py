"""How every page shows an event's time: in the event's own zone, saying which zone.

Django's `date` filter converts an aware datetime to the site's zone before formatting, so
`{{ event.local_start|date }}` shows the event at the wrong hour. `dateformat.format` keeps the
zone the datetime already has.
"""

from django import template
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

register = template.Library()


def _day_format(style: str) -> str:
    # The site's format policy (vigil/formats): the short date, or the weekday and the full date.
    if style == "long":
        return f"l {get_format('DATE_FORMAT')}"
    return get_format("SHORT_DATE_FORMAT")


@register.filter
def event_when(event, style: str = "short") -> str:
    """'26 Feb 2027, 18:00 – 20:00 (Europe/Berlin)'; `long` spells out the weekday and month.
    An event that ends on a later day shows the end's date too."""
    day, time = _day_format(style), get_format("TIME_FORMAT")
    start, end = event.local_start, event.local_end
    end_format = time if end.date() == start.date() else f"{day}, {time}"
    return _("%(start)s – %(end)s (%(zone)s)") % {
        "start": dateformat.format(start, f"{day}, {time}"),
        "end": dateformat.format(end, end_format),
        "zone": event.time_zone,
    }
