"""CSV imports of contacts and members, each row validated and reported (see vigil.tabular)."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from vigil.campaigns.models import Chapter, Contact, Member
from vigil.recognition.actors import is_country_code
from vigil.recognition.models import Actor
from vigil.tabular import RowReport, choice, run_import

CONTACT_COLUMNS = [
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


def _validate_contact(line: int, row: dict, seen: dict) -> RowReport:
    report = RowReport(line, row.get("name", ""))
    errors = report.errors
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
            or Actor.objects.filter(kind="state", country_code=row["actor"].upper()).first()
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
    if _contact_exists(row.get("name", ""), row.get("organisation", "")):
        errors.append(_("a contact with this name and organisation already exists"))
    report.fields = {
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


def _contact_exists(name: str, organisation: str) -> bool:
    """Asked by lower(name) and lower(organisation), which an index answers."""
    lowered = Contact.objects.alias(name_lower=Lower("name"), org_lower=Lower("organisation"))
    return lowered.filter(name_lower=name.lower(), org_lower=organisation.lower()).exists()


def _validate_member(line: int, row: dict, seen: dict) -> RowReport:
    report = RowReport(line, row.get("display_name", ""))
    errors = report.errors
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
        if Member.objects.alias(lower_email=Lower("email")).filter(lower_email=email).exists():
            errors.append(_("a member with this email already exists"))
    report.fields = {
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
    contact = Contact(**fields)
    contact.full_clean()
    contact.save()
    return contact


def _create_member(fields: dict) -> Member:
    chapters = fields.pop("chapters")
    member = Member(**fields)
    member.full_clean()
    member.save()
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
