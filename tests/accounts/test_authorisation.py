"""Every URL of the project, for every role, with and without a role in the object's case or
chapter: allowed or refused as THE TABLE below says.

The table is written from the issue's rules, not from the code: it decides every URL for GET and
for POST, and a (URL, method) that is not in it fails `test_the_table_covers_every_url`, so no view
can be added without deciding who may open it and who may post to it. A method a URL does not take
is declared "not-allowed": it answers 405 (or the page's own refusal), never a server error. No
refused request changes anything.
"""

import datetime
import hashlib

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.conftest import signed_in
from tests.personas import give_role
from vigil.api import tokens as api_tokens
from vigil.campaigns import rsvps
from vigil.campaigns.models import (
    RSVP,
    Chapter,
    Consent,
    Contact,
    Interaction,
    Material,
    MaterialVersion,
    Member,
    Task,
)
from vigil.cases.models import Case, CaseMembership
from vigil.dossier.models import DossierBuild
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile, Claim, Source
from vigil.ingest.models import Candidate, IngestJob
from vigil.law.models import ElementLink
from vigil.recognition import services as recognition_services
from vigil.recognition import worldmap
from vigil.recognition.models import Actor, RecognitionAct

pytestmark = pytest.mark.django_db

# Who may, by need. Personas: "-a" / "-x" hold a role in the object's case A / chapter X,
# "-b" / "-y" the same role in another case B / chapter Y.
PERSONAS = [
    "anonymous",
    "nobody",
    "admin",
    "researcher-a",
    "researcher-b",
    "viewer-a",
    "viewer-b",
    "coordinator-x",
    "coordinator-y",
    "volunteer-x",
    "volunteer-y",
]
EVERYONE = set(PERSONAS)
SIGNED_IN = EVERYONE - {"anonymous"}
ALLOWED = {
    "public": EVERYONE,
    "signed-in": SIGNED_IN,
    "admin": {"admin"},
    "case-read": {"admin", "researcher-a", "viewer-a"},
    "case-confidential": {"admin", "researcher-a"},
    "case-write": {"admin", "researcher-a"},
    "any-researcher": {"admin", "researcher-a", "researcher-b"},
    "campaign": {"admin", "coordinator-x", "coordinator-y", "volunteer-x", "volunteer-y"},
    "any-coordinator": {"admin", "coordinator-x", "coordinator-y"},
    "chapter-x": {"admin", "coordinator-x"},
    "material-case-a": {"admin", "researcher-a"},
    # The URL does not take the method: everyone is answered 405 or the page's own refusal.
    "not-allowed": set(),
    # The campaign's people, and those who may approve the material (researchers of its case).
    "material-view": {
        "admin",
        "researcher-a",
        "coordinator-x",
        "coordinator-y",
        "volunteer-x",
        "volunteer-y",
    },
}

