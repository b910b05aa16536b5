"""The public reply pages, no sign-in: the event page with its form, the page that shows a reply's
state after it is sent (post/redirect/get), and the e-mailed confirmation link."""

from axes.helpers import get_client_ip_address
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vigil.campaigns import feeds, rsvps
from vigil.campaigns.forms import RSVPForm
from vigil.campaigns.models import Event
from vigil.campaigns.throttle import ReplyThrottled, admit_reply
from vigil.campaigns.translations import chapter_text, event_text
from vigil.public_cache import cache as public_cache


def event_scope(pk, **url_kwargs) -> str:
    return public_cache.event_scope(pk)


@public_cache.public_page(event_scope)
@login_not_required
def public_event(request, pk):
    event = get_object_or_404(
        Event.objects.select_related("chapter", "case"), pk=pk, is_public=True
    )
    form = RSVPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            # The same address as sign-in lockouts see (behind a proxy too).
            admit_reply(get_client_ip_address(request), event)
        except ReplyThrottled as refusal:
            return _too_many_replies(request, event, refusal.retry_after)
        try:
            rsvp = rsvps.reply(event, **form.cleaned_data, base_url=request.build_absolute_uri("/"))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("public_reply", pk=event.pk, receipt=rsvps.receipt_for(rsvp))
    text = event_text(event)
    context = {
        "event": event,
        "text": text,
        "chapter_text": chapter_text(event.chapter),
        "form": form,
        "full": rsvps.is_full(event),
        "consent_statement": rsvps.CONSENT_STATEMENT,
        "json_ld": feeds.event_json_ld(event, request, text),
    }
    response = render(request, "campaigns/public_event.html", context)
    # Served from the cache to visitors without a session; a reply renews it (see
    # vigil.dossier.publication), a held place that expires unwritten must too.
    return public_cache.valid_until(response, rsvps.next_hold_expiry(event))


def _too_many_replies(request, event, retry_after: int):
    minutes = max(1, round(retry_after / 60))
    context = {"event": event, "minutes": minutes}
    response = render(request, "campaigns/rsvp_throttled.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


@login_not_required
@require_safe
def public_reply(request, pk, receipt):
    """Where the form leads after a reply: its state, never the form again."""
    rsvp = rsvps.find_by_receipt(receipt)
    if rsvp is None or rsvp.event_id != pk or not rsvp.event.is_public:
        raise Http404
    held_until = timezone.localtime(rsvp.expires_at, rsvp.event.zone) if rsvp.expires_at else None
    context = {
        "rsvp": rsvp,
        "event": rsvp.event,
        "held_until": f"{held_until:%H:%M} ({rsvp.event.time_zone})" if held_until else "",
    }
    return render(request, "campaigns/rsvp_reply.html", context)


@login_not_required
def rsvp_confirm(request, token):
    """The e-mailed link opens a page with a button: mail scanners that fetch links must not
    confirm a reply on the reader's behalf."""
    rsvp = rsvps.find_by_token(token)
    error = None if rsvp else _("This confirmation link is not valid.")
    if request.method == "POST" and rsvp is not None:
        try:
            rsvp = rsvps.confirm(token)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            return redirect("public_reply", pk=rsvp.event_id, receipt=rsvps.receipt_for(rsvp))
    context = {
        "rsvp": rsvp,
        "event": rsvp.event if rsvp else None,
        "receipt": rsvps.receipt_for(rsvp) if rsvp else "",
        "error": error,
    }
    return render(
        request, "campaigns/rsvp_confirm.html", context, status=404 if rsvp is None else 200
    )
