"""Generated cases, sources (with their archived bytes), claims, figures, links to elements of
crimes and ingestion candidates."""

import hashlib
import os

from vigil.cases.models import Case, CaseMembership
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile, Claim, Figure, Source, WorkingCopy
from vigil.evidence.text import vigil_tool
from vigil.ingest.models import Candidate
from vigil.law.models import ConsideredCrime, Crime, Element, ElementLink
from vigil.private_files import private_folder

from .chain import Chain, insert, insert_all
from .words import Writer

COUNTRIES = ("AZE", "ARM", "BIH", "RWA", "IRQ", "MMR", "KHM", "SYR", "UKR", "SDN", "GTM", "TUR")
# How often each value is drawn: by repeating it.
CLAIM_TYPES = (
    Claim.Type.FIGURE,
    Claim.Type.EVENT,
    Claim.Type.EVENT,
    Claim.Type.ACT,
    Claim.Type.ACT,
    Claim.Type.ACTOR,
    Claim.Type.OTHER,
    Claim.Type.FIGURE,
    Claim.Type.EVENT,
)
REVIEW = (
    (Claim.Review.PROPOSED,) * 10
    + (Claim.Review.VERIFIED,) * 7
    + (Claim.Review.DISPUTED,) * 2
    + (Claim.Review.REJECTED,)
)
ACCESS = (
    (Source.Access.RESTRICTED,) * 14 + (Source.Access.PUBLIC,) * 5 + (Source.Access.CONFIDENTIAL,)
)
# Sources are written this many at a time, each batch with its claims, figures and candidates.
SOURCES_PER_BATCH = 100


def cases(chain: Chain, writer: Writer, count: int, seed: int, users: list) -> list[Case]:
    rng = writer.rng
    made = insert_all(
        chain,
        Case,
        (
            Case(
                slug=f"scale-{seed}-{number:02d}",
                title=f"{writer.title()} {1988 + number}",
                start_date=writer.date(),
                place=writer.name(),
                country_code=rng.choice(COUNTRIES),
                summary=writer.paragraphs(4),
                is_public=number % 4 == 0,
            )
            for number in range(1, count + 1)
        ),
    )
    roles = (
        CaseMembership(case=case, user=user, role=rng.choice(CaseMembership.Role.values))
        for case in made
        for user in rng.sample(users, min(len(users), 10))
    )
    insert_all(chain, CaseMembership, roles)
    crimes = list(Crime.objects.order_by("pk"))
    considered = (
        ConsideredCrime(case=case, crime=crime)
        for case in made
        for crime in rng.sample(crimes, min(3, len(crimes)))
    )
    insert_all(chain, ConsideredCrime, considered)
    return made