# (url name, method): (need, the URL's arguments from the world)
TABLE = {
    # Public: no sign-in.
    ("login", "GET"): ("public", lambda w: {}),
    ("login", "POST"): ("public", lambda w: {}),
    ("password_reset", "GET"): ("public", lambda w: {}),
    ("password_reset", "POST"): ("public", lambda w: {}),
    ("password_reset_done", "GET"): ("public", lambda w: {}),
    ("password_reset_done", "POST"): ("not-allowed", lambda w: {}),
    ("password_reset_confirm", "GET"): ("public", lambda w: {"uidb64": "x", "token": "y"}),
    ("password_reset_confirm", "POST"): ("public", lambda w: {"uidb64": "x", "token": "y"}),
    ("password_reset_complete", "GET"): ("public", lambda w: {}),
    ("password_reset_complete", "POST"): ("not-allowed", lambda w: {}),
    ("accept_invitation", "GET"): ("public", lambda w: {"token": "unknown"}),
    ("accept_invitation", "POST"): ("public", lambda w: {"token": "unknown"}),
    ("set_language", "POST"): ("public", lambda w: {}),
    ("set_language", "GET"): ("not-allowed", lambda w: {}),
    ("public_case", "GET"): ("public", lambda w: {"slug": w.case.slug}),
    ("public_case", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("public_feed", "GET"): ("public", lambda w: {"slug": w.case.slug}),
    ("public_feed", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("public_data", "GET"): (
        "public",
        lambda w: {"slug": w.case.slug, "dataset": "figures", "fmt": "json"},
    ),
    ("public_data", "POST"): (
        "not-allowed",
        lambda w: {"slug": w.case.slug, "dataset": "figures", "fmt": "json"},
    ),
    ("public_material", "GET"): ("public", lambda w: {"pk": w.material.pk, "language": "en"}),
    ("public_material", "POST"): ("not-allowed", lambda w: {"pk": w.material.pk, "language": "en"}),
    ("public_material_version", "GET"): ("public", lambda w: {"pk": w.version.pk}),
    ("public_material_version", "POST"): ("not-allowed", lambda w: {"pk": w.version.pk}),
    ("public_event", "GET"): ("public", lambda w: {"pk": w.event.pk}),
    ("public_event", "POST"): ("public", lambda w: {"pk": w.event.pk}),
    ("public_reply", "GET"): (
        "public",
        lambda w: {"pk": w.event.pk, "receipt": rsvps.receipt_for(w.rsvp)},
    ),
    ("public_reply", "POST"): (
        "not-allowed",
        lambda w: {"pk": w.event.pk, "receipt": rsvps.receipt_for(w.rsvp)},
    ),
    ("rsvp_confirm", "GET"): ("public", lambda w: {"token": confirmation_token(w.rsvp)}),
    ("rsvp_confirm", "POST"): ("public", lambda w: {"token": confirmation_token(w.rsvp)}),
    ("events_ical", "GET"): ("public", lambda w: {}),
    ("events_ical", "POST"): ("not-allowed", lambda w: {}),
    ("chapter_ical", "GET"): ("public", lambda w: {"pk": w.chapter_x.pk}),
    ("chapter_ical", "POST"): ("not-allowed", lambda w: {"pk": w.chapter_x.pk}),
    ("worldmap_shapes", "GET"): ("public", lambda w: {"version": worldmap.shapes_version()}),
    ("worldmap_shapes", "POST"): ("not-allowed", lambda w: {"version": worldmap.shapes_version()}),
    # Any signed-in person.
    ("home", "GET"): ("signed-in", lambda w: {}),
    ("home", "POST"): ("not-allowed", lambda w: {}),
    ("logout", "POST"): ("signed-in", lambda w: {}),
    ("logout", "GET"): ("not-allowed", lambda w: {}),
    ("cases:list", "GET"): ("signed-in", lambda w: {}),
    ("cases:list", "POST"): ("not-allowed", lambda w: {}),
    ("actors", "GET"): ("signed-in", lambda w: {}),
    ("actors", "POST"): ("any-researcher", lambda w: {}),
    # Each person is offered only what their forms may offer (tests/accounts/test_pick.py).
    ("pick", "GET"): ("signed-in", lambda w: {"model": "recognition.actor"}),
    ("pick", "POST"): ("not-allowed", lambda w: {"model": "recognition.actor"}),
    ("accounts:security", "GET"): ("signed-in", lambda w: {}),
    ("accounts:security", "POST"): ("not-allowed", lambda w: {}),
    ("accounts:two_factor_setup", "GET"): ("signed-in", lambda w: {}),
    ("accounts:two_factor_setup", "POST"): ("signed-in", lambda w: {}),
    ("accounts:two_factor_verify", "GET"): ("signed-in", lambda w: {}),
    ("accounts:two_factor_verify", "POST"): ("signed-in", lambda w: {}),
    ("accounts:password_change", "GET"): ("signed-in", lambda w: {}),
    ("accounts:password_change", "POST"): ("signed-in", lambda w: {}),
    ("api_tokens", "GET"): ("signed-in", lambda w: {}),
    ("api_tokens", "POST"): ("signed-in", lambda w: {}),
    # A token is revoked by its owner alone (the world's token is the administrator's).
    ("api_token_revoke", "POST"): ("admin", lambda w: {"pk": w.api_token.pk}),
    ("api_token_revoke", "GET"): ("not-allowed", lambda w: {"pk": w.api_token.pk}),
    # Administrators.
    ("cases:create", "GET"): ("admin", lambda w: {}),
    ("cases:create", "POST"): ("admin", lambda w: {}),
    ("accounts:invitations", "GET"): ("admin", lambda w: {}),
    ("accounts:invitations", "POST"): ("admin", lambda w: {}),
    ("accounts:audit_log", "GET"): ("admin", lambda w: {}),
    ("accounts:audit_log", "POST"): ("not-allowed", lambda w: {}),
    # A case: its readers, its researchers.
    ("cases:detail", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("cases:detail", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("cases:edit", "GET"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("cases:edit", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("cases:translate", "GET"): ("case-write", lambda w: {"slug": w.case.slug, "language": "az"}),
    ("cases:translate", "POST"): ("case-write", lambda w: {"slug": w.case.slug, "language": "az"}),
    ("evidence:sources", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("evidence:sources", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("evidence:source_upload", "GET"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("evidence:source_upload", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("evidence:source_web", "GET"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("evidence:source_web", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("evidence:source_choices", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("evidence:source_choices", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("evidence:source", "GET"): ("case-read", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_file", "GET"): ("case-read", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_file", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_edit", "GET"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_edit", "POST"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_text_edit", "GET"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_text_edit", "POST"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_ocr", "GET"): ("case-read", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_ocr", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_ocr_retry", "POST"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_ocr_retry", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:source_version", "GET"): (
        "case-read",
        lambda w: w.in_case(pk=w.source.pk, version=1),
    ),
    ("evidence:source_version", "POST"): (
        "not-allowed",
        lambda w: w.in_case(pk=w.source.pk, version=1),
    ),
    ("evidence:claim_add", "GET"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:claim_add", "POST"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("evidence:claim", "GET"): ("case-read", lambda w: w.in_case(pk=w.claim.pk)),
    ("evidence:claim", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.claim.pk)),
    ("evidence:claim_edit", "GET"): ("case-write", lambda w: w.in_case(pk=w.claim.pk)),
    ("evidence:claim_edit", "POST"): ("case-write", lambda w: w.in_case(pk=w.claim.pk)),
    ("evidence:claim_review", "POST"): ("case-write", lambda w: w.in_case(pk=w.claim.pk)),
    ("evidence:claim_review", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.claim.pk)),
    ("evidence:review_queue", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("evidence:review_queue", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("evidence:figures", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("evidence:figures", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("evidence:search", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("evidence:search", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("law:compare", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("law:compare", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("law:consider", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("law:consider", "GET"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("law:claim_links", "GET"): ("case-read", lambda w: w.in_case(pk=w.claim.pk)),
    ("law:claim_links", "POST"): ("case-write", lambda w: w.in_case(pk=w.claim.pk)),
    ("law:unlink", "POST"): ("case-write", lambda w: w.in_case(pk=w.link.pk)),
    ("law:unlink", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.link.pk)),
    ("law:matrix", "GET"): ("case-read", lambda w: w.in_case(code="RS-6-a")),
    ("law:matrix", "POST"): ("not-allowed", lambda w: w.in_case(code="RS-6-a")),
    ("law:element", "GET"): ("case-read", lambda w: w.in_case(code="RS-6-a", number=1)),
    ("law:element", "POST"): ("not-allowed", lambda w: w.in_case(code="RS-6-a", number=1)),
    ("recognition:overview", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("recognition:overview", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("recognition:map_json", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("recognition:map_json", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("recognition:act_add", "GET"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("recognition:act_add", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("recognition:act", "GET"): ("case-read", lambda w: w.in_case(pk=w.act.pk)),
    ("recognition:act", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.act.pk)),
    ("recognition:act_edit", "GET"): ("case-write", lambda w: w.in_case(pk=w.act.pk)),
    ("recognition:act_edit", "POST"): ("case-write", lambda w: w.in_case(pk=w.act.pk)),
    ("recognition:act_translate", "GET"): (
        "case-write",
        lambda w: w.in_case(pk=w.act.pk, language="az"),
    ),
    ("recognition:act_translate", "POST"): (
        "case-write",
        lambda w: w.in_case(pk=w.act.pk, language="az"),
    ),
    ("recognition:pipeline", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("recognition:pipeline", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("recognition:target_add", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("recognition:target_add", "GET"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("recognition:target", "GET"): ("case-read", lambda w: w.in_case(pk=w.target.pk)),
    ("recognition:target", "POST"): ("case-write", lambda w: w.in_case(pk=w.target.pk)),
    ("recognition:target_move", "POST"): ("case-write", lambda w: w.in_case(pk=w.target.pk)),
    ("recognition:target_move", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.target.pk)),
    ("recognition:import", "GET"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("recognition:import", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("recognition:export_csv", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("recognition:export_csv", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("recognition:export_json", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("recognition:export_json", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("dossier:page", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("dossier:page", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("dossier:build_new", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("dossier:build_new", "GET"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("dossier:preview", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("dossier:preview", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("dossier:build", "GET"): ("case-read", lambda w: w.in_case(pk=w.build.pk)),
    ("dossier:build", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.build.pk)),
    ("dossier:download", "GET"): ("case-read", lambda w: w.in_case(pk=w.build.pk)),
    ("dossier:download", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.build.pk)),
    ("dossier:publish_review", "GET"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("dossier:publish_review", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("dossier:publish", "POST"): (
        "case-write",
        lambda w: w.in_case(kind="claim", pk=w.claim.pk),
    ),
    ("dossier:publish", "GET"): ("not-allowed", lambda w: w.in_case(kind="claim", pk=w.claim.pk)),
    ("dossier:withdraw", "POST"): (
        "case-write",
        lambda w: w.in_case(kind="claim", pk=w.claim.pk),
    ),
    ("dossier:withdraw", "GET"): ("not-allowed", lambda w: w.in_case(kind="claim", pk=w.claim.pk)),
    ("ingest:page", "GET"): ("case-read", lambda w: {"slug": w.case.slug}),
    ("ingest:page", "POST"): ("case-write", lambda w: {"slug": w.case.slug}),
    ("ingest:job", "GET"): ("case-read", lambda w: w.in_case(pk=w.job.pk)),
    ("ingest:job", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.job.pk)),
    ("ingest:review", "GET"): ("case-read", lambda w: w.in_case(pk=w.source.pk)),
    ("ingest:review", "POST"): ("not-allowed", lambda w: w.in_case(pk=w.source.pk)),
    ("ingest:accept_kind", "POST"): ("case-write", lambda w: w.in_case(pk=w.source.pk)),
    ("ingest:accept_kind", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.source.pk)),
    ("ingest:accept", "POST"): ("case-write", lambda w: w.in_case(pk=w.candidate.pk)),
    ("ingest:accept", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.candidate.pk)),
    ("ingest:reject", "POST"): ("case-write", lambda w: w.in_case(pk=w.candidate.pk)),
    ("ingest:reject", "GET"): ("not-allowed", lambda w: w.in_case(pk=w.candidate.pk)),
    # A confidential source: the case's researchers only.
    ("evidence:source", "GET", "confidential"): (
        "case-confidential",
        lambda w: w.in_case(pk=w.confidential.pk),
    ),
    ("evidence:source_file", "GET", "confidential"): (
        "case-confidential",
        lambda w: w.in_case(pk=w.confidential.pk),
    ),
    ("evidence:source_version", "GET", "confidential"): (
        "case-confidential",
        lambda w: w.in_case(pk=w.confidential.pk, version=1),
    ),
    # The campaign: its coordinators and volunteers; a chapter's things, its coordinators.
    ("campaigns:dashboard", "GET"): ("campaign", lambda w: {}),
    ("campaigns:dashboard", "POST"): ("not-allowed", lambda w: {}),
    ("campaigns:chapters", "GET"): ("campaign", lambda w: {}),
    ("campaigns:chapters", "POST"): ("admin", lambda w: {}),
    ("campaigns:chapter", "GET"): ("campaign", lambda w: {"pk": w.chapter_x.pk}),
    ("campaigns:chapter", "POST"): ("not-allowed", lambda w: {"pk": w.chapter_x.pk}),
    ("campaigns:chapter_edit", "GET"): ("chapter-x", lambda w: {"pk": w.chapter_x.pk}),
    ("campaigns:chapter_edit", "POST"): ("chapter-x", lambda w: {"pk": w.chapter_x.pk}),
    ("campaigns:chapter_translate", "GET"): (
        "chapter-x",
        lambda w: {"pk": w.chapter_x.pk, "language": "az"},
    ),
    ("campaigns:chapter_translate", "POST"): (
        "chapter-x",
        lambda w: {"pk": w.chapter_x.pk, "language": "az"},
    ),
    ("campaigns:members", "GET"): ("campaign", lambda w: {}),
    ("campaigns:members", "POST"): ("not-allowed", lambda w: {}),
    ("campaigns:member_add", "GET"): ("any-coordinator", lambda w: {}),
    ("campaigns:member_add", "POST"): ("any-coordinator", lambda w: {}),
    ("campaigns:member_list_export", "GET"): ("any-coordinator", lambda w: {}),
    ("campaigns:member_list_export", "POST"): ("not-allowed", lambda w: {}),
    ("campaigns:member_import", "GET"): ("admin", lambda w: {}),
    ("campaigns:member_import", "POST"): ("admin", lambda w: {}),
    ("campaigns:member", "GET"): ("campaign", lambda w: {"pk": w.member.pk}),
    ("campaigns:member", "POST"): ("not-allowed", lambda w: {"pk": w.member.pk}),
    ("campaigns:member_edit", "GET"): ("chapter-x", lambda w: {"pk": w.member.pk}),
    ("campaigns:member_edit", "POST"): ("chapter-x", lambda w: {"pk": w.member.pk}),
    ("campaigns:member_export", "GET"): ("chapter-x", lambda w: {"pk": w.member.pk}),
    ("campaigns:member_export", "POST"): ("not-allowed", lambda w: {"pk": w.member.pk}),
    ("campaigns:member_erase", "POST"): ("chapter-x", lambda w: {"pk": w.member.pk}),
    ("campaigns:member_erase", "GET"): ("not-allowed", lambda w: {"pk": w.member.pk}),
    ("campaigns:consent_add", "POST"): ("chapter-x", lambda w: {"pk": w.member.pk}),
    ("campaigns:consent_add", "GET"): ("not-allowed", lambda w: {"pk": w.member.pk}),
    ("campaigns:consent_withdraw", "POST"): ("chapter-x", lambda w: {"pk": w.consent.pk}),
    ("campaigns:consent_withdraw", "GET"): ("not-allowed", lambda w: {"pk": w.consent.pk}),
    ("campaigns:events", "GET"): ("campaign", lambda w: {}),
    ("campaigns:events", "POST"): ("not-allowed", lambda w: {}),
    ("campaigns:event_add", "GET"): ("any-coordinator", lambda w: {}),
    ("campaigns:event_add", "POST"): ("any-coordinator", lambda w: {}),
    ("campaigns:event", "GET"): ("campaign", lambda w: {"pk": w.event.pk}),
    ("campaigns:event", "POST"): ("not-allowed", lambda w: {"pk": w.event.pk}),
    ("campaigns:event_edit", "GET"): ("chapter-x", lambda w: {"pk": w.event.pk}),
    ("campaigns:event_edit", "POST"): ("chapter-x", lambda w: {"pk": w.event.pk}),
    ("campaigns:event_outcome", "POST"): ("chapter-x", lambda w: {"pk": w.event.pk}),
    ("campaigns:event_translate", "GET"): (
        "chapter-x",
        lambda w: {"pk": w.event.pk, "language": "az"},
    ),
    ("campaigns:event_translate", "POST"): (
        "chapter-x",
        lambda w: {"pk": w.event.pk, "language": "az"},
    ),
    ("campaigns:event_outcome", "GET"): ("not-allowed", lambda w: {"pk": w.event.pk}),
    ("campaigns:rsvp_check_in", "POST"): ("chapter-x", lambda w: {"pk": w.rsvp.pk}),
    ("campaigns:rsvp_check_in", "GET"): ("not-allowed", lambda w: {"pk": w.rsvp.pk}),
    ("campaigns:rsvp_cancel", "POST"): ("chapter-x", lambda w: {"pk": w.rsvp.pk}),
    ("campaigns:rsvp_cancel", "GET"): ("not-allowed", lambda w: {"pk": w.rsvp.pk}),
    ("campaigns:anniversary", "GET"): ("campaign", lambda w: {"slug": w.case.slug}),
    ("campaigns:anniversary", "POST"): ("not-allowed", lambda w: {"slug": w.case.slug}),
    ("campaigns:contacts", "GET"): ("campaign", lambda w: {}),
    ("campaigns:contacts", "POST"): ("not-allowed", lambda w: {}),
    ("campaigns:contact_add", "GET"): ("any-coordinator", lambda w: {}),
    ("campaigns:contact_add", "POST"): ("any-coordinator", lambda w: {}),
    ("campaigns:contact_list_export", "GET"): ("campaign", lambda w: {}),
    ("campaigns:contact_list_export", "POST"): ("not-allowed", lambda w: {}),
    ("campaigns:contact_import", "GET"): ("admin", lambda w: {}),
    ("campaigns:contact_import", "POST"): ("admin", lambda w: {}),
    ("campaigns:contact", "GET"): ("campaign", lambda w: {"pk": w.contact.pk}),
    ("campaigns:contact", "POST"): ("chapter-x", lambda w: {"pk": w.contact.pk}),
    ("campaigns:follow_up_done", "POST"): ("chapter-x", lambda w: {"pk": w.interaction.pk}),
    ("campaigns:follow_up_done", "GET"): ("not-allowed", lambda w: {"pk": w.interaction.pk}),
    ("campaigns:tasks", "GET"): ("campaign", lambda w: {}),
    ("campaigns:tasks", "POST"): ("any-coordinator", lambda w: {}),
    ("campaigns:task_status", "POST"): ("chapter-x", lambda w: {"pk": w.task.pk}),
    ("campaigns:task_status", "GET"): ("not-allowed", lambda w: {"pk": w.task.pk}),
    ("campaigns:materials", "GET"): ("campaign", lambda w: {}),
    ("campaigns:materials", "POST"): ("campaign", lambda w: {}),
    ("campaigns:material", "GET"): ("material-view", lambda w: {"pk": w.material.pk}),
    ("campaigns:material", "POST"): ("material-case-a", lambda w: {"pk": w.material.pk}),
    ("campaigns:material_version_approve", "POST"): (
        "material-case-a",
        lambda w: {"pk": w.version.pk},
    ),
    ("campaigns:material_version_approve", "GET"): (
        "not-allowed",
        lambda w: {"pk": w.version.pk},
    ),
    ("campaigns:material_publish", "POST"): ("material-case-a", lambda w: {"pk": w.material.pk}),
    ("campaigns:material_publish", "GET"): ("not-allowed", lambda w: {"pk": w.material.pk}),
}


class World:
    """One object of every kind, in case A and chapter X, and a persona for every role."""

    def __init__(self, case, django_user_model):
        self.case = case
        self.other_case = Case.objects.create(slug="other-case", title="Another case")
        self.chapter_x = Chapter.objects.create(name="Chapter X", city="Berlin", country_code="DEU")
        self.chapter_y = Chapter.objects.create(name="Chapter Y", city="Paris", country_code="FRA")
        self.source = Source.objects.get(case=case, title="Field Report 1993")
        self.confidential = Source.objects.get(case=case, access_level="confidential")
        self.claim = Claim.objects.filter(source=self.source).first()
        self.link = ElementLink.objects.get(case=case)
        self.act = RecognitionAct.objects.filter(case=case).first()
        self.target = recognition_services.create_target(
            case, actor=Actor.objects.get(kind="state", country_code="FRA")
        )
        sha, size = archive.store_bytes(b"%PDF-1.4 a dossier")
        stored = ArchivedFile.objects.create(sha256=sha, size=size, original_name="d.pdf")
        self.build = DossierBuild.objects.create(case=case, status="done", archived_file=stored)
        self.job = IngestJob.objects.create(case=case)
        self.candidate = Candidate.objects.create(
            source=self.source, kind="date", start=0, end=3, text="1993", data={"value": "1993"}
        )
        self.member = Member.objects.create(display_name="Lark", legal_name="Hidden Person")
        self.member.chapters.add(self.chapter_x)
        self.consent = Consent.objects.create(
            member=self.member, purpose="contact", statement="may be emailed"
        )
        start = timezone.now() + datetime.timedelta(days=10)
        self.event = self.chapter_x.events.create(
            title="Commemoration",
            kind="commemoration",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            time_zone="Europe/Berlin",
            city="Berlin",
            country_code="DEU",
            venue="Town hall",
            is_public=True,
            case=case,
        )
        self.rsvp = RSVP.objects.create(
            event=self.event,
            name="A guest",
            email="guest@example.org",
            consent_statement="yes",
            status="confirmed",
        )
        self.contact = Contact.objects.create(
            name="A deputy", kind="parliamentarian", chapter=self.chapter_x
        )
        self.interaction = Interaction.objects.create(
            contact=self.contact, channel="meeting", summary="Met"
        )
        self.task = Task.objects.create(title="Write to the deputy", chapter=self.chapter_x)
        self.material = Material.objects.create(
            title="Leaflet", kind="leaflet", case=case, is_public=True
        )
        self.version = MaterialVersion.objects.create(
            material=self.material, language="en", archived_file=stored, approved_at=timezone.now()
        )
        self.clients = {"anonymous": Client()}
        users = {}
        for persona in PERSONAS[1:]:
            users[persona] = django_user_model.objects.create_user(
                persona, password="pw-" + persona, is_superuser=persona == "admin"
            )
        self.api_token, _token = api_tokens.create_token(
            users["admin"],
            name="a script",
            scope="read-write",
            expires_at=timezone.now() + datetime.timedelta(days=30),
        )
        for persona, case_, role in [
            ("researcher-a", case, "researcher"),
            ("researcher-b", self.other_case, "researcher"),
            ("viewer-a", case, "viewer"),
            ("viewer-b", self.other_case, "viewer"),
        ]:
            give_role(users[persona], case_, role)
        self.chapter_x.coordinators.add(users["coordinator-x"])
        self.chapter_y.coordinators.add(users["coordinator-y"])
        self.chapter_x.volunteers.add(users["volunteer-x"])
        self.chapter_y.volunteers.add(users["volunteer-y"])
        for persona, user in users.items():
            needs_2fa = persona == "admin" or persona.startswith("coordinator")
            self.clients[persona] = signed_in(user, second_factor=needs_2fa)

    def in_case(self, **kwargs):
        return {"slug": self.case.slug, **kwargs}


@pytest.fixture
def world(published, django_user_model):
    return World(published, django_user_model)


def confirmation_token(rsvp) -> str:
    """A confirmation link's token for the world's reply (only its hash is stored)."""
    token = f"token-{rsvp.pk}"
    RSVP.objects.filter(pk=rsvp.pk).update(token_hash=hashlib.sha256(token.encode()).hexdigest())
    return token


def project_url_names() -> set[str]:
    names = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue  # the back office: see test_the_back_office_is_for_administrators
                if pattern.namespace == "api":
                    continue  # every API operation: see test_authorisation_api.py
                walk(
                    pattern.url_patterns,
                    f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix,
                )
            elif isinstance(pattern, URLPattern):
                names.add(prefix + pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_the_table_covers_every_url_for_get_and_post():
    covered = {key[:2] for key in TABLE}
    wanted = {(name, method) for name in project_url_names() for method in ("GET", "POST")}
    missing = sorted(wanted - covered)
    assert missing == [], f"add to TABLE who may use these (or 'not-allowed'): {missing}"
    assert {name for name, _method in covered} - project_url_names() == set()


def refused(persona: str, response) -> bool:
    if response.status_code == 405:
        return True
    if persona == "anonymous":
        return response.status_code == 302 and response.url.startswith(reverse("login"))
    return response.status_code in (403, 404)


def row_counts() -> tuple[int, ...]:
    """The number of rows in every table but the sessions' (signing out is not a change to the
    world). The audit log is among them, so a change to any audited record shows too."""
    tables = set(connection.introspection.django_table_names(only_existing=True))
    counts = [
        f"(SELECT COUNT(*) FROM {connection.ops.quote_name(table)})"  # noqa: S608 (Django's names)
        for table in sorted(tables - {"django_session"})
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(counts))
        return cursor.fetchone()


def request(client, method, url, send=None):
    """Make the request (GET or POST to `url`, or as `send(client)` makes it) and undo whatever
    it changed, so every persona meets the same world. Returns the response and whether the
    request added or removed any row."""
    cookies = client.cookies
    client.cookies = cookies.__class__(cookies)  # signing out replaces the session cookie
    with transaction.atomic():
        before = row_counts()
        if send is not None:
            response = send(client)
        else:
            response = client.get(url) if method == "GET" else client.post(url)
        changed = row_counts() != before
        transaction.set_rollback(True)
    client.cookies = cookies
    return response, changed


def test_who_may_open_each_url(world):
    """One world for the whole table (building it is the slow part); every mismatch is listed."""
    wrong = []
    for key, (need, arguments) in TABLE.items():
        name, method = key[0], key[1]
        url = reverse(name, kwargs=arguments(world))
        for persona in PERSONAS:
            response, changed = request(world.clients[persona], method, url)
            expected = persona in ALLOWED[need]
            was_refused = refused(persona, response)
            if response.status_code >= 500 or was_refused == expected:
                where = getattr(response, "url", "")
                wrong.append(f"{method} {url} ({need}) {persona}: {response.status_code} {where}")
            elif was_refused and changed:
                wrong.append(f"{method} {url} ({need}) {persona}: refused, yet changed rows")
    assert wrong == [], "\n".join(wrong)


def test_the_back_office_is_for_administrators(world):
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        urls.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    login = reverse("admin:login")
    for url in urls:
        for persona in PERSONAS:
            response = world.clients[persona].get(url)
            if persona == "admin":
                assert response.status_code == 200, url
            else:
                assert response.status_code == 302 and response.url.startswith(
                    (login, reverse("login"))
                ), (
                    persona,
                    url,
                )


def test_a_case_member_of_another_case_sees_nothing_of_it_in_lists(world):
    page = world.clients["researcher-b"].get(reverse("cases:list")).content.decode()
    assert world.other_case.title in page and world.case.title not in page
    assert CaseMembership.objects.filter(user__username="researcher-b").count() == 1


def test_pages_offer_only_the_actions_the_person_may_take(world):
    source_page = reverse("evidence:source", kwargs=world.in_case(pk=world.source.pk))
    assert "Record a claim" in world.clients["researcher-a"].get(source_page).content.decode()
    assert "Record a claim" not in world.clients["viewer-a"].get(source_page).content.decode()
    event_page = reverse("campaigns:event", kwargs={"pk": world.event.pk})
    assert "Check in" in world.clients["coordinator-x"].get(event_page).content.decode()
    assert "Check in" not in world.clients["volunteer-x"].get(event_page).content.decode()
    cases = world.clients["researcher-a"].get(reverse("cases:list")).content.decode()
    assert "New case" not in cases
    assert "New case" in world.clients["admin"].get(reverse("cases:list")).content.decode()


def test_a_refusal_says_why(world):
    edit = reverse("cases:edit", kwargs={"slug": world.case.slug})
    response = world.clients["viewer-a"].get(edit)
    assert response.status_code == 403
    assert "Only the case&#x27;s researchers may change it." in response.content.decode()


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def test_no_page_export_or_feed_names_a_confidential_source_to_those_who_may_not_see_it(world):
    """A confidential source linked to a recognition act and an element: its title reaches the
    case's researchers and administrators through the recognition export, and nobody else through
    any page, export, feed or JSON endpoint of the table."""
    world.act.sources.add(world.confidential)
    marker = world.confidential.title
    may_see = ALLOWED["case-confidential"]
    export = reverse("recognition:export_csv", kwargs={"slug": world.case.slug})
    assert marker in _body(world.clients["researcher-a"].get(export))
    leaks = []
    for key, (_need, arguments) in TABLE.items():
        if key[1] != "GET":
            continue
        url = reverse(key[0], kwargs=arguments(world))
        for persona in PERSONAS:
            if persona in may_see:
                continue
            response = world.clients[persona].get(url)
            if response.status_code == 200 and marker in _body(response):
                leaks.append(f"{url} {persona}")
    assert leaks == [], "\n".join(leaks)
