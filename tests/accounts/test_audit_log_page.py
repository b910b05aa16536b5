"""The audit log page: filters by who, record, action and date, and exports what it shows."""

import csv
import io

import pytest
from django.urls import reverse

from vigil.accounts.audit import acting_as
from vigil.cases.models import Case

pytestmark = pytest.mark.django_db


def test_the_log_filters_and_exports(administrator_client, alice, case):
    with acting_as(alice):
        case.title = "Renamed by alice"
        case.save()
    Case.objects.create(slug="another", title="Another case")  # by "system"
    url = reverse("accounts:audit_log")
    page = administrator_client.get(url, {"user": "alice", "action": "update"})
    rows = page.context["page"].object_list
    assert [(e.actor_name, e.model_label, e.action) for e in rows] == [
        ("alice", "cases.Case", "update")
    ]
    by_record = administrator_client.get(url, {"record": f"cases.Case {case.pk}"})
    assert {e.object_pk for e in by_record.context["page"].object_list} == {str(case.pk)}
    future = administrator_client.get(url, {"since": "2999-01-01"})
    assert future.context["page"].paginator.count == 0
    export = administrator_client.get(url, {"user": "alice", "format": "csv"})
    assert export["Content-Disposition"].startswith("attachment;")
    table = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert [row["actor"] for row in table] == ["alice"]
    assert "Renamed by alice" in table[0]["changes"]
