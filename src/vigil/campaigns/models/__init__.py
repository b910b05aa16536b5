"""The campaigns app's models, one module per part of the work; every model (and the field
validators the migrations name) is imported here, so `vigil.campaigns.models.Event` and the
migrations keep their addresses."""

from vigil.campaigns.models.chapters import Chapter, ChapterTranslation, Consent, Member
from vigil.campaigns.models.events import RSVP, Event, EventPhoto, EventTranslation, ReplyCounter
from vigil.campaigns.models.materials import Material, MaterialVersion
from vigil.campaigns.models.outreach import Contact, Interaction
from vigil.campaigns.models.tasks import Task
from vigil.campaigns.models.validators import validate_country, validate_time_zone

__all__ = [
    "RSVP",
    "Chapter",
    "ChapterTranslation",
    "Consent",
    "Contact",
    "Event",
    "EventPhoto",
    "EventTranslation",
    "Interaction",
    "Material",
    "MaterialVersion",
    "Member",
    "ReplyCounter",
    "Task",
    "validate_country",
    "validate_time_zone",
]
