"""Hardening: stored XSS comes out inert everywhere, the Content Security Policy allows no inline
script, and Django's deploy checks pass under the production settings the README documents."""

import os
import re
import subprocess
import sys
from collections import deque
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

import vigil

SCRIPT = "<script>alert(1)</script>"
PAYLOAD = f'"><{SCRIPT[1:]}'  # also tries to break out of an attribute
BAD_URL = "javascript:alert(1)"
HREF = re.compile(r'href="(/[^"#]*)"')
VIGIL_APPS = ["cases", "evidence", "law", "recognition", "campaigns", "dossier", "ingest"]


def poison_every_free_text_field() -> int:
    """Write the payload into every free-text field of every row (bypassing form validation, as
    an attacker with a bug elsewhere or an import might), and a javascript: URL into URL fields."""
    poisoned = 0
    for label in VIGIL_APPS:
        for model in apps.get_app_config(label).get_models():
            constrained = {
                name
                for constraint in model._meta.constraints
                for name in getattr(constraint, "fields", ())
            }
            for field in model._meta.concrete_fields:
                if field.choices or field.unique or field.name in constrained:
                    continue
                if isinstance(field, models.SlugField | models.EmailField):
                    continue
                if isinstance(field, models.URLField):
                    value = BAD_URL
                elif isinstance(field, models.TextField) or (
                    isinstance(field, models.CharField) and (field.max_length or 0) >= 100
                ):
                    value = PAYLOAD
                else:
                    continue
                poisoned += model._base_manager.update(**{field.attname: value})
    return poisoned


def inert(html: str) -> bool:
    return SCRIPT not in html and f'href="{BAD_URL}' not in html and "<script>alert" not in html


@pytest.mark.django_db
def test_script_in_every_free_text_field_comes_out_inert(administrator_client, client, states, law):
    call_command("load_demo")
    from vigil.cases.models import Case

    Case.objects.update(is_public=True)
    assert poison_every_free_text_field() > 100
    seen, queue, opened = set(), deque(["/cases/", "/campaign/", "/actors/", "/p/khojaly-1992/"]), 0
    skip = ("/admin/", "/logout/", "/static/", "/i18n/")
    while queue and opened < 500:
        url = queue.popleft()
        if url in seen or url.startswith(skip):
            continue
        seen.add(url)
        response = administrator_client.get(url)
        opened += 1
        assert response.status_code < 500, url
        # JSON and CSV carry the text as data; the browser never renders them (nosniff).
        if response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            assert inert(html), url
            queue.extend(link.replace("&amp;", "&") for link in HREF.findall(html))
    assert opened > 60
    public = client.get("/p/khojaly-1992/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in public  # shown as text, so it was tested


def test_no_template_has_inline_script_or_event_handlers():
    templates = Path(vigil.__file__).parent.rglob("*.html")
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")
    handler = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
    found = []
    for template in templates:
        text = template.read_text()
        if inline_script.search(text) or handler.search(text):
            found.append(template.name)
    assert found == []


@pytest.mark.django_db
def test_pages_carry_the_security_headers(alice_client):
    response = alice_client.get("/cases/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert script_src.strip() == "'self'"
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_an_archived_file_is_served_as_an_attachment_of_plain_bytes(alice_client, case):
    from vigil.evidence import services

    html = b"<html><body><p>A report on the town, with many pages of findings.</p>"
    html += b"<script>alert(1)</script></body></html>"
    source = services.add_source_from_bytes(
        case,
        data=html,
        filename="page.html",
        metadata={
            "kind": "report",
            "title": "A page",
            "reliability_grade": "C",
            "reliability_reason": "test",
            "access_level": "public",
        },
    ).source
    response = alice_client.get(f"/cases/{case.slug}/sources/{source.pk}/file/")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_the_deploy_checks_pass_under_production_settings(tmp_path):
    """The settings the README gives for production: HTTPS behind a trusted proxy, secure
    cookies, a real secret key."""
    env = {
        **os.environ,
        "VIGIL_DATA_DIR": str(tmp_path),
        "VIGIL_HTTPS": "1",
        "VIGIL_SECURE_COOKIES": "1",
        "VIGIL_TRUSTED_PROXIES": "10.0.0.2",
        "VIGIL_SECRET_KEY": "k" * 20 + "a-long-random-production-secret-key-0123456789",
        "VIGIL_ALLOWED_HOSTS": "vigil.example.org",
        "VIGIL_DEBUG": "0",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "-m", "vigil", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
