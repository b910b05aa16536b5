import datetime

import pytest

from tests.conftest import add_reviewed_claim, make_source
from vigil.campaigns.models import Chapter, Contact, Member
from vigil.dossier import publishing
from vigil.law import services as law_services
from vigil.law.models import Element
from vigil.recognition import services as recognition_services
from vigil.recognition.models import Actor

# Everything that must never leave Vigil through the dossier, the public site, the open data or
# the feed. Each string is unique, so finding it anywhere is a leak.
SECRETS = {
    "restricted source": "Restricted Briefing Notes",
    "confidential source": "Confidential Witness Register",
    "confidential text": "witness lives at",
    "unverified claim": "Unverified rumour of 9999 deaths",
    "rejected claim": "Rejected claim about a bridge",
    "member legal name": "Leyla Hiddenname",
    "member email": "leyla.hidden@example.org",
    "contact email": "deputy.private@example.org",
    "unverified act wording": "unverified wording of a motion",
}


@pytest.fixture
def published(case, states, law):
    """A public case with public evidence, and a full set of things that must stay private."""
    case.is_public = True
    case.summary = "A case summary for the public."
    case.save()
    report = make_source(
        case,
        text="The report says 161 people were killed.",
        title="Field Report 1993",
        author="An NGO",
        standing="ngo",
        published_on=datetime.date(1993, 1, 1),
    )
    press = make_source(
        case, text="The paper says 200 were killed.", title="Daily Paper 1994", standing="press"
    )
    figure = add_reviewed_claim(
        report,
        fields={
            "statement": "At least 161 people were killed",
            "claim_type": "figure",
            "locator": "page 12, paragraph 3",
            "review_status": "verified",
        },
        figure={"category": "killed", "low": 161, "high": None, "population": "civilians"},
    )
    add_reviewed_claim(
        press,
        fields={
            "statement": "At least 200 people were killed",
            "claim_type": "figure",
            "locator": "front page",
            "review_status": "verified",
        },
        figure={"category": "killed", "low": 200, "high": None, "population": "people"},
    )
    element = Element.objects.get(crime__code="RS-6-a", number=1)
    law_services.link_claim(
        case, claim=figure, element=element, bearing="supports", strength="moderate"
    )
    law_services.set_considered(case, element.crime, True)
    pakistan = Actor.objects.get(kind="state", country_code="PAK")
    recognition_services.record_act(
        case,
        fields={
            "actor": pakistan,
            "date": datetime.date(2012, 2, 1),
            "instrument": "resolution",
            "characterisation": "genocide",
            "wording": "the genocide committed in the town",
            "status": "adopted",
            "review": "verified",
        },
        sources=[press],
    )

    # Verified is not public: what the public sees is published deliberately.
    publishing.publish_claims(case, publishing.awaiting_publication(case))
    for act in case.recognition_acts.filter(review="verified"):
        publishing.publish_act(act)

    restricted = make_source(
        case, text="internal notes", title=SECRETS["restricted source"], access_level="restricted"
    )
    confidential = make_source(
        case,
        text=f"The {SECRETS['confidential text']} number 5.",
        title=SECRETS["confidential source"],
        access_level="confidential",
    )
    add_reviewed_claim(
        confidential,
        fields={
            "statement": "A confidential claim",
            "claim_type": "act",
            "locator": "p. 1",
            "review_status": "verified",
        },
    )
    add_reviewed_claim(
        report,
        fields={
            "statement": SECRETS["unverified claim"],
            "claim_type": "figure",
            "locator": "p. 9",
            "review_status": "proposed",
        },
        figure={"category": "killed", "low": 9999, "high": 9999},
    )
    add_reviewed_claim(
        report,
        fields={
            "statement": SECRETS["rejected claim"],
            "claim_type": "act",
            "locator": "p. 2",
            "review_status": "rejected",
        },
    )
    recognition_services.record_act(
        case,
        fields={
            "actor": Actor.objects.get(kind="state", country_code="MEX"),
            "date": None,
            "instrument": "motion",
            "characterisation": "massacre",
            "wording": SECRETS["unverified act wording"],
            "status": "tabled",
            "review": "unverified",
        },
        sources=[restricted],
    )
    chapter = Chapter.objects.create(name="Sample chapter", city="Berlin", country_code="DEU")
    member = Member.objects.create(
        display_name="Nightingale",
        is_pseudonymous=True,
        legal_name=SECRETS["member legal name"],
        email=SECRETS["member email"],
    )
    member.chapters.add(chapter)
    Contact.objects.create(name="A deputy", kind="parliamentarian", email=SECRETS["contact email"])
    return case
