"""What the benchmarks that run at size share: a data directory and database (throw-away unless
one is named), the archive `vigil generate-scale` writes into it (reused when already there), and
one record of every kind the pages show, picked from that archive.

Call `set_up` before importing anything from Django or Vigil.
"""

import math
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SEED = 1


def set_up(data_dir: Path, database_url: str | None) -> None:
    """Point Vigil at the data directory (and PostgreSQL database, created if missing), set Django
    up and migrate."""
    os.environ["VIGIL_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        _create_database(database_url)
        os.environ["DATABASE_URL"] = database_url
    # The test client calls itself "testserver"; vigil serve answers on 127.0.0.1.
    os.environ["VIGIL_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    sys.path.insert(0, str(ROOT))  # the benchmarks reuse the tests' table of every URL
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def archive_at(size: str) -> None:
    """Generate the archive of this size unless the database already holds one."""
    from vigil.demo import scale

    if scale.already_generated(SEED):
        print(f"reusing the archive already in the database (seed {SEED})")
        return
    plan = scale.plan_for(size)
    began = time.perf_counter()
    scale.generate(plan, seed=SEED, progress=lambda step: print(f"  generating: {step}"))
    print(f"generated {size} ({plan.claims:,} claims) in {time.perf_counter() - began:.0f} s")


class Sample:
    """One record of every kind, in the archive's first case and first chapter, with the
    attributes the tests' table of URLs (`tests.accounts.test_authorisation.TABLE`) reads."""

    def __init__(self):
        from vigil.campaigns.models import RSVP, Event, Member
        from vigil.cases.models import Case
        from vigil.evidence.models import Source
        from vigil.ingest.models import Candidate
        from vigil.law.models import ElementLink
        from vigil.recognition.models import RecognitionAct, Target

        self.case = Case.objects.filter(slug__startswith=f"scale-{SEED}-").order_by("pk")[0]
        # The public site is one of the pages: the case shown must be public.
        Case.objects.filter(pk=self.case.pk).update(is_public=True)
        in_case = Source.objects.filter(case=self.case).order_by("pk")
        self.source = in_case.filter(claims__isnull=False, access_level="public")[0]
        self.confidential = in_case.filter(access_level="confidential")[0]
        self.claim = self.source.claims.order_by("pk")[0]
        self.link = ElementLink.objects.filter(case=self.case).order_by("pk")[0]
        self.crime_code = self.link.element.crime.code
        self.act = RecognitionAct.objects.filter(case=self.case).order_by("pk")[0]
        self.target = Target.objects.filter(case=self.case).order_by("pk")[0]
        self.candidate = Candidate.objects.filter(source=self.source).order_by("pk")[0]
        self.member = Member.objects.filter(chapters__isnull=False).order_by("pk")[0]
        self.chapter_x = self.member.chapters.order_by("pk")[0]
        self.consent = self.member.consents.order_by("pk")[0]
        self.event = Event.objects.filter(rsvps__isnull=False, chapter=self.chapter_x).first()
        self.event = self.event or Event.objects.filter(rsvps__isnull=False).order_by("pk")[0]
        self.rsvp = RSVP.objects.filter(event=self.event).order_by("pk")[0]
        self.contact = self.chapter_x.contacts.filter(interactions__isnull=False).first()
        self.contact = self.contact or _first("campaigns.Contact", interactions__isnull=False)
        self.interaction = self.contact.interactions.order_by("pk")[0]
        self.task = _first("campaigns.Task")
        self.build, self.job, self.material, self.version = _records_not_generated(self.case)

    def in_case(self, **arguments):
        if "code" in arguments:  # the matrix of a crime the case has evidence for
            arguments["code"] = self.crime_code
        return {"slug": self.case.slug, **arguments}


def _first(label: str, **filters):
    from django.apps import apps

    return apps.get_model(label).objects.filter(**filters).order_by("pk")[0]


def _records_not_generated(case):
    """A finished dossier build, an ingestion job and a material with an approved version:
    the generator makes none (the same small ones each run)."""
    from django.utils import timezone

    from vigil.campaigns.models import Material, MaterialVersion
    from vigil.dossier.models import DossierBuild
    from vigil.evidence import archive
    from vigil.evidence.models import ArchivedFile
    from vigil.ingest.models import IngestJob

    sha, size = archive.store_bytes(b"%PDF-1.4 a benchmark's dossier")
    stored, _ = ArchivedFile.objects.get_or_create(
        sha256=sha, defaults={"size": size, "original_name": "dossier.pdf"}
    )
    build = DossierBuild.objects.filter(case=case, status="done").first()
    build = build or DossierBuild.objects.create(case=case, status="done", archived_file=stored)
    job = IngestJob.objects.filter(case=case).first() or IngestJob.objects.create(case=case)
    material = Material.objects.filter(case=case).first() or Material.objects.create(
        title="Fact sheet", kind="fact_sheet", case=case, is_public=True
    )
    version = material.versions.first() or MaterialVersion.objects.create(
        material=material, language="en", archived_file=stored, approved_at=timezone.now()
    )
    return build, job, material, version


def administrator():
    """A signed-in test client of an administrator who has passed the second factor."""
    from django.contrib.auth import get_user_model
    from tests.conftest import signed_in

    user, _ = get_user_model().objects.get_or_create(
        username="bench-administrator", defaults={"is_superuser": True, "is_staff": True}
    )
    client = signed_in(user, second_factor=True)
    client.raise_request_exception = False  # a page that fails answers 500, as it would live
    return client


def percentile(values: list[float], rank: int) -> float:
    """The nearest-rank percentile (of 10 runs, p95 is the slowest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)]
