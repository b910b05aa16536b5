"""The audit log page: filters by who, record, action and date, and exports what it shows."""

import csv
import io

import pytest
from django.urls import reverse

from tests.conftest import body, make_source
from tests.recognition.conftest import act as record_act
from tests.recognition.conftest import state
from vigil.audit.log import acting_as
from vigil.campaigns.models import Material, Member
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
    assert export.streaming  # written as the entries are read: the log only grows
    table = list(csv.DictReader(io.StringIO(body(export))))
    assert [row["actor"] for row in table] == ["alice"]
    assert "Renamed by alice" in table[0]["changes"]


def entries_on_the_page(client, **filters) -> list:
    return client.get(reverse("accounts:audit_log"), filters).context["entries"]


def test_a_record_is_named_by_its_kind_and_title(administrator_client, case):
    source = make_source(case, title="Bloodshed in the Caucasus")
    Material.objects.create(title="Fact sheet on the town", kind="fact_sheet")
    names = {d.record for d in entries_on_the_page(administrator_client)}
    assert "Source: Bloodshed in the Caucasus" in names
    assert "Material: Fact sheet on the town" in names
    page = administrator_client.get(reverse("accounts:audit_log")).content.decode()
    assert f"evidence.Source {source.pk}" in page  # what the record filter takes


def test_a_change_reads_as_each_field_before_and_after(administrator_client, case, states):
    source = make_source(case, title="First title")
    act = record_act(case, state("PAK"), "massacre", sources=[source])
    with acting_as(None, "alice"):
        source.title = "Second title"
        source.save()
        act.characterisation = "crime_against_humanity"
        act.save()
    changed = entries_on_the_page(administrator_client, user="alice")
    rows = {(c.field, c.before, c.after) for d in changed for c in d.changes}
    assert ("Title", "First title", "Second title") in rows
    assert ("Characterisation", "massacre", "crime against humanity") in rows
    created = entries_on_the_page(
        administrator_client, record=f"recognition.RecognitionAct {act.pk}"
    )
    fields = {c.field: c.after for d in created for c in d.changes}
    assert fields["Actor"] == "Pakistan"  # a related record by name, not its number
    assert fields["Sources"] == "added: Second title"


def test_personal_fields_stay_masked_on_the_page(administrator_client):
    member = Member.objects.create(
        display_name="Nightingale", legal_name="Leyla Hiddenname", email="leyla@example.org"
    )
    page = administrator_client.get(reverse("accounts:audit_log")).content.decode()
    assert f"Member #{member.pk}" in page
    assert "Leyla Hiddenname" not in page and "leyla@example.org" not in page
    assert "(private)" in page


def test_a_linked_record_reads_added_in_the_reader_s_language(administrator_client, case, states):
    source = make_source(case, title="Senate record")
    act = record_act(case, state("PAK"), "massacre", sources=[source])
    url = reverse("accounts:audit_log")
    filters = {"record": f"recognition.RecognitionAct {act.pk}"}
    page = administrator_client.get(url, filters, HTTP_ACCEPT_LANGUAGE="ru")
    fields = {c.after for d in page.context["entries"] for c in d.changes}
    assert "добавлено: Senate record" in fields


def test_the_log_keeps_its_english_marks_while_the_page_shows_words(administrator_client):
    Member.objects.create(display_name="Nightingale", email="leyla@example.org")
    [entry] = entries_on_the_page(administrator_client, record="campaigns.Member")
    assert (entry.actor, entry.entry.actor_name) == ("system", "system")
    assert "(private)" in {c.after for c in entry.changes}
    assert "(private)" in entry.entry.changes["email"]  # stored as written, inside the hash
