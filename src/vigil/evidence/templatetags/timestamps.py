from django import template
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def trusted_timestamp(archived_file) -> str:
    """One line on an archived file's trusted timestamp, or on why it has none."""
    try:
        token = archived_file.trusted_timestamp.token
    except ObjectDoesNotExist:
        if not settings.TSA_URL:
            return _("Not timestamped: no time-stamping authority is configured.")
        return _("Awaiting a trusted timestamp.")
    when = formats.date_format(timezone.localtime(token.gen_time), "DATETIME_FORMAT")
    return _("Timestamped by %(tsa)s at %(time)s.") % {"tsa": token.tsa_name, "time": when}
