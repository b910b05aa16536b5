"""How long a dossier takes for a large case: 200 sources and 1,000 claims (synthetic data).

Prints the time to gather the content, to render the HTML and to render the PDF, and the PDF's
page count and size. Usage: .venv/bin/python bench/dossier.py [--sources N] [--claims N]
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--claims", type=int, default=1000)
    args = parser.parse_args()

    data_dir = tempfile.TemporaryDirectory(prefix="vigil-bench-")
    os.environ["VIGIL_DATA_DIR"] = data_dir.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from pypdf import PdfReader

    from vigil.dossier.content import build_content
    from vigil.dossier.render import render_html, render_pdf

    case = make_case(args.sources, args.claims)

    started, started_cpu = time.perf_counter(), time.process_time()
    content = build_content(case)
    gathered, gathered_cpu = time.perf_counter(), time.process_time()
    html = render_html(content)
    rendered, rendered_cpu = time.perf_counter(), time.process_time()
    pdf = render_pdf(build_content(case))
    finished, finished_cpu = time.perf_counter(), time.process_time()

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"case: {args.sources} sources, {args.claims} claims (all public, verified, published)")
    print(f"{'':16}{'time':>8} {'CPU':>8}  (CPU: this process alone, as on a quiet machine)")
    print(f"gather content: {gathered - started:6.2f} s {gathered_cpu - started_cpu:6.2f} s")
    print(
        f"render HTML:    {rendered - gathered:6.2f} s {rendered_cpu - gathered_cpu:6.2f} s "
        f"({len(html) / 1024:,.0f} KiB)"
    )
    print(
        f"build PDF:      {finished - rendered:6.2f} s {finished_cpu - rendered_cpu:6.2f} s "
        f"({pages} pages, {len(pdf) / 1024:,.0f} KiB)"
    )


def make_case(source_count: int, claim_count: int):
    """Synthetic evidence, marked as such: never demonstration or real data. Each claim is
    recorded by one researcher, verified by another and published, as the dossier requires."""
    from django.contrib.auth import get_user_model

    from vigil.cases.models import Case
    from vigil.dossier import publishing
    from vigil.evidence import services
    from vigil.law import services as law_services
    from vigil.law.models import Element

    rng = random.Random(1992)
    author = get_user_model().objects.create_user("bench-author")
    reviewer = get_user_model().objects.create_user("bench-reviewer")
    case = Case.objects.create(slug="bench", title="Synthetic benchmark case", is_public=True)
    sources = [
        services.add_source_from_bytes(
            case,
            data=f"Synthetic source {n}.".encode(),
            filename=f"s{n}.txt",
            metadata={
                "kind": "report",
                "title": f"Synthetic source {n}",
                "author": f"Body {n}",
                "reliability_grade": rng.choice("ABCDE"),
                "access_level": "public",
                "standing": rng.choice(["ngo", "court", "press", "party"]),
            },
        ).source
        for n in range(source_count)
    ]
    elements = list(Element.objects.filter(crime__code__in=["RS-6-a", "RS-7-1-a"]))
    claims = []
    for n in range(claim_count):
        is_figure = n % 5 == 0
        claim = services.add_claim(
            rng.choice(sources),
            fields={
                "statement": f"Synthetic claim {n}",
                "locator": f"p. {n % 300 + 1}",
                "claim_type": "figure" if is_figure else "act",
                "credibility": rng.randint(1, 6),
            },
            figure={
                "category": rng.choice(["killed", "wounded", "hostage"]),
                "low": rng.randint(100, 700),
                "high": None,
            }
            if is_figure
            else None,
            user=author,
        )
        services.review_claim(claim, status="verified", user=reviewer)
        claims.append(claim)
        if n % 10 == 0:
            law_services.link_claim(
                case,
                claim=claim,
                element=rng.choice(elements),
                bearing="supports",
                strength="moderate",
            )
    publishing.publish_claims(case, claims, user=reviewer)
    for crime_code in ("RS-6-a", "RS-7-1-a"):
        law_services.set_considered(
            case, Element.objects.filter(crime__code=crime_code)[0].crime, True
        )
    return case


if __name__ == "__main__":
    sys.exit(main())
