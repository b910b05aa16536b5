"""Contacts and the campaign's interactions with them, by the contact pages' rules: the campaign's
people see them, a contact's e-mail and phone reach only administrators and its chapter's
coordinators, and only they record interactions (campaigns.access, campaigns.privacy)."""

import datetime
from typing import Literal

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema, Status

from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, page_of, run_form
from vigil.campaigns import privacy, services
from vigil.campaigns.access import (
    get_contact_for_user,
    get_interaction_for_user,
    require_campaigns,
    require_coordinator,
)
from vigil.campaigns.forms import ContactForm, InteractionForm
from vigil.campaigns.models import Contact, Interaction

router = Router(tags=["contacts"])

ContactKind = Literal[tuple(Contact.Kind.values)]
Channel = Literal[tuple(Interaction.Channel.values)]


class ContactOut(Schema):
    """A contact. E-mail and phone are null for those who may not see them."""

    id: int
    url: str
    name: str
    kind: str
    role: str
    organisation: str
    actor_id: int | None
    chapter_id: int | None
    country_code: str
    email: str | None
    phone: str | None
    notes: str

    @staticmethod
    def resolve_url(contact, context) -> str:
        return absolute_url(context["request"], contact)

    @staticmethod
    def resolve_email(contact, context) -> str | None:
        shown = privacy.can_see_contact_details(context["request"].user, contact)
        return contact.email if shown else None

    @staticmethod
    def resolve_phone(contact, context) -> str | None:
        shown = privacy.can_see_contact_details(context["request"].user, contact)
        return contact.phone if shown else None


class ContactFilters(paging.ListParams):
    kind: ContactKind | None = None
    chapter: int | None = None
    actor: int | None = None
    country: str | None = None
    q: str | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["name", "-name", "id", "-id"] = "name"


class ContactIn(Schema):
    """A contact as the page's form takes it; `actor` and `chapter` are ids."""

    name: str
    kind: ContactKind
    role: str = ""
    organisation: str = ""
    actor: int | None = None
    chapter: int | None = None
    email: str = ""
    phone: str = ""
    country_code: str = ""
    notes: str = ""


@router.get("/contacts", response=answers(page_of(ContactOut)), url_name="contacts")
def list_contacts(request, filters: Query[ContactFilters]):
    require_campaigns(request.user)
    contacts = Contact.objects.all()
    if filters.kind:
        contacts = contacts.filter(kind=filters.kind)
    if filters.chapter is not None:
        contacts = contacts.filter(chapter_id=filters.chapter)
    if filters.actor is not None:
        contacts = contacts.filter(actor_id=filters.actor)
    if filters.country:
        contacts = contacts.filter(country_code=filters.country.upper())
    if filters.q:
        # The name and organisation, as the list page searches (never the private details).
        contacts = contacts.filter(
            Q(name__icontains=filters.q) | Q(organisation__icontains=filters.q)
        )
    contacts = changed_since(contacts, filters.updated_since)
    return paging.page(
        contacts, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/contacts/{int:pk}", response=answers(ContactOut), url_name="contact")
def get_contact(request, pk: int):
    return get_contact_for_user(request.user, pk)


@router.post("/contacts", response=answers(ContactOut, 201), url_name="contacts")
def add_contact(request, payload: ContactIn):
    """Add a contact (as "Add a contact"); a coordinator adds to the chapters they run."""
    require_coordinator(request.user)
    data = {key: "" if value is None else value for key, value in payload.dict().items()}
    form = ContactForm(data, user=request.user)
    run_form(form)
    return Status(201, form.save())


class InteractionOut(Schema):
    id: int
    url: str
    contact_id: int
    date: datetime.date
    channel: str
    participants: str
    summary: str
    outcome: str
    follow_up_on: datetime.date | None
    follow_up_done: bool
    recorded_by: str | None

    @staticmethod
    def resolve_url(interaction, context) -> str:
        # An interaction is shown on its contact's page and has no page of its own.
        address = reverse("api:interaction", args=[interaction.pk])
        return context["request"].build_absolute_uri(address)

    @staticmethod
    def resolve_recorded_by(interaction) -> str | None:
        person = interaction.recorded_by
        return person.get_username() if person else None


class InteractionFilters(paging.ListParams):
    channel: Channel | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    follow_up_open: bool | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["date", "-date", "id", "-id"] = "-date"


class InteractionIn(Schema):
    date: datetime.date | None = None
    channel: Channel
    participants: str = ""
    summary: str
    outcome: str = ""
    follow_up_on: datetime.date | None = None


@router.get(
    "/contacts/{int:pk}/interactions",
    response=answers(page_of(InteractionOut)),
    url_name="contact_interactions",
)
def list_interactions(request, pk: int, filters: Query[InteractionFilters]):
    contact = get_contact_for_user(request.user, pk)
    interactions = contact.interactions.select_related("recorded_by")
    if filters.channel:
        interactions = interactions.filter(channel=filters.channel)
    if filters.date_from:
        interactions = interactions.filter(date__gte=filters.date_from)
    if filters.date_to:
        interactions = interactions.filter(date__lte=filters.date_to)
    if filters.follow_up_open is not None:
        open_ = Q(follow_up_on__isnull=False, follow_up_done=False)
        interactions = interactions.filter(open_ if filters.follow_up_open else ~open_)
    interactions = changed_since(interactions, filters.updated_since)
    return paging.page(
        interactions, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.post(
    "/contacts/{int:pk}/interactions",
    response=answers(InteractionOut, 201),
    url_name="contact_interactions",
)
def record_interaction(request, pk: int, payload: InteractionIn):
    """Record a meeting, call or message with the contact (its chapter's coordinators)."""
    contact = get_contact_for_user(request.user, pk, manage=True)
    sent = payload.dict()
    sent["date"] = sent["date"] or timezone.localdate()
    data = {key: "" if value is None else value for key, value in sent.items()}
    cleaned = run_form(InteractionForm(data))
    return Status(201, services.record_interaction(contact, cleaned, user=request.user))


@router.get("/interactions/{int:pk}", response=answers(InteractionOut), url_name="interaction")
def get_interaction(request, pk: int):
    interaction = Interaction.objects.select_related("recorded_by").filter(pk=pk).first()
    # Seen by whoever sees its contact; get_interaction_for_user also asks for the right to change.
    get_contact_for_user(request.user, interaction.contact_id if interaction else 0)
    return interaction


@router.post(
    "/interactions/{int:pk}/follow-up-done",
    response=answers(InteractionOut),
    url_name="interaction_follow_up_done",
)
def follow_up_done(request, pk: int):
    """Mark the interaction's follow-up done."""
    return services.mark_follow_up_done(get_interaction_for_user(request.user, pk))
