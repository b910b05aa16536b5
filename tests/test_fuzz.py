"""Hostile values in every form, every query string and every address, as an administrator:
never a server error.

The forms are found, not listed: every page of the authorisation table's world is opened and its
<form> elements and links with a query string are read, the query parameters views read by name
are found in their source, and each address of the table gets hostile arguments; so a new form,
filter or page is fuzzed without anyone adding it here. A fixed seed and a fixed number of
requests make every run the same.
"""

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

import vigil
from tests.accounts.test_authorisation import TABLE, World

pytestmark = pytest.mark.django_db

SEED = 20_260_226
# Requests after every field has had its hostile values: several fields at a time, at random.
RANDOM_REQUESTS = 150
# Where Vigil's views read a query string parameter by name (not through a form on the page).
READS_QUERY = re.compile(r"""GET(?:\.get|\.getlist)?[\[(]\s*["']([a-z_]+)["']""")

HUGE_IDS = [
    "99999999999999999999",
    "9223372036854775808",
    "2147483648",
    "-1",
    "-99999999999999999999",
    "0",
    "1e3",
    "1.5",
    "٣",
    "0x10",
    " 1",
]
JUNK_DATES = [
    "2023-02-30",
    "1992-13-01",
    "1992-02-00",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "99999-01-01",
    "T",
    "1992-02-26T25:61",
    "2024-02-30T10:00",
    "1992-2-30",
    "-1",
    "26/02/1992",
    "1992-02-26\x00",
]
JUNK_NUMBERS = ["1e309", "NaN", "-inf", "99999999999999999999", "-99999999999999999999", "1.5", ""]
TEXTS = [
    "\x00",
    "before\x00after",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f",
    "\u200b\u202e\ufeff",
    "x" * 100_000,
    "👩‍👩‍👧 ﷽ Xocalı ج ع ā\u0301",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%s %(name)s {0} {{ x }}",
    "../../etc/passwd",
    " ",
    "",
]
ANY = HUGE_IDS + JUNK_DATES + JUNK_NUMBERS + TEXTS
# What people type into a text box that is meant for a date or a number.
TYPED = JUNK_DATES + HUGE_IDS
# In an address, for an id argument (True) and a text one (False).
PATH_JUNK = {True: ["99999999999999999999"], False: ["a\x00b", "ü" * 2000, "%25", ".."]}
# Each field's first hostile value, by kind (a select reads the last of several values).
WORST = {
    "choice": ["-1", "99999999999999999999"],
    "date": ["2023-02-30"],
    "number": ["1e309"],
    "text": ["before\x00after"],
}


@dataclass
class Target:
    """A form, a link with a query string, a page's query parameters or an address: where the
    hostile values go."""

    method: str
    url: str
    values: dict[str, list[str]]
    kinds: dict[str, str] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    probe: bool = False  # a page with every parameter the views read, all hostile at once

    def name(self) -> str:
        return f"{self.method} {self.url}"


def field_kind(element) -> str:
    tag, kind = element.tag, (element.get("type") or "text").lower()
    name = element.get("name", "")
    if tag == "select" or kind in ("checkbox", "radio"):
        return "choice"
    if kind in ("date", "datetime-local", "time", "month") or name.endswith(("_on", "date", "_at")):
        return "date"
    if kind == "number" or name in ("year", "page", "value", "low", "high", "capacity"):
        return "number"
    if kind == "file":
        return "file"
    return "text"


def form_targets(page_url: str, html: str) -> list[Target]:
    """The page's forms with the values they would send as they stand, and its links' queries."""
    document = lxml.html.fromstring(html)
    targets = []
    for form in document.forms:
        method = (form.get("method") or "get").upper()
        url = urljoin(page_url, form.get("action") or page_url)
        values, kinds, files = {}, {}, set()
        for element in form.inputs:
            name = element.get("name")
            if not name or name == "csrfmiddlewaretoken":
                continue
            kinds[name] = field_kind(element)
            if kinds[name] == "file":
                files.add(name)
                continue
            if element.tag == "select":
                options = [o for o in element.value_options if o] or [""]
                chosen = list(element.value) if element.multiple else [element.value or options[0]]
                values[name] = chosen or options[:1]
            elif element.get("type") in ("checkbox", "radio"):
                if element.checked or name not in values:
                    values[name] = [element.get("value") or "on"]
            else:
                values[name] = [element.value or ""]
        targets.append(Target(method, url, values, kinds, files))
    for link in document.iterlinks():
        href = link[2]
        parts = urlsplit(urljoin(page_url, href))
        if parts.query and parts.path.startswith("/") and not parts.path.startswith("/admin/"):
            query = {}
            for name, value in parse_qsl(parts.query, keep_blank_values=True):
                query.setdefault(name, []).append(value)
            targets.append(Target("GET", parts.path, query, {n: "text" for n in query}))
    return targets


def query_names() -> list[str]:
    """The query string parameters Vigil's views read by name, found in their source."""
    source = Path(vigil.__file__).parent
    names = {
        name for path in source.rglob("*.py") for name in READS_QUERY.findall(path.read_text())
    }
    return sorted(names)


