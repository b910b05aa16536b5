"""Every write path people take, as one call each through the functions the views and commands
call, for the write benchmark (bench/writes.py) and the tests that check a write costs the same
whatever the size of the archive.

Each path has a `prepare` step (not measured) that makes what the write needs, fresh, so that a
path does the same work at every size (deleting a source always deletes one with one claim), and
the `write` itself.
"""

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from vigil.audit.log import acting_as
from vigil.campaigns import services as campaign_services
from vigil.campaigns.importers import (
    CONTACT_COLUMNS,
    MEMBER_COLUMNS,
    import_contacts,
    import_members,
)
from vigil.campaigns.models import Chapter, Contact, Member
from vigil.cases.models import Case
from vigil.evidence import services as evidence
from vigil.evidence.models import Claim, Source
from vigil.ingest import review
from vigil.ingest.models import Candidate
from vigil.law import services as law
from vigil.law.models import Element, ElementLink
from vigil.recognition import services as recognition
from vigil.recognition.importer import COLUMNS, import_recognitions
from vigil.recognition.models import Actor, RecognitionAct

_numbers = itertools.count(1)


@dataclass
class Setting:
    """Where the writes happen: a case of the archive, a person, and records to refer to."""

    case: Case
    user: Any
    reviewer: Any  # another person: whoever records a claim does not verify it
    element: Element
    actor: Actor
    chapter: Chapter

    @classmethod
    def for_case(cls, case: Case) -> "Setting":
        people = get_user_model().objects
        user, _created = people.get_or_create(username="write-paths")
        reviewer, _created = people.get_or_create(username="write-paths-reviewer")
        chapter = Chapter.objects.order_by("pk").first() or Chapter.objects.create(
            name="Write paths chapter", city="Berlin", country_code="DEU"
        )
        return cls(
            case=case,
            user=user,
            reviewer=reviewer,
            element=Element.objects.order_by("pk").first(),
            actor=Actor.objects.filter(kind=Actor.Kind.STATE).order_by("pk").first(),
            chapter=chapter,
        )


@dataclass(frozen=True)
class WritePath:
    name: str
    prepare: Callable[[Setting], Any]
    write: Callable[[Setting, Any], Any]

    def run(self, setting: Setting, prepared: Any) -> Any:
        with acting_as(setting.user):
            return self.write(setting, prepared)


def _text() -> str:
    return f"Report number {next(_numbers)}: shelling of the road at night, witnesses said."


def new_source(setting: Setting) -> Source:
    metadata = {"kind": "report", "title": _text()[:40], "access_level": "restricted"}
    data = _text().encode()
    return evidence.add_source_from_bytes(
        setting.case, data=data, filename="report.txt", metadata=metadata, user=setting.user
    ).source


def new_claim(setting: Setting, source: Source | None = None) -> Claim:
    fields = {"statement": _text(), "claim_type": "act", "locator": "p. 4"}
    return evidence.add_claim(source or new_source(setting), fields=fields, user=setting.user)


def _source_with_claim(setting: Setting) -> Source:
    source = new_source(setting)
    new_claim(setting, source)
    return source


def _candidate(setting: Setting) -> Candidate:
    source = new_source(setting)
    return Candidate.objects.create(
        source=source,
        kind=Candidate.Kind.DATE,
        start=0,
        end=6,
        text="Report",
        data={"value": "1992-02-26"},
    )


def _import_file(setting: Setting) -> str:
    row = {
        "country": "PAK",
        "actor": f"Senate {next(_numbers)}",
        "actor_kind": "chamber",
        "date": "2012-02-01",
        "instrument": "resolution",
        "characterisation": "genocide",
        "wording": "the genocide committed",
        "status": "adopted",
        "source_title": f"Senate resolution {next(_numbers)}",
        "source_url": "",
        "notes": "",
        "verified": "yes",
    }
    return _csv(COLUMNS, row)  # an export's id and address columns stay empty: a new act


def _csv(columns: list[str], row: dict) -> str:
    return ",".join(columns) + "\n" + ",".join(row.get(c, "") for c in columns) + "\n"


