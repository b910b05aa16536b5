"""Public event data for other programs: iCal and schema.org JSON-LD. Only public facts about
events go out: never an attendee, a member or a contact."""

import json

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from vigil.campaigns.models import Event


def ical(events, name: str, request) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Vigil//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{request.get_host()}")
        entry.add("summary", event.title)
        entry.add("dtstart", event.local_start)
        entry.add("dtend", event.local_end)
        entry.add("dtstamp", timezone.now())
        entry.add("location", event.venue or event.online_url or event.city)
        entry.add("url", request.build_absolute_uri(event.get_public_url()))
        if event.description:
            entry.add("description", event.description)
        if event.status == Event.Status.CANCELLED:
            entry.add("status", "CANCELLED")
        calendar.add_component(entry)
    return calendar.to_ical()


def event_json_ld(event: Event, request, text=None) -> str:
    """schema.org/Event for search engines and aggregators, in the language of `text` (the
    EventText the page shows) when given."""
    online = event.kind == Event.Kind.ONLINE
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text.title if text else event.title,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.status == Event.Status.CANCELLED
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if online
        else "https://schema.org/OfflineEventAttendanceMode",
        "url": request.build_absolute_uri(event.get_public_url()),
        "description": text.description if text else event.description,
        "inLanguage": text.language if text else event.original_language,
        "organizer": {"@type": "Organization", "name": event.chapter.name},
        "location": {"@type": "VirtualLocation", "url": event.online_url}
        if online
        else {
            "@type": "Place",
            "name": event.venue or event.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": event.city,
                "addressCountry": event.country_code,
            },
        },
    }
    # Escaped so that no text in the data can close the <script> element it sits in.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
