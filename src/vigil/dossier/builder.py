"""Building a dossier file: in the foreground for the command line, as a task for the web app."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from vigil.audit.log import acting_as
from vigil.evidence import archive

from .content import build_content
from .models import DossierBuild
from .render import render_html, render_pdf

logger = logging.getLogger(__name__)


def build_bytes(
    case, fmt: str, progress=lambda percent, stage: None, language: str | None = None
) -> bytes:
    """The dossier as PDF or HTML bytes, in `language` (else the active one; Urdu is laid out
    right to left), reporting progress as (percent, stage)."""
    with translation.override(language or translation.get_language()):
        content = build_content(case, progress=progress)
        progress(80, "rendering")
        data = render_html(content).encode() if fmt == "html" else render_pdf(content)
    progress(100, "done")
    return data


def _report(build_id: int):
    def progress(percent: int, stage: str) -> None:
        DossierBuild.objects.filter(pk=build_id).update(progress=percent, stage=stage)

    return progress


@task()
def build_dossier(build_id: int) -> None:
    """The background job behind the web app's "Build the dossier" button."""
    build = DossierBuild.objects.select_related("case", "requested_by").get(pk=build_id)
    # The worker acts for the person who asked: the log names them as the dossier's maker.
    with acting_as(build.requested_by):
        _build_and_keep(build)


def _given_up(args, kwargs, reason: str) -> None:
    """Its workers kept dying (a dossier run again is simply built again, from the start)."""
    build = DossierBuild.objects.select_related("requested_by").get(pk=args[0])
    with acting_as(build.requested_by):
        build.error = reason
        _finish(build, DossierBuild.Status.FAILED)


# What to do with a job of this task that its workers kept dying on (vigil/ops/leases.py).
WHEN_GIVEN_UP = {"build_dossier": _given_up}


def _build_and_keep(build: DossierBuild) -> None:
    build.status = DossierBuild.Status.RUNNING
    build.save(update_fields=["status"])
    try:
        data = build_bytes(build.case, build.format, _report(build.pk), build.language)
        media_type = "application/pdf" if build.format == "pdf" else "text/html"
        with transaction.atomic():
            build.archived_file = archive.archive_upload(
                data, name=build.filename, media_type=media_type
            )
            _finish(build, DossierBuild.Status.DONE, progress=100)
    except Exception as error:
        logger.exception("dossier build %s failed", build.pk)
        build.error = str(error)[:2000]
        _finish(build, DossierBuild.Status.FAILED)
        raise


def _finish(build: DossierBuild, status: str, **fields) -> None:
    """Save the outcome through the model, so the audit log records it (progress is not logged:
    it is written with update(), which sends no signal)."""
    for name, value in fields.items():
        setattr(build, name, value)
    build.status = status
    build.finished_at = timezone.now()
    build.save(update_fields=["status", "archived_file", "error", "finished_at", *fields])


def request_build(case, fmt: str, user=None, language: str | None = None) -> DossierBuild:
    """Queue a dossier build in `language` (else the language of the page that asked)."""
    build = DossierBuild.objects.create(
        case=case,
        format=fmt,
        requested_by=user,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )
    # Enqueue only once the row is committed, so a worker in another process can see it.
    transaction.on_commit(lambda: build_dossier.enqueue(build.pk))
    return build
