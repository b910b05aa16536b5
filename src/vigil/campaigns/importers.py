"""CSV imports and exports of contacts and members, each imported row validated and reported (see
vigil.tabular). An exported row carries the record's id and address, so a file exported, corrected
and imported again updates those records instead of adding them twice."""

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from vigil.accounts import permissions
from vigil.addresses import address_of, named_id
from vigil.campaigns import privacy
from vigil.campaigns.models import Chapter, Contact, Member
from vigil.recognition.actors import is_country_code
from vigil.recognition.models import Actor
from vigil.tabular import EXPORT_CHUNK, RowReport, choice, run_import

CONTACT_COLUMNS = [
    "id",
    "url",
    "name",
    "kind",
    "role",
    "organisation",
    "email",
    "phone",
    "country",
    "actor",
    "chapter",
    "notes",
]
MEMBER_COLUMNS = [
    "id",
    "url",
    "display_name",
    "pseudonymous",
    "legal_name",
    "email",
    "phone",
    "chapters",
    "languages",
    "skills",
    "availability",
]
YES = {"1", "yes", "true", "y"}


def _email(value: str, errors: list[str]) -> str:
    if value:
        try:
            validate_email(value)
        except ValidationError:
            errors.append(_("malformed email %(email)r") % {"email": value})
    return value.lower()


def _chapter(name: str, errors: list[str]) -> Chapter | None:
    if not name:
        return None
    chapter = Chapter.objects.filter(name=name).first()
    if chapter is None:
        errors.append(_("unknown chapter %(name)r") % {"name": name})
    return chapter


def _named(model, page: str, row: dict, errors: list[str]):
    """The record an exported row names, if it names one (an erased member cannot be)."""
    pk = named_id(row, errors, page)
    if pk is None:
        return None
    found = model.objects.filter(pk=pk).first()
    if found is None or getattr(found, "erased_at", None):
        errors.append(_("no record #%(pk)s to update") % {"pk": pk})
        return None
    return found


def _validate_contact(line: int, row: dict, seen: dict) -> RowReport:
    report = RowReport(line, row.get("name", ""))
    errors = report.errors
    contact = _named(Contact, "campaigns:contact", row, errors)
    if not row.get("name"):
        errors.append(_("no name"))
    kind = choice(row.get("kind", ""), Contact.Kind, _("kind"), errors)
    email = _email(row.get("email", ""), errors)
    country = row.get("country", "").upper()
    if country and not is_country_code(country):
        errors.append(_("unknown country code %(code)r") % {"code": country})
    actor = None
    if row.get("actor"):
        actor = (
            Actor.objects.filter(name=row["actor"]).first()
            or Actor.objects.filter(
                kind=Actor.Kind.STATE, country_code=row["actor"].upper()
            ).first()
        )
        if actor is None:
            errors.append(
                _("unknown actor %(actor)r (add it on the actors page first)")
                % {"actor": row["actor"]}
            )
    chapter = _chapter(row.get("chapter", ""), errors)
    key = (row.get("name", "").casefold(), row.get("organisation", "").casefold())
    if key in seen:
        errors.append(_("duplicate of row %(line)s in this file") % {"line": seen[key]})
    seen.setdefault(key, line)
    if _contact_exists(row.get("name", ""), row.get("organisation", ""), contact):
        errors.append(_("a contact with this name and organisation already exists"))
    report.fields = {
        "record": contact,
        "name": row.get("name", ""),
        "kind": kind,
        "role": row.get("role", ""),
        "organisation": row.get("organisation", ""),
        "email": email,
        "phone": row.get("phone", ""),
        "country_code": country,
        "actor": actor,
        "chapter": chapter,
        "notes": row.get("notes", ""),
    }
    return report


def _contact_exists(name: str, organisation: str, other_than: Contact | None) -> bool:
    """Asked by lower(name) and lower(organisation), which an index answers."""
    lowered = Contact.objects.alias(name_lower=Lower("name"), org_lower=Lower("organisation"))
    found = lowered.filter(name_lower=name.lower(), org_lower=organisation.lower())
    if other_than is not None:
        found = found.exclude(pk=other_than.pk)
    return found.exists()