def address_targets(world) -> list[Target]:
    """Every page's address with one of its arguments hostile: a huge id, NUL, a long text."""
    targets = []
    for (name, method, *_variant), (need, arguments) in TABLE.items():
        if method != "GET" or need == "not-allowed":
            continue
        real = arguments(world)
        for argument, value in real.items():
            marker = 7_654_321 if isinstance(value, int) else "fuzzmarker"
            url = reverse(name, kwargs={**real, argument: marker})
            for junk in PATH_JUNK[isinstance(value, int)]:
                targets.append(Target("GET", url.replace(str(marker), quote(junk)), {}))
    return targets


def discover(client, world) -> list[Target]:
    """Every form and query-string link on every page the table's world has, once each; and
    every page with every parameter the views read by name."""
    pages = {
        reverse(key[0], kwargs=arguments(world))
        for key, (need, arguments) in TABLE.items()
        if key[1] == "GET" and need != "not-allowed"
    }
    probe = dict.fromkeys(query_names(), "text")
    found = {}
    for page in sorted(pages):
        response = client.get(page)
        found[("probe", page)] = Target(
            "GET", page, {name: [""] for name in probe}, probe, probe=True
        )
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for target in form_targets(page, response.content.decode()):
            key = (target.method, urlsplit(target.url).path, tuple(sorted(target.values)))
            if "logout" not in target.url:
                found.setdefault(key, target)
    return list(found.values())


def hostile(rng: random.Random, kind: str) -> str:
    pool = {"choice": HUGE_IDS, "date": JUNK_DATES, "number": JUNK_NUMBERS, "text": TEXTS}[kind]
    return rng.choice(pool if rng.random() < 0.8 else ANY)


def hostile_file(rng: random.Random) -> SimpleUploadedFile:
    name = rng.choice(["../../x.pdf", "a" * 300 + ".txt", "\u202eexe.pdf", "z.zip", ".csv", "n"])
    content = rng.choice([b"", b"%PDF-1.4 junk", b"PK\x03\x04 junk", b"\xff\xfe\x00x", b"a,b\n"])
    return SimpleUploadedFile(name, content)


def send(client, target: Target, data: dict):
    """Make the request and undo whatever it changed, so every request meets the same world."""
    cookies = client.cookies
    client.cookies = cookies.__class__(cookies)  # signing out or rotating replaces the cookie
    try:
        with transaction.atomic():
            if target.method == "GET":
                query = urlencode([(k, v) for k, vs in data.items() for v in vs])
                response = client.get(f"{target.url}?{query}" if query else target.url)
            else:
                response = client.post(target.url, data)
            transaction.set_rollback(True)
        return response.status_code, ""
    except Exception as error:  # the test client re-raises what the view raised
        return 500, f"{type(error).__name__}: {str(error)[:200]}"
    finally:
        client.cookies = cookies


def mutated(rng: random.Random, target: Target, names: list[str], pool=None) -> dict:
    """The form's own values, with those of `names` replaced by hostile ones: from `pool`, the
    worst of their kind ("worst"), or any of their kind (None)."""
    data = {name: list(values) for name, values in target.values.items()}
    for name in names:
        kind = target.kinds.get(name, "text")
        if kind == "file":
            data[name] = hostile_file(rng)
        elif pool == "worst":
            data[name] = WORST[kind]
        elif pool:
            data[name] = [rng.choice(pool)]
        elif kind == "choice" and rng.random() < 0.3:
            data[name] = [hostile(rng, kind) for _ in range(rng.randint(2, 4))]
        else:
            data[name] = [hostile(rng, kind)]
    return data


def describe(target: Target, data: dict) -> str:
    shown = {
        k: (repr(v)[:60] if not isinstance(v, SimpleUploadedFile) else v.name[:40])
        for k, v in data.items()
    }
    return f"{target.name()} {shown}"


def plan(
    rng: random.Random, targets: list[Target]
) -> list[tuple[Target, list[str], list | str | None]]:
    """Each field alone with the worst value of its kind (a text field a second time, with a junk
    date or id: people type those into text boxes), each page's query string at once, then
    several fields at a time with values at random."""
    requests = []
    for target in targets:
        if target.probe:
            requests.append((target, list(target.values), None))
            continue
        for name in [*target.values, *target.files]:
            requests.append((target, [name], "worst"))
            if target.kinds.get(name) == "text":
                requests.append((target, [name], TYPED))
    for _ in range(RANDOM_REQUESTS):
        target = rng.choice(targets)
        names = [*target.values, *target.files, "unexpected"]
        requests.append((target, rng.sample(names, k=min(len(names), rng.randint(1, 4))), None))
    return requests


@pytest.fixture
def world(published, django_user_model):
    return World(published, django_user_model)


def test_no_hostile_value_in_a_form_a_query_string_or_an_address_gets_a_server_error(world):
    client = world.clients["admin"]
    targets = discover(client, world)
    assert len(targets) > 100, "the forms were not found"
    rng = random.Random(SEED)
    requests = plan(rng, targets) + [(target, [], None) for target in address_targets(world)]
    errors = []
    for target, names, pool in requests:
        data = mutated(rng, target, names, pool)
        status, error = send(client, target, data)
        if status >= 500:
            errors.append(f"{status} {describe(target, data)} {error}")
    assert errors == [], f"{len(errors)} of {len(requests)} requests failed:\n" + "\n".join(errors)
