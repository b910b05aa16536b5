"""How every page shows an event's time: in the event's own zone, saying which zone.

Django's `date` filter converts an aware datetime to the site's zone before formatting, so
`{{ event.local_start|date }}` shows the event at the wrong hour. `dateformat.format` keeps the
zone the datetime already has.
"""

from django import template
from django.utils import dateformat
from django.utils.translation import gettext as _

register = template.Library()

DAY_FORMATS = {"short": "j M Y", "long": "l j F Y"}


@register.filter
def event_when(event, style: str = "short") -> str:
    """'26 Feb 2027, 18:00 – 20:00 (Europe/Berlin)'; `long` spells out the weekday and month.
    An event that ends on a later day shows the end's date too."""
    day = DAY_FORMATS.get(style, DAY_FORMATS["short"])
    start, end = event.local_start, event.local_end
    end_format = "H:i" if end.date() == start.date() else f"{day}, H:i"
    return _("%(start)s – %(end)s (%(zone)s)") % {
        "start": dateformat.format(start, f"{day}, H:i"),
        "end": dateformat.format(end, end_format),
        "zone": event.time_zone,
    }