def _validate_member(line: int, row: dict, seen: dict) -> RowReport:
    report = RowReport(line, row.get("display_name", ""))
    errors = report.errors
    member = _named(Member, "campaigns:member", row, errors)
    if not row.get("display_name"):
        errors.append(_("no name shown (display_name)"))
    email = _email(row.get("email", ""), errors)
    chapters = [
        _chapter(name.strip(), errors)
        for name in row.get("chapters", "").split("|")
        if name.strip()
    ]
    if email:
        if email in seen:
            errors.append(_("duplicate of row %(line)s in this file") % {"line": seen[email]})
        seen.setdefault(email, line)
        # Lower-cased like the email above, so the index on lower(email) finds it.
        same_email = Member.objects.alias(lower_email=Lower("email")).filter(lower_email=email)
        if member is not None:
            same_email = same_email.exclude(pk=member.pk)
        if same_email.exists():
            errors.append(_("a member with this email already exists"))
    report.fields = {
        "record": member,
        "display_name": row.get("display_name", ""),
        "is_pseudonymous": row.get("pseudonymous", "").lower() in YES,
        "legal_name": row.get("legal_name", ""),
        "email": email,
        "phone": row.get("phone", ""),
        "languages": row.get("languages", ""),
        "skills": row.get("skills", ""),
        "availability": row.get("availability", ""),
        "chapters": chapters,
    }
    return report


def _create_contact(fields: dict) -> Contact:
    """A new contact, or the named one updated. An empty email or phone keeps the recorded one:
    an export leaves them empty for those who may not see them."""
    contact = fields.pop("record") or Contact()
    for name, value in fields.items():
        if name in ("email", "phone") and not value and contact.pk:
            continue
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    return contact


def _create_member(fields: dict) -> Member:
    """A new member, or the named one updated."""
    chapters = fields.pop("chapters")
    member = fields.pop("record") or Member()
    new = member.pk is None
    for name, value in fields.items():
        setattr(member, name, value)
    member.full_clean()
    member.save()
    if new:  # none to compare with, as set() would
        member.chapters.add(*chapters)
    else:
        member.chapters.set(chapters)
    return member


def import_contacts(stream, *, skip_invalid=False):
    return run_import(
        stream,
        required={"name", "kind"},
        validate=_validate_contact,
        create=_create_contact,
        skip_invalid=skip_invalid,
    )


def import_members(stream, *, skip_invalid=False):
    return run_import(
        stream,
        required={"display_name"},
        validate=_validate_member,
        create=_create_member,
        skip_invalid=skip_invalid,
    )


def member_rows(user, request=None) -> Iterator[dict]:
    """The members whose personal data `user` may see (their chapters' coordinators, and
    administrators), in the import's columns, read from the database a chunk at a time."""
    members = (
        Member.objects.filter(permissions.personal_data_filter(user, "chapters"), erased_at=None)
        .distinct()
        .prefetch_related("chapters")
        .order_by("pk")
    )
    return (
        {
            "id": member.pk,
            "url": address_of(member, request),
            "display_name": member.display_name,
            "pseudonymous": "yes" if member.is_pseudonymous else "no",
            "legal_name": member.legal_name,
            "email": member.email,
            "phone": member.phone,
            "chapters": "|".join(chapter.name for chapter in member.chapters.all()),
            "languages": member.languages,
            "skills": member.skills,
            "availability": member.availability,
        }
        for member in members.iterator(chunk_size=EXPORT_CHUNK)
    )


def contact_rows(user, request=None) -> Iterator[dict]:
    """Every contact in the import's columns; email and phone only where `user` may see them;
    read from the database a chunk at a time."""
    contacts = Contact.objects.select_related("actor", "chapter").order_by("pk")
    for contact in contacts.iterator(chunk_size=EXPORT_CHUNK):
        shown = privacy.can_see_contact_details(user, contact)
        actor = contact.actor
        yield {
            "id": contact.pk,
            "url": address_of(contact, request),
            "name": contact.name,
            "kind": contact.kind,
            "role": contact.role,
            "organisation": contact.organisation,
            "email": contact.email if shown else "",
            "phone": contact.phone if shown else "",
            "country": contact.country_code,
            # As the import finds it: a state by its country code, any other body by name.
            "actor": ""
            if actor is None
            else (actor.country_code if actor.kind == Actor.Kind.STATE else actor.name),
            "chapter": contact.chapter.name if contact.chapter else "",
            "notes": contact.notes,
        }