def _members_file(setting: Setting) -> str:
    number = next(_numbers)
    row = {"display_name": f"Member {number}", "email": f"new{number}@example.org"}
    return _csv(MEMBER_COLUMNS, {**row, "chapters": setting.chapter.name})


def _contacts_file(setting: Setting) -> str:
    row = {"name": f"Contact {next(_numbers)}", "kind": "journalist", "country": "PAK"}
    return _csv(CONTACT_COLUMNS, {**row, "actor": "PAK", "chapter": setting.chapter.name})


def _act(setting: Setting, source: Source | None = None) -> RecognitionAct:
    return recognition.record_act(
        setting.case,
        fields={
            "actor": setting.actor,
            "date": None,
            "instrument": "resolution",
            "characterisation": "massacre",
            "wording": _text(),
            "status": "tabled",
        },
        sources=[source or new_source(setting)],
        user=setting.user,
    )


def _member(setting: Setting) -> Member:
    return Member.objects.create(display_name=f"Member {next(_numbers)}", email="m@example.org")


def _contact(setting: Setting) -> Contact:
    return Contact.objects.create(name=f"Contact {next(_numbers)}", kind=Contact.Kind.JOURNALIST)


def _nothing(setting: Setting) -> None:
    return None


def _saved(instance, **changes):
    for field, value in changes.items():
        setattr(instance, field, value)
    instance.save()
    return instance


WRITE_PATHS = [
    WritePath("add a source", _nothing, lambda s, _: new_source(s)),
    WritePath(
        "edit a source",
        new_source,
        lambda s, src: evidence.update_source(src, changes={"title": "Edited"}, user=s.user),
    ),
    WritePath("delete a source with its claim", _source_with_claim, lambda s, src: src.delete()),
    WritePath("add a claim", new_source, lambda s, src: new_claim(s, src)),
    WritePath(
        "edit a claim",
        new_claim,
        lambda s, c: evidence.update_claim(c, fields={"statement": _text()}, user=s.user),
    ),
    WritePath(
        "review a claim",
        new_claim,
        lambda s, c: evidence.review_claim(c, status=Claim.Review.VERIFIED, user=s.reviewer),
    ),
    WritePath("delete a claim", new_claim, lambda s, c: c.delete()),
    WritePath(
        "link a claim to an element",
        new_claim,
        lambda s, c: law.link_claim(
            s.case,
            claim=c,
            element=s.element,
            bearing=ElementLink.Bearing.SUPPORTS,
            strength=ElementLink.Strength.STRONG,
            user=s.user,
        ),
    ),
    WritePath(
        "accept an ingestion candidate",
        _candidate,
        lambda s, c: review.accept(c, user=s.user),
    ),
    WritePath("add a recognition act", new_source, lambda s, src: _act(s, src)),
    WritePath(
        "edit a recognition act",
        _act,
        lambda s, a: recognition.update_act(a, fields={"wording": _text()}),
    ),
    WritePath("delete a recognition act", _act, lambda s, a: a.delete()),
    WritePath(
        "import a recognition act (CSV)",
        _import_file,
        lambda s, text: import_recognitions(s.case, io.StringIO(text), user=s.user),
    ),
    WritePath("publish the case", _nothing, lambda s, _: _saved(s.case, is_public=True)),
    WritePath("add a member", _nothing, lambda s, _: _member(s)),
    WritePath("edit a member", _member, lambda s, m: _saved(m, skills="translation")),
    WritePath(
        "erase a member", _member, lambda s, m: campaign_services.erase_member(m, user=s.user)
    ),
    WritePath(
        "import a member (CSV)", _members_file, lambda s, text: import_members(io.StringIO(text))
    ),
    WritePath("add a contact", _nothing, lambda s, _: _contact(s)),
    WritePath("edit a contact", _contact, lambda s, c: _saved(c, role="editor")),
    WritePath("delete a contact", _contact, lambda s, c: c.delete()),
    WritePath(
        "import a contact (CSV)",
        _contacts_file,
        lambda s, text: import_contacts(io.StringIO(text)),
    ),
]