def evidence(chain: Chain, writer: Writer, case: Case, sources: int, claims: int, users) -> list:
    """The case's sources with their claims; returns the first source ids (acts cite them)."""
    crimes = ConsideredCrime.objects.filter(case=case).values("crime_id")
    elements = list(Element.objects.filter(crime__in=crimes).values_list("pk", flat=True))
    per_source = max(1, claims // max(sources, 1))
    cited = []
    for start in range(0, sources, SOURCES_PER_BATCH):
        count = min(SOURCES_PER_BATCH, sources - start)
        made = _sources(chain, writer, case, start, count, users)
        cited.extend(s.pk for s in made[: max(0, 200 - len(cited))])
        _claims(chain, writer, made, per_source, elements, users)
        _candidates(chain, writer, made)
    return cited


def _sources(chain, writer, case, start, count, users) -> list[Source]:
    files, rows = zip(
        *(_generated_source(writer, case, number, users) for number in range(start, start + count)),
        strict=True,
    )
    for source, file in zip(rows, insert_all(chain, ArchivedFile, files), strict=True):
        source.archived_file = file
    made = insert_all(chain, Source, rows)
    _first_text_versions(chain, made)
    return made


def _generated_source(writer, case, number, users) -> tuple[ArchivedFile, Source]:
    """One generated text, stored in the archive, and the source it is the file of."""
    rng = writer.rng
    text = writer.paragraphs(rng.randint(8, 40))
    data = text.encode()
    sha = hashlib.sha256(data).hexdigest()
    _store(sha, data)
    file = ArchivedFile(
        sha256=sha,
        size=len(data),
        media_type="text/plain",
        original_name=f"{case.slug}-{number:06d}.txt",
    )
    source = Source(
        case=case,
        kind=rng.choice(Source.Kind.values),
        title=writer.title(),
        author=f"{writer.name()} {writer.word()}",
        published_on=writer.date(),
        language=rng.choice(("en",) * 9 + ("",)),
        text=text,
        standing=rng.choice(Source.Standing.values),
        side=rng.choice(("", "", writer.name())),
        reliability_grade=rng.choice("ABCDEF"),
        reliability_reason=writer.sentence(),
        access_level=rng.choice(ACCESS),
        created_by=rng.choice(users),
    )
    return file, source


def _first_text_versions(chain, made: list[Source]) -> None:
    """Each text is version 1 of its source's text working copy, as an upload makes it."""
    tool = vigil_tool("text decoded")
    copies = insert_all(
        chain,
        WorkingCopy,
        (
            WorkingCopy(
                source=source,
                original_id=source.archived_file_id,
                version=1,
                text=source.text,
                method=WorkingCopy.Method.EXTRACTED,
                tool=tool,
                tool_settings={"media_type": "text/plain"},
                made_by=source.created_by,
            )
            for source in made
        ),
    )
    for source, copy in zip(made, copies, strict=True):
        source.first_text = copy


def _store(sha: str, data: bytes) -> None:
    """Write generated bytes straight into the archive: no fsync, as nothing is lost if a
    generation is interrupted (it is simply run again on a fresh database)."""
    path = archive.path_for(sha)
    if path.exists():
        return
    private_folder(path.parent)
    with open(path, "wb") as out:
        out.write(data)
    os.chmod(path, 0o400)


def _claims(chain, writer, sources, per_source, elements, users) -> None:
    rng = writer.rng
    rows, figures = [], {}
    for source in sources:
        for _ in range(rng.randint(max(1, per_source // 2), per_source * 3 // 2)):
            claim = _claim(writer, source, rng.choice(users))
            if claim.claim_type == Claim.Type.FIGURE:
                figures[id(claim)] = _figure(writer, claim)
            rows.append(claim)
    for batch in insert(chain, Claim, rows):
        made_figures = [figures[id(c)] for c in batch if id(c) in figures]
        for figure in made_figures:
            figure.claim_id = figure.claim.pk
        list(insert(chain, Figure, made_figures, size=len(made_figures) or 1))
        links = [_link(writer, c, elements) for c in batch if rng.random() < 0.05]
        list(insert(chain, ElementLink, links, size=len(links) or 1))


def _claim(writer: Writer, source: Source, user) -> Claim:
    rng = writer.rng
    kind = rng.choice(CLAIM_TYPES)
    day = writer.date() if kind == Claim.Type.EVENT or rng.random() < 0.3 else None
    statement = writer.sentence()
    if kind == Claim.Type.EVENT:
        statement = f"On {writer.spoken_date(day)}, {writer.sentence(6, 16).lower()}"
    return Claim(
        case_id=source.case_id,
        source=source,
        statement=statement,
        claim_type=kind,
        locator=f"p. {rng.randint(1, 300)}, para. {rng.randint(1, 12)}",
        credibility=rng.randint(1, 6),
        review_status=rng.choice(REVIEW),
        occurred_on=day,
        created_by=user,
        text_version=source.first_text,
    )


def _figure(writer: Writer, claim: Claim) -> Figure:
    rng = writer.rng
    low = rng.randint(1, 2000)
    high = rng.choice((low, low, None, low + rng.randint(1, 500)))
    category = rng.choice(Figure.Category.values)
    claim.statement = writer.figure_statement(low, high, category)
    return Figure(
        claim=claim,
        case_id=claim.case_id,
        category=category,
        low=low,
        high=high,
        population="civilians",
    )


def _link(writer: Writer, claim: Claim, elements: list[int]) -> ElementLink:
    rng = writer.rng
    return ElementLink(
        case_id=claim.case_id,
        claim=claim,
        element_id=rng.choice(elements),
        bearing=rng.choice(ElementLink.Bearing.values),
        strength=rng.choice(ElementLink.Strength.values),
        note=writer.sentence(4, 10),
    )


def _candidates(chain, writer, sources) -> None:
    rng = writer.rng
    rows = []
    for source in sources:
        for _ in range(3):
            start = rng.randrange(max(1, len(source.text) - 40))
            end = start + rng.randint(5, 30)
            kind = rng.choice(Candidate.Kind.values)
            data = {"value": writer.date().isoformat()} if kind == Candidate.Kind.DATE else {}
            if kind == Candidate.Kind.FIGURE:
                data = {"category": Figure.Category.KILLED, "low": 10, "high": 10, "population": ""}
            rows.append(
                Candidate(
                    source=source,
                    kind=kind,
                    start=start,
                    end=end,
                    text=source.text[start:end],
                    data=data,
                )
            )
    list(insert(chain, Candidate, rows))
