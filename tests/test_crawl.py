"""Every page reachable by following links from the case list opens without a server error,
on the demonstration case, for an administrator."""

import re
from collections import deque

import pytest
from django.core.management import call_command

HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/admin/", "/logout/", "/static/", "/i18n/")


@pytest.mark.django_db
def test_every_linked_page_opens(administrator_client, states, law):
    call_command("load_demo")
    client = administrator_client
    seen, queue, opened = set(), deque(["/cases/", "/campaign/", "/actors/"]), 0
    while queue and opened < 400:  # bounded: the demo has a few hundred pages
        url = queue.popleft()
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        opened += 1
        assert response.status_code in (200, 302), f"{url}: {response.status_code}"
        if response.get("Content-Type", "").startswith("text/html"):
            for link in HREF.findall(response.content.decode()):
                if link not in seen:
                    queue.append(link.replace("&amp;", "&"))
    assert opened > 60, opened
