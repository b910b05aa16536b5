"""Generated recognition work (bodies, acts citing sources, targets and their history) and
campaign work (chapters, members and consents, contacts and interactions, events and replies,
tasks)."""

import datetime

from vigil.campaigns.models import (
    RSVP,
    Chapter,
    Consent,
    Contact,
    Event,
    Interaction,
    Member,
    Task,
)
from vigil.recognition.models import Actor, Characterisation, RecognitionAct, StageChange, Target

from .chain import Chain, insert, insert_all
from .words import Writer

BODY_KINDS = ("parliament", "chamber", "committee", "subnational", "municipality", "government")


def recognition(chain: Chain, writer: Writer, cases, plan, cited_sources: dict) -> None:
    rng = writer.rng
    states = list(Actor.objects.filter(kind=Actor.Kind.STATE).order_by("pk"))
    bodies = insert_all(
        chain,
        Actor,
        (
            Actor(
                name=f"{writer.name()} {kind} {_series(cases)}-{number}",
                kind=kind,
                country_code=state.country_code,
                parent=state,
            )
            for number in range(plan.bodies)
            for state in [rng.choice(states)]
            for kind in [rng.choice(BODY_KINDS)]
        ),
    )
    actors = states + bodies
    acts = [_act(writer, rng.choice(cases), rng.choice(actors)) for _ in range(plan.acts)]
    through = RecognitionAct.sources.through
    for batch in insert(chain, RecognitionAct, acts):
        links = [
            through(recognitionact_id=act.pk, source_id=source)
            for act in batch
            for source in rng.sample(cited_sources[act.case_id], 2)
        ]
        through.objects.bulk_create(links)
    for case in cases:
        _targets(chain, writer, case, rng.sample(actors, plan.targets // len(cases)))


def _series(cases) -> str:
    """What tells this archive's names from another seed's ("scale-1")."""
    return cases[0].slug.rsplit("-", 1)[0]


def _act(writer: Writer, case, actor) -> RecognitionAct:
    rng = writer.rng
    return RecognitionAct(
        case=case,
        actor=actor,
        date=writer.date(1995),
        instrument=rng.choice(RecognitionAct.Instrument.values),
        characterisation=rng.choice(Characterisation.values),
        wording=writer.sentence(),
        status=rng.choice(RecognitionAct.Status.values),
        review=rng.choice(RecognitionAct.Review.values),
    )


def _targets(chain: Chain, writer: Writer, case, actors) -> None:
    rng = writer.rng
    path = Target.PATH
    made = insert_all(
        chain,
        Target,
        (
            Target(
                case=case,
                actor=actor,
                stage=rng.choice(path),
                next_step=writer.sentence(4, 9),
                due_date=writer.date(2024, 2027),
            )
            for actor in actors
        ),
    )
    history = (
        StageChange(target=target, from_stage=path[step], to_stage=path[step + 1])
        for target in made
        for step in range(path.index(target.stage))
    )
    list(insert(chain, StageChange, history))


def campaigns(chain: Chain, writer: Writer, cases, plan, users) -> None:
    rng = writer.rng
    chapters = insert_all(
        chain,
        Chapter,
        (
            Chapter(
                name=f"{writer.name()} chapter {_series(cases)}-{n}",
                city=writer.name(),
                country_code="DEU",
            )
            for n in range(plan.chapters)
        ),
    )
    through = Chapter.cases.through
    through.objects.bulk_create(through(chapter=c, case=rng.choice(cases)) for c in chapters)
    _members(chain, writer, plan.members, chapters)
    actors = list(Actor.objects.order_by("pk").values_list("pk", flat=True)[:2000])
    contacts = insert_all(
        chain,
        Contact,
        (
            Contact(
                name=f"{writer.name()} {writer.name()}",
                kind=rng.choice(Contact.Kind.values),
                organisation=writer.title()[:200],
                actor_id=rng.choice(actors),
                chapter=rng.choice(chapters),
                email=f"contact{n}@example.org",
            )
            for n in range(plan.contacts)
        ),
    )
    interactions = (_interaction(writer, c, users) for c in contacts for _ in range(3))
    list(insert(chain, Interaction, interactions))
    _events(chain, writer, plan, chapters, cases)


def _members(chain: Chain, writer: Writer, count: int, chapters) -> None:
    rng = writer.rng
    members = (
        Member(
            display_name=writer.name(),
            is_pseudonymous=rng.random() < 0.3,
            legal_name=f"{writer.name()} {writer.name()}",
            email=f"member{n}@example.org",
        )
        for n in range(count)
    )
    through = Member.chapters.through
    for batch in insert(chain, Member, members):
        through.objects.bulk_create(
            through(member_id=m.pk, chapter_id=rng.choice(chapters).pk) for m in batch
        )
        consents = [
            Consent(member=m, purpose=Consent.Purpose.CONTACT, statement=writer.sentence())
            for m in batch
        ]
        list(insert(chain, Consent, consents))


def _interaction(writer: Writer, contact, users) -> Interaction:
    rng = writer.rng
    return Interaction(
        contact=contact,
        date=writer.date(2015),
        channel=rng.choice(Interaction.Channel.values),
        summary=writer.sentence(),
        follow_up_on=writer.date(2024, 2026) if rng.random() < 0.3 else None,
        recorded_by=rng.choice(users),
    )


def _events(chain: Chain, writer: Writer, plan, chapters, cases) -> None:
    rng = writer.rng
    events = []
    for number in range(plan.events):
        starts = datetime.datetime.combine(writer.date(2015, 2026), datetime.time(18), datetime.UTC)
        events.append(
            Event(
                title=writer.title()[:200],
                kind=rng.choice(Event.Kind.values),
                chapter=rng.choice(chapters),
                case=rng.choice(cases),
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                time_zone="Europe/Berlin",
                city=writer.name(),
                capacity=rng.choice((None, 50, 200)),
                is_public=number % 3 != 0,
            )
        )
    made = insert_all(chain, Event, events)
    replies = (
        RSVP(
            event=event,
            name=writer.name(),
            email=f"guest{event.pk}-{n}@example.org",
            consent_statement=writer.sentence(),
            status=RSVP.Status.CONFIRMED,
        )
        for event in made
        for n in range(plan.replies_per_event)
    )
    list(insert(chain, RSVP, replies))
    tasks = (
        Task(
            title=writer.sentence(3, 8)[:200], chapter=rng.choice(chapters), status=Task.Status.OPEN
        )
        for _ in range(plan.tasks)
    )
    list(insert(chain, Task, tasks))
